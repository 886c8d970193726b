import { describe, expect, it } from 'vitest'
import type { Board } from './board'
import { parseBoardText } from './load'
import { serializeBoard } from './serialize'

/** Keys deliberately out of order, as an editor might build them. */
function board(): Board {
  return {
    relations: [{ label: 'only if the pilot with two customers succeeds', to: 'seed-pricing', from: 'ft-route', kind: 'dependsOn', id: 'rel-1' }],
    viewport: { zoom: 1.25, y: -80, x: 30 },
    cards: [
      {
        fields: { valueQuestioned: false, teams: 'Routing Core', outcome: '', momentum: 'unstoppable' },
        y: 40,
        x: 120,
        width: 240,
        height: 96,
        title: 'Route Optimiser 3.0 re-platform',
        kind: 'freightTrain',
        id: 'ft-route'
      },
      {
        id: 'seed-pricing',
        kind: 'seedling',
        title: 'Usage-based pricing pilot — «Zahlung» ✓',
        x: 500,
        y: 40,
        width: 220,
        height: 96,
        fields: { stage: 'seed', criteria: [{ text: '5 customers pay monthly for a quarter', done: false }] }
      }
    ],
    version: 1,
    format: 'orgboard'
  }
}

describe('serializeBoard', () => {
  const text = serializeBoard(board())
  const doc = JSON.parse(text) as Record<string, unknown> & { cards: object[]; relations: object[] }

  it('puts format and version first, then the rest alphabetically', () => {
    expect(Object.keys(doc)).toEqual(['format', 'version', 'cards', 'relations', 'viewport'])
    expect(text.startsWith('{\n  "format": "orgboard",\n  "version": 1,\n')).toBe(true)
  })

  it('orders the keys of cards, fields and relations the same way every time', () => {
    expect(Object.keys(doc.cards[0]!)).toEqual(['id', 'kind', 'title', 'fields', 'height', 'width', 'x', 'y'])
    expect(Object.keys((doc.cards[0] as { fields: object }).fields)).toEqual(['momentum', 'outcome', 'teams', 'valueQuestioned'])
    expect(Object.keys(doc.relations[0]!)).toEqual(['id', 'kind', 'from', 'to', 'label'])
  })

  it('does not depend on the order keys were added in', () => {
    const b = board()
    const reordered: Board = { format: b.format, version: b.version, viewport: b.viewport, cards: b.cards, relations: b.relations }
    expect(serializeBoard(reordered)).toBe(text)
  })

  it('indents with 2 spaces, keeps text readable and ends with one newline', () => {
    expect(text).toBe(JSON.stringify(doc, null, 2) + '\n')
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.endsWith('\n\n')).toBe(false)
    expect(text).toContain('Usage-based pricing pilot — «Zahlung» ✓')
  })

  it('keeps the array order (drawing order) and does not change the board', () => {
    const b = board()
    serializeBoard(b)
    expect(b).toEqual(board())
    expect(doc.cards.map((c) => (c as { id: string }).id)).toEqual(['ft-route', 'seed-pricing'])
  })

  it('is stable: serialize(parse(serialize(b))) === serialize(b)', () => {
    const parsed = parseBoardText(text)
    if (!parsed.ok) throw new Error(parsed.problem)
    expect(serializeBoard(parsed.board)).toBe(text)
  })
})
