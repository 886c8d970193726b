import { describe, expect, it } from 'vitest'
import { outlinePieces } from './FrameOutline'

const numbers = (d: string): number[] => (d.match(/-?[\d.]+/g) ?? []).map(Number)
const startOf = (d: string): number[] => numbers(d).slice(0, 2)
const endOf = (d: string): number[] => numbers(d).slice(-2)

describe('outlinePieces', () => {
  it('goes round the box in four pieces, each starting where the last ended', () => {
    const pieces = outlinePieces(800, 500)
    expect(pieces).toHaveLength(4)
    for (let i = 0; i < 4; i++) expect(startOf(pieces[(i + 1) % 4]!)).toEqual(endOf(pieces[i]!))
    // One unit inside the box, corners of radius 13.
    expect(startOf(pieces[0]!)).toEqual([14, 1])
    expect(endOf(pieces[0]!)).toEqual([799, 14])
    expect(endOf(pieces[1]!)).toEqual([786, 499])
  })

  it('rounds the corners of a small box no more than half its side', () => {
    const [top] = outlinePieces(20, 200)
    // (20 - 2) / 2 = 9: the top side shrinks to nothing between two corner arcs.
    expect(numbers(top!).slice(0, 3)).toEqual([10, 1, 10])
    expect(top).toContain('A 9 9')
  })
})
