import { describe, expect, it } from 'vitest'
import { commands } from '../../shared/commands'
import { unimplementedCommands } from './actions'

describe('actions', () => {
  it('implements every command the menu, keys, toolbar and palette offer', () => {
    expect(commands.length).toBeGreaterThan(40)
    expect(unimplementedCommands()).toEqual([])
  })

  it('gives every command a unique id and every key to one command only', () => {
    expect(new Set(commands.map((c) => c.id)).size).toBe(commands.length)
    const keys = commands.flatMap((c) => c.keys ?? [])
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
  })
})
