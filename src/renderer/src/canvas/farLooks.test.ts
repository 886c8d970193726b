import { describe, expect, it } from 'vitest'
import type { Card } from '../../../shared/board'
import { cardLooks, LookBuilder } from './cardOutlines'
import { collectable } from '../../../shared/collectable.testing'
import { farLooks, prepareFarLooks } from './farLooks'
import type { Idle } from './farStrokes'

const kinds = ['freightTrain', 'seedling', 'wall', 'note', 'garden', 'team']
const board: Card[] = Array.from({ length: 1200 }, (_, i) => ({
  id: `c${i}`,
  kind: kinds[i % kinds.length] as string,
  title: `Card ${i}`,
  x: (i % 40) * 260,
  y: Math.floor(i / 40) * 160,
  width: 240,
  height: 110,
  fields: {}
}))

/** Idle periods the test runs by hand. */
function idlePeriods(): { idle: Idle; waiting: ((timeLeft: () => number) => void)[] } {
  const waiting: ((timeLeft: () => number) => void)[] = []
  const idle: Idle = (work) => {
    waiting.push(work)
    return () => waiting.splice(waiting.indexOf(work), 1)
  }
  return { idle, waiting }
}

describe('farLooks', () => {
  it('makes the outlines once per board and theme', () => {
    const looks = farLooks(board, 'light')
    expect(farLooks(board, 'light')).toBe(looks)
    expect(farLooks(board, 'dark')).not.toBe(looks)
    expect(farLooks([...board], 'dark')).not.toBe(farLooks(board, 'dark'))
  })
})

describe('prepareFarLooks', () => {
  it('makes in idle slices the same outlines as at once, and farLooks then gives them back', () => {
    const { idle, waiting } = idlePeriods()
    const cards = board.slice(1)
    prepareFarLooks(cards, 'light', idle)
    let periods = 0
    while (waiting.length) {
      let looks = 0
      // Each idle period has time for one slice: the second look at the clock finds none left.
      waiting.shift()!(() => (looks++ === 0 ? 10 : 0))
      periods++
    }
    expect(periods).toBe(24) // 23 slices of 50, then 49
    const prepared = farLooks(cards, 'light')
    expect(prepared).toEqual(cardLooks(cards, 'light'))
    expect(farLooks(cards, 'light')).toBe(prepared)
  })

  it('does nothing once cancelled, or when the outlines are ready', () => {
    const { idle, waiting } = idlePeriods()
    const cards = board.slice(2)
    const cancel = prepareFarLooks(cards, 'dark', idle)
    waiting.shift()!(() => 0) // no time: nothing done, asked again
    expect(waiting).toHaveLength(1)
    cancel()
    expect(waiting).toHaveLength(0)
    farLooks(cards, 'dark')
    prepareFarLooks(cards, 'dark', idle)
    expect(waiting).toHaveLength(0)
  })

  it('lets the builder go once the outlines are made, though React keeps the cancel', async () => {
    const { idle, waiting } = idlePeriods()
    const cards = board.slice(3)
    // Made in a function of its own, so that no variable of this test holds the builder.
    const start = (): { cancel: () => void; builder: WeakRef<LookBuilder> } => {
      const builder = new LookBuilder('light')
      return { cancel: prepareFarLooks(cards, 'light', idle, builder), builder: new WeakRef(builder) }
    }
    const { cancel, builder } = start()
    waiting.shift()!(() => 10)
    expect(waiting).toHaveLength(0)
    expect(await collectable(builder)).toBe(true)
    cancel()
  })
})
