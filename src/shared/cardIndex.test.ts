import { freeze } from 'immer'
import { describe, expect, it } from 'vitest'
import type { Card } from './board'
import { cardsById } from './cardIndex'

const card = (id: string): Card => ({ id, kind: 'note', title: id, x: 0, y: 0, width: 200, height: 100, fields: {} }) as Card

describe('cardsById', () => {
  it('makes the index once per frozen board state', () => {
    const cards = freeze([card('train'), card('garden')], true)
    const first = cardsById(cards)
    expect(first.get('garden')?.title).toBe('garden')
    expect(cardsById(cards)).toBe(first)
  })

  it('indexes an array that may still change afresh each time', () => {
    const cards = [card('train')]
    expect(cardsById(cards).has('wall')).toBe(false)
    cards.push(card('wall'))
    expect(cardsById(cards).get('wall')?.title).toBe('wall')
  })
})
