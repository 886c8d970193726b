import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dotLayout } from './dotLayout'

const GAP = 24
const offGrid = (v: number): number => {
  const r = ((v % GAP) + GAP) % GAP
  return Math.min(r, GAP - r)
}

describe('dotLayout', () => {
  it('puts a dot on a grid crossing and covers the pane, whatever the pan and zoom', () => {
    const view = fc.tuple(fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.double({ min: 0.05, max: 4, noNaN: true }))
    fc.assert(
      fc.property(view, ([tx, ty, zoom]) => {
        const dots = dotLayout([tx, ty, zoom], GAP, 1.5)
        // The first tile's centre, back in board units, is a multiple of the gap.
        expect(offGrid((dots.x + dots.step / 2 - tx) / zoom)).toBeLessThan(1e-6 * Math.max(1, Math.abs(tx)))
        expect(offGrid((dots.y + dots.step / 2 - ty) / zoom)).toBeLessThan(1e-6 * Math.max(1, Math.abs(ty)))
        // The layer (pane + 3 steps) starts before the pane and ends after it.
        expect(dots.x).toBeLessThanOrEqual(0)
        expect(dots.x).toBeGreaterThanOrEqual(-1.5 * dots.step - 1e-9)
      })
    )
  })

  it('scales the dots with the zoom', () => {
    expect(dotLayout([0, 0, 1], GAP, 1.5)).toMatchObject({ step: 24, radius: 0.75 })
    expect(dotLayout([0, 0, 0.5], GAP, 1.5)).toMatchObject({ step: 12, radius: 0.375 })
  })
})
