import { describe, expect, it } from 'vitest'
import { createHistory, record, redo, revisionOf, undo } from './history'

interface Doc {
  cards: { id: string; title: string; x: number }[]
}

const start = (): Doc => ({ cards: [{ id: 'a', title: 'Route Optimiser 3.0', x: 0 }] })

describe('history from immer patches', () => {
  it('undoing and redoing a move of many cards shares every untouched card and stays frozen', () => {
    const cards = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, title: `Seedling ${i}`, x: i }))
    const h0 = createHistory({ cards })
    const h1 = record(h0, 'Move', (d) => {
      for (let i = 0; i < 10; i++) d.cards[i]!.x += 100
    })
    const back = undo(h1).present
    expect(back).toEqual(h0.present)
    expect(back.cards[20]).toBe(h1.present.cards[20])
    expect(back.cards[3]).not.toBe(h1.present.cards[3])
    expect([back, back.cards, back.cards[3]].every((o) => Object.isFrozen(o))).toBe(true)
    const again = redo(undo(h1)).present
    expect(again).toEqual(h1.present)
    expect(again.cards[20]).toBe(h1.present.cards[20])
    // The loaded document is frozen from the start, so the first edit does not pay for it.
    expect(Object.isFrozen(h0.present.cards[49])).toBe(true)
  })

  it('undoes and redoes a step exactly', () => {
    const h0 = createHistory(start())
    const h1 = record(h0, 'Move', (d) => void (d.cards[0]!.x = 120))
    expect(undo(h1).present).toEqual(h0.present)
    expect(redo(undo(h1)).present).toEqual(h1.present)
  })

  it('records nothing for a change that changes nothing', () => {
    const h0 = createHistory(start())
    expect(record(h0, 'Nothing', () => {})).toBe(h0)
  })

  it('a new step clears redo', () => {
    const h = record(undo(record(createHistory(start()), 'Move', (d) => void (d.cards[0]!.x = 5))), 'Rename', (d) => {
      d.cards[0]!.title = 'SOC 2 Type II'
    })
    expect(h.future).toEqual([])
  })

  it('merges steps that share a key into one undo step with a fresh revision', () => {
    const h0 = createHistory({ cards: [] } as Doc)
    const added = record(h0, 'Add', (d) => void d.cards.push({ id: 'b', title: 'New team', x: 0 }), 'new:b')
    const named = record(added, 'Rename', (d) => void (d.cards[0]!.title = 'Growth'), 'new:b')
    expect(named.past).toHaveLength(1)
    expect(revisionOf(named)).not.toBe(revisionOf(added))
    expect(undo(named).present).toEqual({ cards: [] })
    expect(redo(undo(named)).present.cards[0]!.title).toBe('Growth')
  })

  it('does not merge once another step came between', () => {
    const added = record(createHistory({ cards: [] } as Doc), 'Add', (d) => void d.cards.push({ id: 'b', title: 'New', x: 0 }), 'new:b')
    const moved = record(added, 'Move', (d) => void (d.cards[0]!.x = 40))
    const named = record(moved, 'Rename', (d) => void (d.cards[0]!.title = 'Growth'), 'new:b')
    expect(named.past).toHaveLength(3)
  })

  it('undo past the first step changes nothing', () => {
    const h0 = createHistory(start())
    expect(undo(h0)).toBe(h0)
    expect(redo(h0)).toBe(h0)
  })
})
