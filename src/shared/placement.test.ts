import { describe, expect, it } from 'vitest'
import { freeSpot } from './placement'

const size = { width: 200, height: 100 }

describe('freeSpot', () => {
  it('puts the first card centred on the target', () => {
    expect(freeSpot({ x: 500, y: 300 }, size, [])).toEqual({ x: 400, y: 250 })
  })

  it('never covers a card that is already there', () => {
    const taken = [{ x: 400, y: 250, ...size }]
    const spot = freeSpot({ x: 500, y: 300 }, size, taken)
    expect(spot).not.toEqual({ x: 400, y: 250 })
    const overlapX = spot.x < 600 && 400 < spot.x + 200
    const overlapY = spot.y < 350 && 250 < spot.y + 100
    expect(overlapX && overlapY).toBe(false)
  })

  it('lines up a run of cards without overlaps', () => {
    const taken: { x: number; y: number; width: number; height: number }[] = []
    for (let i = 0; i < 12; i++) taken.push({ ...freeSpot({ x: 0, y: 0 }, size, taken), ...size })
    for (const a of taken)
      for (const b of taken)
        if (a !== b) expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false)
  })

  it('reads only the size of what it is given, so a whole card can be passed', () => {
    const card = { x: 9999, y: 9999, ...size }
    expect(freeSpot({ x: 500, y: 300 }, card, [{ x: 400, y: 250, ...size }])).not.toEqual({ x: 400, y: 250 })
  })
})
