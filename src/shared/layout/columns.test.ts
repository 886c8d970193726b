import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { columnLayout } from './columns'

describe('columnLayout', () => {
  it('puts each box right of what it comes after, and no two boxes overlap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.tuple(
            fc.array(fc.record({ width: fc.integer({ min: 120, max: 320 }), height: fc.integer({ min: 56, max: 220 }) }), { minLength: n, maxLength: n }),
            fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 60 })
          )
        ),
        ([sizes, pairs]) => {
          const boxes = sizes.map((s, i) => ({ id: `b${i}`, ...s }))
          const edges = pairs.filter(([a, b]) => a < b).map(([a, b]) => ({ source: `b${a}`, target: `b${b}` }))
          const { at, width, height } = columnLayout(boxes, edges, 40)
          const rect = (i: number) => ({ ...(at.get(`b${i}`) as { x: number; y: number }), ...(sizes[i] as { width: number; height: number }) })
          for (const [a, b] of pairs.filter(([a, b]) => a < b)) expect(rect(a).x + rect(a).width).toBeLessThan(rect(b).x)
          for (let i = 0; i < boxes.length; i++) {
            const r = rect(i)
            expect(r.x + r.width).toBeLessThanOrEqual(width)
            expect(r.y + r.height).toBeLessThanOrEqual(height)
            for (let j = i + 1; j < boxes.length; j++) {
              const o = rect(j)
              expect(r.x < o.x + o.width && o.x < r.x + r.width && r.y < o.y + o.height && o.y < r.y + r.height).toBe(false)
            }
          }
        }
      )
    )
  })
})
