import { describe, expect, it } from 'vitest'
import { parseBoardText } from '../src/shared/load'
import { serializeBoard } from '../src/shared/serialize'
import { cardKind } from '../src/shared/kinds'
import { generateBoard, sizes } from './generate'
import { percentile } from './stats'

describe('benchmark boards', () => {
  it.each(sizes.map((s) => [s.name, s] as const))('%s has the promised cards and relations and opens like a saved file', (_, size) => {
    const board = generateBoard(size)
    expect(board.cards).toHaveLength(size.cards)
    expect(board.relations).toHaveLength(size.relations)
    const opened = parseBoardText(serializeBoard(board))
    expect(opened.ok ? 'valid' : `${opened.problem} at ${opened.where}`).toBe('valid')
  })

  it('is the same board on every run, with a workshop-like mix', () => {
    const size = sizes[1]!
    expect(serializeBoard(generateBoard(size))).toBe(serializeBoard(generateBoard(size)))
    const board = generateBoard(size)
    const kinds = new Set(board.cards.map((c) => c.kind))
    expect(kinds.size).toBe(9)
    expect(board.cards.filter((c) => cardKind(c.kind).container).length).toBeGreaterThan(20)
    expect(board.cards.some((c) => c.title.length > 100)).toBe(true)
    expect(board.relations.filter((r) => r.label).length).toBeGreaterThan(50)
    // Containers come first, so they are drawn behind the cards they hold.
    const firstCard = board.cards.findIndex((c) => !cardKind(c.kind).container)
    expect(board.cards.slice(firstCard).every((c) => !cardKind(c.kind).container)).toBe(true)
  })
})

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i)
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 95)).toBe(95)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 95)).toBeNaN()
  })
})
