import { describe, expect, it } from 'vitest'
import { emptyBoard, type Board } from './board'
import { makeCard, moveCards, renameCard } from './edits'
import { createHistory, record } from './history'

function board(): Board {
  const b = emptyBoard()
  b.cards = ['Route Optimiser 3.0 re-platform', 'Data warehouse migration', 'Delay prediction model'].map((title, i) =>
    makeCard('freightTrain', { x: i * 300, y: 0 }, title)
  )
  return b
}

describe('edits through history', () => {
  it('moveCards moves only the cards given and leaves the others untouched', () => {
    const h0 = createHistory(board())
    const [a, b, c] = h0.present.cards
    const h1 = record(h0, 'Move', (d) => moveCards(d, new Map([[b!.id, { x: 40, y: 80 }]])))
    expect(h1.present.cards[1]).toMatchObject({ x: 40, y: 80 })
    expect(h1.present.cards[0]).toBe(a)
    expect(h1.present.cards[2]).toBe(c)
    expect(h1.past[0]!.patches).toHaveLength(2)
  })

  it('renameCard changes one title', () => {
    const h0 = createHistory(board())
    const id = h0.present.cards[2]!.id
    const h1 = record(h0, 'Rename', (d) => renameCard(d, id, 'Dispatcher dashboard'))
    expect(h1.present.cards.map((c) => c.title)).toEqual(['Route Optimiser 3.0 re-platform', 'Data warehouse migration', 'Dispatcher dashboard'])
    expect(h1.present.cards[0]).toBe(h0.present.cards[0])
  })
})
