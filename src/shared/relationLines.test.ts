import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Card, Relation } from './board'
import { distanceToSegment, lineAt, relationLines } from './relationLines'

const card = (id: string, x: number, y: number): Card => ({ id, kind: 'note', title: id, x, y, width: 200, height: 100, fields: {} })
const relation = (id: string, from: string, to: string): Relation => ({ id, kind: 'dependsOn', from, to, label: '' })

describe('relationLines', () => {
  const cards = [card('a', 0, 0), card('b', 400, 0), card('c', 0, 300)]
  const relations = [relation('ab', 'a', 'b'), relation('ac', 'a', 'c'), relation('gone', 'a', 'missing')]

  it('runs from border to border, towards the other card, and leaves out relations to missing cards', () => {
    const lines = relationLines(cards, relations)
    expect(lines.map((l) => l.relation.id)).toEqual(['ab', 'ac'])
    expect(lines[0]).toMatchObject({ start: { x: 200, y: 50 }, end: { x: 400, y: 50 } })
    expect(lines[1]).toMatchObject({ start: { x: 100, y: 100 }, end: { x: 100, y: 300 } })
  })

  it('puts a card where the drag or resize has it, not where the board does', () => {
    const [ab] = relationLines(cards, relations, new Map([['b', { x: 400, y: 200, height: 300 }]]))
    // b is now 200 × 300 with its middle at (500, 350): the line meets its left side a quarter of the way back.
    expect(ab!.end).toEqual({ x: 400, y: 275 })
  })
})

describe('lineAt', () => {
  const lines = relationLines([card('a', 0, 0), card('b', 400, 0), card('c', 400, 20)], [relation('ab', 'a', 'b'), relation('ac', 'a', 'c')])

  it('finds the nearest line within the tolerance, and nothing farther', () => {
    expect(lineAt(lines, { x: 300, y: 52 }, 6)?.relation.id).toBe('ab')
    expect(lineAt(lines, { x: 300, y: 65 }, 6)?.relation.id).toBe('ac')
    expect(lineAt(lines, { x: 300, y: 90 }, 6)).toBeNull()
    // Beyond a line's end is not on it.
    expect(lineAt(lines, { x: 100, y: 50 }, 6)).toBeNull()
  })

  it('takes the line drawn last of two as near', () => {
    const twice = [...lines.slice(0, 1), { ...lines[0]!, relation: relation('again', 'a', 'b') }]
    expect(lineAt(twice, { x: 300, y: 50 }, 6)?.relation.id).toBe('again')
  })
})

describe('distanceToSegment', () => {
  it('is the least distance to any point along the segment (fast-check)', () => {
    const point = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) })
    fc.assert(
      fc.property(point, point, point, (p, a, b) => {
        let least = Infinity
        for (let i = 0; i <= 1000; i++) {
          const t = i / 1000
          least = Math.min(least, Math.hypot(p.x - (a.x + (b.x - a.x) * t), p.y - (a.y + (b.y - a.y) * t)))
        }
        const d = distanceToSegment(p, a, b)
        expect(d).toBeLessThanOrEqual(least + 1e-9)
        expect(d).toBeGreaterThan(least - 1.5) // the walk's steps are at most ~1.4 units apart
      })
    )
  })
})
