import { describe, expect, it } from 'vitest'
import { align, distribute, nudgeDelta, snapPoint, translate, type Item } from './arrange'

// Three freight trains of different sizes, scattered.
const route: Item = { id: 'route', x: 100, y: 40, width: 240, height: 96 }
const sso: Item = { id: 'sso', x: 420, y: 10, width: 200, height: 120 }
const mobile: Item = { id: 'mobile', x: 60, y: 300, width: 300, height: 80 }
const three = [route, sso, mobile]

const xs = (p: Map<string, { x: number; y: number }>) => Object.fromEntries([...p].map(([id, v]) => [id, v.x]))
const ys = (p: Map<string, { x: number; y: number }>) => Object.fromEntries([...p].map(([id, v]) => [id, v.y]))

describe('align', () => {
  it('lines up left, centre and right edges on the box around the selection', () => {
    // The box: x 60…620.
    expect(xs(align(three, 'left'))).toEqual({ route: 60, sso: 60, mobile: 60 })
    expect(xs(align(three, 'right'))).toEqual({ route: 380, sso: 420, mobile: 320 })
    expect(xs(align(three, 'centre'))).toEqual({ route: 220, sso: 240, mobile: 190 })
  })

  it('lines up top, middle and bottom, and leaves the other axis alone', () => {
    // The box: y 10…380.
    const top = align(three, 'top')
    expect(ys(top)).toEqual({ route: 10, sso: 10, mobile: 10 })
    expect(xs(top)).toEqual({ route: 100, sso: 420, mobile: 60 })
    expect(ys(align(three, 'bottom'))).toEqual({ route: 284, sso: 260, mobile: 300 })
    expect(ys(align(three, 'middle'))).toEqual({ route: 147, sso: 135, mobile: 155 })
  })

  it('needs two cards', () => {
    expect(align([route], 'left').size).toBe(0)
  })
})

describe('distribute', () => {
  it('makes the gaps between neighbours equal, keeping the outermost cards', () => {
    const a: Item = { id: 'a', x: 0, y: 0, width: 100, height: 50 }
    const b: Item = { id: 'b', x: 130, y: 0, width: 50, height: 50 }
    const c: Item = { id: 'c', x: 400, y: 0, width: 100, height: 50 }
    const p = distribute([c, a, b], 'horizontal')
    expect(xs(p)).toEqual({ a: 0, b: 225, c: 400 })
    // gaps: 225 - 100 = 125 and 400 - 275 = 125
    expect(ys(p)).toEqual({ a: 0, b: 0, c: 0 })
  })

  it('works vertically, in the order of the cards’ middles', () => {
    const p = distribute(three, 'vertical')
    // sso (middle 70), route (88), mobile (340): span 10…380 = 370, occupied 296, gap 37.
    expect(ys(p)).toEqual({ sso: 10, route: 167, mobile: 300 })
  })

  it('needs three cards', () => {
    expect(distribute([route, sso], 'horizontal').size).toBe(0)
  })
})

describe('nudge', () => {
  const box = { x: 130, y: 50, width: 200, height: 100 }

  it('moves by the step', () => {
    expect(nudgeDelta(box, 'left', 1)).toEqual({ dx: -1, dy: 0 })
    expect(nudgeDelta(box, 'down', 10)).toEqual({ dx: 0, dy: 10 })
  })

  it('with a grid, moves to the next grid line in that direction', () => {
    expect(nudgeDelta(box, 'right', 10, 24)).toEqual({ dx: 14, dy: 0 }) // 130 → 144
    expect(nudgeDelta(box, 'left', 10, 24)).toEqual({ dx: -10, dy: 0 }) // 130 → 120
    expect(nudgeDelta({ ...box, y: 48 }, 'up', 10, 24)).toEqual({ dx: 0, dy: -24 }) // on a line: to the one before
    expect(nudgeDelta({ ...box, y: 48 }, 'down', 10, 24)).toEqual({ dx: 0, dy: 24 })
  })

  it('moves every card by the same amount', () => {
    expect(xs(translate(three, { dx: -10, dy: 0 }))).toEqual({ route: 90, sso: 410, mobile: 50 })
  })

  it('snaps a point to the nearest grid crossing', () => {
    expect(snapPoint({ x: 35, y: -13 }, 24)).toEqual({ x: 24, y: -24 })
  })
})
