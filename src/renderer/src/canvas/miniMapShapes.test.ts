import { describe, expect, it } from 'vitest'
import { miniMapShapes, type MiniMapBox } from './miniMapShapes'

const box = (x: number, y: number, fill: string, under = false): MiniMapBox => ({ x, y, width: 100, height: 50, fill, stroke: '#000', under })

describe('miniMapShapes', () => {
  it('draws every box of one colour in one path, containers first', () => {
    const { shapes } = miniMapShapes(
      [box(0, 0, 'teal'), box(200, 0, 'amber'), box(400, 0, 'teal'), box(-50, -50, 'grey', true)],
      (b) => b
    )
    expect(shapes).toEqual([
      { fill: 'grey', stroke: '#000', d: 'M-50,-50h100v50h-100z' },
      { fill: 'teal', stroke: '#000', d: 'M0,0h100v50h-100zM400,0h100v50h-100z' },
      { fill: 'amber', stroke: '#000', d: 'M200,0h100v50h-100z' }
    ])
  })

  it('covers every box it draws and leaves out what has no box', () => {
    const { shapes, bounds } = miniMapShapes([box(10, 20, 'teal'), null, box(-30, 300, 'teal')], (b) => b ?? undefined)
    expect(shapes).toHaveLength(1)
    expect(bounds).toEqual({ x: -30, y: 20, width: 140, height: 330 })
  })

  it('has no bounds for an empty board', () => {
    expect(miniMapShapes([], () => undefined)).toEqual({ shapes: [], bounds: undefined })
  })
})
