import { describe, expect, it } from 'vitest'
import { relationKinds } from '../../../shared/kinds'
import { CONDITIONAL_DASH } from '../inspector/RelationSample'
import { dashedPieces, dashPeriod } from './dashPieces'

const numbers = (d: string): number[] => (d.match(/-?[\d.]+(e-?\d+)?/g) ?? []).map(Number)

describe('dashedPieces', () => {
  it('knows the period of every dash the relation kinds use', () => {
    expect(dashPeriod('8 4')).toBe(12)
    expect(dashPeriod('12 4 2 4')).toBe(22)
    expect(dashPeriod('5')).toBe(10)
    expect(dashPeriod('')).toBe(0)
    // Every dash in use parses: a pattern read as 0 would be drawn whole, the slow way, without a sign.
    for (const dash of [...relationKinds.map((k) => k.dash), CONDITIONAL_DASH].filter(Boolean)) expect(dashPeriod(dash), dash).toBeGreaterThan(0)
    expect(dashPeriod('4 x')).toBe(0)
  })

  it('keeps solid and short lines whole', () => {
    expect(dashedPieces({ x: 0, y: 0 }, { x: 5000, y: 0 }, undefined)).toEqual(['M 0,0L 5000,0'])
    expect(dashedPieces({ x: 0, y: 0 }, { x: 700, y: 0 }, '4 4')).toEqual(['M 0,0L 700,0'])
  })

  it('cuts a long dashed line into pieces of whole periods that join end to end', () => {
    const start = { x: -120, y: 40 }
    const end = { x: 2880, y: 4040 } // 5,000 long
    const pieces = dashedPieces(start, end, '12 4 2 4')
    expect(pieces.length).toBe(Math.ceil(5000 / (18 * 22)))
    const ends = pieces.map(numbers)
    expect(ends[0]!.slice(0, 2)).toEqual([start.x, start.y])
    expect(ends.at(-1)!.slice(2)).toEqual([end.x, end.y])
    for (let i = 0; i < ends.length; i++) {
      const [x1, y1, x2, y2] = ends[i]!
      const length = Math.hypot(x2! - x1!, y2! - y1!)
      // Every piece but the last spans whole periods, so the next starts at the start of a dash.
      if (i < ends.length - 1) {
        expect(length / 22).toBeCloseTo(Math.round(length / 22), 6)
        expect(ends[i + 1]![0]).toBeCloseTo(x2!, 9)
        expect(ends[i + 1]![1]).toBeCloseTo(y2!, 9)
      }
    }
  })
})
