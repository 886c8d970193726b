import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Card, Relation } from './board'
import { cullToWindow, nextWindow, segmentCrosses, viewRect } from './cull'

const card = (id: string, x: number, y: number): Card => ({ id, kind: 'note', title: id, x, y, width: 200, height: 100, fields: {} })
const relation = (id: string, from: string, to: string): Relation => ({ id, kind: 'dependsOn', from, to, label: '' })
const area = { x: 0, y: 0, width: 1000, height: 800 }

describe('segmentCrosses', () => {
  it('knows a line through, beside, ending inside and along an edge of a rectangle', () => {
    expect(segmentCrosses({ x: -500, y: 400 }, { x: 1500, y: 400 }, area)).toBe(true)
    expect(segmentCrosses({ x: -500, y: -10 }, { x: 1500, y: -10 }, area)).toBe(false)
    expect(segmentCrosses({ x: 500, y: 400 }, { x: 5000, y: 9000 }, area)).toBe(true)
    expect(segmentCrosses({ x: -100, y: 900 }, { x: 1100, y: 900 }, area)).toBe(false)
    // A diagonal that passes the corner outside.
    expect(segmentCrosses({ x: 900, y: -200 }, { x: 1200, y: 100 }, area)).toBe(false)
    expect(segmentCrosses({ x: 900, y: -50 }, { x: 1050, y: 100 }, area)).toBe(true)
  })

  it('agrees with walking along the line (fast-check)', () => {
    const point = fc.record({ x: fc.integer({ min: -3000, max: 4000 }), y: fc.integer({ min: -3000, max: 4000 }) })
    fc.assert(
      fc.property(point, point, (a, b) => {
        let hit = false
        for (let i = 0; i <= 2000 && !hit; i++) {
          const x = a.x + ((b.x - a.x) * i) / 2000
          const y = a.y + ((b.y - a.y) * i) / 2000
          hit = x > 5 && x < 995 && y > 5 && y < 795 // well inside: the walk may step over a corner
        }
        if (hit) expect(segmentCrosses(a, b, area)).toBe(true)
      })
    )
  })
})

describe('cullToWindow', () => {
  it('keeps the cards over the area, relations that touch or cross it, and the cards at their ends', () => {
    const cards = [card('in', 100, 100), card('edge', 950, 700), card('far-left', -9000, 300), card('far-right', 9000, 300), card('away', 5000, 5000), card('away-2', 6000, 5000)]
    const relations = [relation('across', 'far-left', 'far-right'), relation('out', 'in', 'away'), relation('elsewhere', 'away', 'away-2'), relation('dangling', 'in', 'gone')]
    const culled = cullToWindow(cards, relations, area)
    expect([...culled.relations].sort()).toEqual(['across', 'out'])
    expect([...culled.cards].sort()).toEqual(['away', 'edge', 'far-left', 'far-right', 'in'])
  })
})

describe('nextWindow', () => {
  const view = viewRect([-1000, -500, 0.5], 800, 600) // board (2000, 1000), 1600 × 1200

  it('is a view wide around the view, and stays while the view moves less than half a view', () => {
    const w = nextWindow(null, view)
    expect(w.area).toEqual({ x: 400, y: -200, width: 4800, height: 3600 })
    expect(nextWindow(w, { ...view, x: view.x + 790, y: view.y - 590 })).toBe(w)
    expect(nextWindow(w, { ...view, x: view.x + 810 })).not.toBe(w)
  })

  it('is made anew zooming out past it, and zooming far in', () => {
    const w = nextWindow(null, view)
    const out = { x: view.x - view.width, y: view.y - view.height, width: view.width * 3, height: view.height * 3 }
    expect(nextWindow(w, out).area.width).toBe(out.width * 3)
    const near = { x: view.x + 700, y: view.y + 500, width: view.width / 2, height: view.height / 2 }
    expect(nextWindow(w, near)).toBe(w)
    const closer = { ...near, width: view.width / 5, height: view.height / 5 }
    expect(nextWindow(w, closer).area.width).toBeCloseTo(closer.width * 3)
  })
})
