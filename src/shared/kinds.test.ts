import { describe, expect, it } from 'vitest'
import { emptyBoard } from './board'
import { makeCard } from './edits'
import { cardKind, cardKinds, cardPaint, defaultFields, defaultRelationKind, relationKinds } from './kinds'
import { boardSchema } from './schema'

describe('the kind registry', () => {
  it('declares each kind once, with a label, icon, colours, shape and default size', () => {
    expect(new Set(cardKinds.map((k) => k.id)).size).toBe(cardKinds.length)
    for (const kind of cardKinds) {
      expect(kind.label).not.toBe('')
      expect(kind.icon).not.toBe('')
      expect(kind.color).toMatch(/^#[0-9a-f]{6}$/)
      expect(kind.fill).toMatch(/^#[0-9a-f]{6}$/)
      expect(kind.defaultSize.width).toBeGreaterThan(0)
    }
  })

  it('gives every kind a shape of its own or a container outline, so kinds read without colour', () => {
    const shapes = cardKinds.filter((k) => !k.container).map((k) => k.shape)
    expect(new Set(shapes).size).toBe(shapes.length)
  })

  it('every kind, made with its defaults, is a valid card in a board file', () => {
    const board = { ...emptyBoard(), cards: cardKinds.map((k, i) => ({ ...makeCard(k.id, { x: i * 300, y: 0 }), id: `c${i}` })) }
    const result = boardSchema.safeParse(board)
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true)
    for (const k of cardKinds) expect(Object.keys(defaultFields(k.id))).toEqual(k.fields.map((f) => f.key))
  })

  it('the schema refuses a field of the wrong type for its kind, naming where', () => {
    const card = { ...makeCard('seedling', { x: 0, y: 0 }, 'Support ticket triage'), id: 's1' }
    const board = { ...emptyBoard(), cards: [{ ...card, fields: { ...card.fields, stage: 'tree' } }] }
    const result = boardSchema.safeParse(board)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['cards', 0, 'fields', 'stage'])
  })

  it('a chosen colour wins over the kind colour', () => {
    expect(cardPaint({ kind: 'note' })).toMatchObject({ fill: cardKind('note').fill })
    expect(cardPaint({ kind: 'note', color: 'pink' }).fill).toBe('#fbcfe8')
  })

  it('each relation kind has its own line style', () => {
    const styles = relationKinds.map((k) => `${k.dash}|${k.width}|${k.color}`)
    expect(new Set(styles).size).toBe(relationKinds.length)
  })
})

describe('the relation a new connection gets', () => {
  it('a wall blocks whatever it touches', () => {
    for (const k of cardKinds) expect(defaultRelationKind('wall', k.id)).toBe('blocks')
  })
  it('a seedling graduates into a freight train or a team', () => {
    expect(defaultRelationKind('seedling', 'freightTrain')).toBe('graduatesInto')
    expect(defaultRelationKind('seedling', 'team')).toBe('graduatesInto')
  })
  it('work depends on work', () => {
    expect(defaultRelationKind('initiative', 'freightTrain')).toBe('dependsOn')
    expect(defaultRelationKind('seedling', 'seedling')).toBe('dependsOn')
    expect(defaultRelationKind('blankPage', 'initiative')).toBe('dependsOn')
  })
  it('notes and teams relate loosely', () => {
    expect(defaultRelationKind('note', 'initiative')).toBe('relatesTo')
    expect(defaultRelationKind('team', 'garden')).toBe('relatesTo')
  })
})
