import { describe, expect, it } from 'vitest'
import type { Card } from '../../../shared/board'
import { cardKind } from '../../../shared/kinds'
import { cardLooks, farFill, outlinedCardAt, outlinedCardsInside, roundedRect } from './cardOutlines'

const card = (id: string, kind: string, x: number, y: number, extra: Partial<Card> = {}): Card => ({
  id,
  kind,
  title: id,
  x,
  y,
  width: 200,
  height: 100,
  fields: {},
  ...extra
})

describe('roundedRect', () => {
  it('draws corners as a few straight segments, more for larger radii', () => {
    // A 50 px corner (a pill 100 high): three segments per quarter circle.
    const pill = roundedRect(0, 0, 200, 100, [50, 50, 50, 50])
    expect(pill.startsWith('M0 50L6.7 25L25 6.7L50 0L150 0')).toBe(true)
    expect(pill.match(/L/g)).toHaveLength(15)
    expect(pill.includes('A')).toBe(false)
    // A 10 px corner is cut once; a 2 px one is square.
    expect(roundedRect(0, 0, 100, 50, [10, 2, 0, 0])).toBe('M0 10L10 0L100 0L100 50L0 50Z')
  })
  it('draws nothing for an empty box', () => {
    expect(roundedRect(0, 0, 0, 40, [4, 4, 4, 4])).toBe('')
  })
})

describe('farFill', () => {
  it('tints the fill with 15% of the accent, as color-mix in sRGB does', () => {
    expect(farFill('#000000', '#ffffff')).toBe('#d9d9d9')
    expect(farFill('#1d4ed8', '#dbeafe')).toBe('#bfd3f8')
    expect(farFill('var(--x)', '#dbeafe')).toBe('#dbeafe')
  })
})

describe('cardLooks', () => {
  const board = [
    card('platform', 'freightTrain', 0, 0),
    card('payments', 'freightTrain', 300, 0),
    card('checkout', 'garden', 0, 400, { width: 900, height: 600 }),
    card('hiring', 'wall', 600, 0),
    card('rota', 'freightTrain', 0, 200, { color: 'pink' })
  ]

  it('groups the cards by shape and paint, leaving frames and gardens to React Flow', () => {
    const looks = cardLooks(board, 'light')
    // The pink train is a look of its own.
    expect(looks.map((l) => l.key.split('|')[0])).toEqual(['pill', 'brick', 'pill'])
    const [trains, , pink] = looks
    expect(trains?.color).toBe(cardKind('freightTrain').color)
    expect(trains?.fill).toBe(farFill(cardKind('freightTrain').color, cardKind('freightTrain').fill))
    expect(pink?.color).toBe('#be185d')
    expect(trains?.body.match(/M/g)).toHaveLength(2)
    expect(trains?.bars).toContain('M317 17') // 3 px border + 14 px inset, from the card at x = 300
    expect(looks.some((l) => l.body.includes('M0 400') || l.body.includes('M450 400'))).toBe(false)
  })

  it("keeps the accents that tell kinds apart: a sticky's top, a tab's side, a hexagon's edges", () => {
    const [note] = cardLooks([card('q', 'note', 0, 0)], 'light')
    expect(note?.accent).toBe('M0 0h200v6h-200Z')
    const [initiative] = cardLooks([card('i', 'initiative', 0, 0)], 'light')
    expect(initiative?.accent.startsWith('M0 8L8 0L10 0L10 100L8 100L0 92Z')).toBe(true)
    const [team] = cardLooks([card('t', 'team', 0, 0)], 'light')
    expect(team?.accent).toBe('M14 0h172v2h-172ZM14 98h172v2h-172Z')
  })

  it('gives a brick its courses and uses the dark theme colours there', () => {
    const [wall] = cardLooks([board[3] as Card], 'dark')
    expect(wall?.color).toBe(cardKind('wall').dark.color)
    // 100 px high: courses 19 px apart from the bottom, inside the 2 px border.
    expect(wall?.texture.match(/M/g)).toHaveLength(5)
    expect(wall?.texture.startsWith('M602 79h196v2')).toBe(true)
  })

  it('draws a dragged or resized card at its place now', () => {
    const [trains] = cardLooks([board[0] as Card], 'light', new Map([['platform', { x: 40, y: 60, width: 300 }]]))
    expect(trains?.body.startsWith('M40 110')).toBe(true)
    expect(trains?.body).toContain('L340 110')
  })

  it('keeps a kind this version does not know, dashed', () => {
    const [unknown] = cardLooks([card('future', 'roadmap', 0, 0)], 'light')
    expect(unknown?.dashes).not.toBe('')
    expect(unknown?.body).not.toBe('')
  })
})

describe('outlinedCardAt and outlinedCardsInside', () => {
  const cards = [
    card('garden', 'garden', 0, 0, { width: 1000, height: 800 }),
    card('under', 'freightTrain', 100, 100),
    card('over', 'wall', 150, 150)
  ]
  it('finds the topmost card at a point, never the garden around it', () => {
    expect(outlinedCardAt(cards, { x: 160, y: 160 })?.id).toBe('over')
    expect(outlinedCardAt(cards, { x: 110, y: 110 })?.id).toBe('under')
    expect(outlinedCardAt(cards, { x: 900, y: 700 })).toBeUndefined()
  })
  it('takes only the cards wholly inside an area', () => {
    expect(outlinedCardsInside(cards, { x: 90, y: 90, width: 230, height: 120 }).map((c) => c.id)).toEqual(['under'])
    expect(outlinedCardsInside(cards, { x: 0, y: 0, width: 2000, height: 2000 }).map((c) => c.id)).toEqual(['under', 'over'])
  })
})
