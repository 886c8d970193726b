import { describe, expect, it } from 'vitest'
import type { Card, Relation } from '../../../shared/board'
import { relationLines } from '../../../shared/relationLines'
import { highlightColor } from './arrowheads'
import { CELL, inkShare, relationStrokes, SELECTED_EXTRA } from './relationStrokes'

const card = (id: string, x: number, y: number): Card => ({ id, kind: 'note', title: id, x, y, width: 200, height: 100, fields: {} })
const relation = (id: string, kind: Relation['kind'], from: string, to: string, label = ''): Relation => ({ id, kind, from, to, label })

describe('inkShare', () => {
  it('is the dashes’ share of the pattern, 1 for a solid line', () => {
    expect(inkShare(undefined)).toBe(1)
    expect(inkShare('')).toBe(1)
    expect(inkShare('8 4')).toBe(0.67)
    expect(inkShare('2 4')).toBe(0.33)
    expect(inkShare('12 4 2 4')).toBe(0.64)
    expect(inkShare('6')).toBe(0.5)
  })
})

describe('relationStrokes', () => {
  const cards = [card('a', 0, 0), card('b', 400, 0), card('c', 0, 300), card('far', 5000, 0)]
  const relations = [
    relation('ab', 'dependsOn', 'a', 'b'),
    relation('ac', 'drives', 'a', 'c'),
    relation('if', 'dependsOn', 'c', 'b', 'only if the pilot works'),
    relation('long', 'dependsOn', 'a', 'far')
  ]
  const lines = relationLines(cards, relations)
  const segments = (d: string): number => d.match(/M/g)?.length ?? 0

  it('draws every relation once, grouped by look: dashed kinds lighter, a long line cut per cell', () => {
    const strokes = relationStrokes(lines, 'light', new Set(), new Map())
    const heads = strokes.reduce((n, s) => n + segments(s.heads), 0)
    expect(heads).toBe(relations.length)
    const solid = strokes.filter((s) => s.opacity === 1 && s.color === '#334155')
    // ab, and the long one in five pieces of CELL or less, each in the path of its own cell (ab shares the first).
    expect(solid.reduce((n, s) => n + segments(s.lines), 0)).toBe(1 + Math.ceil((5000 - 200) / CELL))
    expect(solid.filter((s) => s.lines).length).toBe(Math.ceil((5000 - 200) / CELL))
    expect(strokes.find((s) => s.color === '#7c3aed')?.opacity).toBe(0.67)
    // A condition on "depends on" dashes it (7 5): the same colour, lighter.
    expect(strokes.find((s) => s.color === '#334155' && s.opacity === 0.58)).toBeDefined()
  })

  it('draws selected and highlighted relations over the rest, in their colour and width', () => {
    const strokes = relationStrokes(lines, 'dark', new Set(['ab']), new Map([['ac', 'edge--critical']]))
    const last = strokes.at(-1)!
    expect(last.width).toBe(2 + SELECTED_EXTRA)
    expect(segments(last.lines)).toBe(1)
    const critical = strokes.find((s) => s.color === highlightColor.dark['edge--critical'])
    expect(critical).toMatchObject({ width: 5, opacity: 0.67 })
    expect(strokes.indexOf(critical!)).toBeGreaterThan(strokes.findIndex((s) => s.width === 2 && s.opacity === 1))
  })

  it('puts the arrowhead’s tip on the line’s end, pointing along it', () => {
    const [stroke] = relationStrokes(lines.slice(0, 1), 'light', new Set(), new Map())
    // ab ends at (400, 50), coming from the left: the tip, then two corners 8 units back
    // (at 392, 50 ± 6.4), to the nearest board unit.
    expect(stroke!.heads).toBe('M400,50L392,56L392,44Z')
  })
})
