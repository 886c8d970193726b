import { describe, expect, it } from 'vitest'
import type { Card } from '../../../shared/board'
import { cardKind } from '../../../shared/kinds'
import { cardLooks, outlinedCardAt, outlinedCardsInside, roundedRect } from './cardOutlines'

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
  it('scales radii that do not fit down as CSS does: a pill is a stadium', () => {
    expect(roundedRect(0, 0, 200, 100, [999, 999, 999, 999])).toBe('M50 0H150A50 50 0 0 1 200 50V50A50 50 0 0 1 150 100H50A50 50 0 0 1 0 50V50A50 50 0 0 1 50 0Z')
  })
  it('draws square corners without arcs, and nothing for an empty box', () => {
    expect(roundedRect(10, 20, 30, 40, [0, 0, 0, 0])).toBe('M10 20H40V60H10V20Z')
    expect(roundedRect(0, 0, 0, 40, [4, 4, 4, 4])).toBe('')
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
    expect(looks[2]?.color).toBe('#be185d')
    const trains = looks[0]
    expect(trains?.color).toBe(cardKind('freightTrain').color)
    expect(trains?.fill).toBe(cardKind('freightTrain').fill)
    expect(trains?.body.match(/M/g)).toHaveLength(2)
    expect(trains?.bars).toContain('M317 17') // 3 px border + 14 px inset, from the card at x = 300
    expect(looks.some((l) => l.body.includes('M0 400') || l.body.includes('M450 400'))).toBe(false)
  })

  it('draws a pill with its 3 px border inside the box, as CSS does', () => {
    const [trains] = cardLooks([board[0] as Card], 'light')
    expect(trains?.borderWidth).toBe(3)
    expect(trains?.border.startsWith('M50 1.5H150A48.5 48.5 0 0 1 198.5 50')).toBe(true)
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
    expect(trains?.body.startsWith('M90 60H290')).toBe(true)
  })

  it('keeps a kind this version does not know, dashed', () => {
    const [unknown] = cardLooks([card('future', 'roadmap', 0, 0)], 'light')
    expect(unknown?.dashed).toBe(true)
    expect(unknown?.border).not.toBe('')
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
