import { describe, expect, it } from 'vitest'
import { matchesKeys, type KeyPress } from './keys'

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods
})

describe('matchesKeys', () => {
  it('maps Mod to Ctrl, or Cmd on a Mac', () => {
    expect(matchesKeys('Mod+D', press('d', 'KeyD', { ctrlKey: true }), false)).toBe(true)
    expect(matchesKeys('Mod+D', press('d', 'KeyD', { ctrlKey: true }), true)).toBe(false)
    expect(matchesKeys('Mod+D', press('d', 'KeyD', { metaKey: true }), true)).toBe(true)
    expect(matchesKeys('Mod+D', press('d', 'KeyD', { ctrlKey: true, shiftKey: true }), false)).toBe(false)
  })

  it('tells arrow keys with and without Shift apart', () => {
    expect(matchesKeys('ArrowLeft', press('ArrowLeft', 'ArrowLeft'), false)).toBe(true)
    expect(matchesKeys('ArrowLeft', press('ArrowLeft', 'ArrowLeft', { shiftKey: true }), false)).toBe(false)
    expect(matchesKeys('Shift+ArrowLeft', press('ArrowLeft', 'ArrowLeft', { shiftKey: true }), false)).toBe(true)
  })

  it('matches digits with Shift on the physical key', () => {
    expect(matchesKeys('Shift+2', press('@', 'Digit2', { shiftKey: true }), false)).toBe(true)
    expect(matchesKeys('Shift+0', press(')', 'Digit0', { shiftKey: true }), false)).toBe(true)
    expect(matchesKeys('Shift+0', press('0', 'Digit0'), false)).toBe(false)
  })

  it('matches letters with Alt on the physical key, since Option+A types "å" on a Mac', () => {
    expect(matchesKeys('Alt+A', press('å', 'KeyA', { altKey: true }), true)).toBe(true)
    expect(matchesKeys('Alt+Shift+H', press('Ó', 'KeyH', { altKey: true, shiftKey: true }), true)).toBe(true)
    expect(matchesKeys('Alt+A', press('a', 'KeyA'), false)).toBe(false)
  })

  it('matches a symbol however the layout makes it: "?" is Shift+/ in the US, a key of its own elsewhere', () => {
    expect(matchesKeys('?', press('?', 'Slash', { shiftKey: true }), false)).toBe(true)
    expect(matchesKeys('?', press('?', 'Minus'), false)).toBe(true)
    expect(matchesKeys('?', press('/', 'Slash'), false)).toBe(false)
    expect(matchesKeys('?', press('?', 'Slash', { shiftKey: true, ctrlKey: true }), false)).toBe(false)
  })

  it('keeps single letters exact', () => {
    expect(matchesKeys('N', press('n', 'KeyN'), false)).toBe(true)
    expect(matchesKeys('N', press('N', 'KeyN', { shiftKey: true }), false)).toBe(false)
  })
})
