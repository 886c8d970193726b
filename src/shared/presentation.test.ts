import { describe, expect, it } from 'vitest'
import type { Card } from './board'
import { bounds, fitViewport, presentationOrder } from './presentation'

const frame = (title: string, x: number, y: number, width = 400, height = 300): Card => ({
  id: title.toLowerCase().replace(/\W+/g, '-'),
  kind: 'frame',
  title,
  x,
  y,
  width,
  height,
  fields: {}
})

describe('presentationOrder', () => {
  it('reads frames in rows, top to bottom, each row left to right, whatever their order in the file', () => {
    const cards = [
      frame('Lower right', 460, 420),
      frame('Upper left', 0, 0),
      frame('Lower left', 0, 400),
      // A few pixels higher than its neighbour, but clearly in the same row.
      frame('Upper right', 460, -20)
    ]
    expect(presentationOrder(cards).map((s) => s.title)).toEqual(['Upper left', 'Upper right', 'Lower left', 'Lower right'])
  })

  it('fits each slide to its frame', () => {
    const [slide] = presentationOrder([frame('Phase 1', 10, 20, 360, 820)])
    expect(slide).toEqual({ frameId: 'phase-1', title: 'Phase 1', x: 10, y: 20, width: 360, height: 820 })
  })

  it('shows the whole board when there are no frames, and nothing for an empty board', () => {
    const cards: Card[] = [
      { id: 'a', kind: 'wall', title: 'Hiring freeze', x: -100, y: 50, width: 200, height: 80, fields: {} },
      { id: 'b', kind: 'note', title: 'Where have walls just appeared?', x: 300, y: -40, width: 200, height: 120, fields: {} }
    ]
    expect(presentationOrder(cards)).toEqual([{ title: 'Whole board', x: -100, y: -40, width: 600, height: 170 }])
    expect(presentationOrder([])).toEqual([])
    expect(bounds([])).toBeUndefined()
  })

  it('keeps gardens out: only frames are slides', () => {
    const garden: Card = { id: 'g', kind: 'garden', title: 'AI in operations', x: 0, y: 0, width: 500, height: 300, fields: {} }
    expect(presentationOrder([garden, frame('Phase 1', 600, 0)]).map((s) => s.title)).toEqual(['Phase 1'])
  })
})

describe('fitViewport', () => {
  it('centres the area and zooms so it fits inside the padding', () => {
    const v = fitViewport({ x: 100, y: 100, width: 1000, height: 500 }, { width: 1200, height: 800 }, 0.1)
    expect(v.zoom).toBe(0.96) // 960 px of usable width for 1000 units
    // The area's centre (600, 350) lands on the canvas centre (600, 400).
    expect(600 * v.zoom + v.x).toBeCloseTo(600, 0)
    expect(350 * v.zoom + v.y).toBeCloseTo(400, 0)
  })

  it('never zooms a small area past 100 %, nor a huge one below 5 %', () => {
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, { width: 1000, height: 800 }).zoom).toBe(1)
    expect(fitViewport({ x: 0, y: 0, width: 1e7, height: 10 }, { width: 1000, height: 800 }).zoom).toBe(0.05)
  })
})
