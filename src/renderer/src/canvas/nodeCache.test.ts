import { describe, expect, it } from 'vitest'
import type { Card } from '../../../shared/board'
import { makeCard } from '../../../shared/edits'
import type { Preview } from '../state/editorStore'
import type { CardMarks } from './analysisMarks'
import { buildNodes, type NodeInputs, type NodeSources } from './nodeCache'

interface TestNode {
  id: string
  x: number
  y: number
  selected: boolean
}

const cards: Card[] = [
  makeCard('freightTrain', { x: 200, y: 100 }, 'Route Optimiser 3.0 re-platform'),
  makeCard('seedling', { x: 500, y: 100 }, 'Self-serve onboarding'),
  makeCard('wall', { x: 800, y: 100 }, 'Hiring freeze for all non-revenue roles')
]
const [train, seedling, wall] = cards as [Card, Card, Card]

function sources(preview: ReadonlyMap<string, Preview> = new Map(), more: Partial<NodeSources> = {}): NodeSources {
  return { cards, selected: new Set(), editing: null, preview, marks: new Map<string, CardMarks>(), ...more }
}

let made: string[] = []
const make = ({ card, preview, selected }: NodeInputs): TestNode => {
  made.push(card.id)
  return { id: card.id, x: preview?.x ?? card.x, y: preview?.y ?? card.y, selected }
}

describe('buildNodes', () => {
  it('makes only the dragged card anew on a move, in the same array order, and puts it back on drop', () => {
    const first = buildNodes(null, sources(), make)
    expect(first.nodes.map((n) => n.id)).toEqual([train.id, seedling.id, wall.id])

    made = []
    const dragging = buildNodes(first, sources(new Map([[seedling.id, { x: 620, y: 140 }]])), make)
    expect(made).toEqual([seedling.id])
    expect(dragging.nodes).not.toBe(first.nodes)
    expect(dragging.nodes[0]).toBe(first.nodes[0])
    expect(dragging.nodes[1]).toEqual({ id: seedling.id, x: 620, y: 140, selected: false })
    expect(dragging.nodes[2]).toBe(first.nodes[2])

    made = []
    const moved = buildNodes(dragging, sources(new Map([[seedling.id, { x: 640, y: 160 }]])), make)
    expect(made).toEqual([seedling.id])
    expect(moved.nodes[1]).toMatchObject({ x: 640, y: 160 })

    // The drop clears the preview before the board has the new place: the card shows where the board says.
    made = []
    const dropped = buildNodes(moved, sources(new Map()), make)
    expect(made).toEqual([seedling.id])
    expect(dropped.nodes[1]).toMatchObject({ x: seedling.x, y: seedling.y })
  })

  it('gives the same nodes as building from nothing, whatever the path', () => {
    const previews = [
      new Map([[train.id, { x: 10, y: 20 }]]),
      new Map([
        [train.id, { x: 30, y: 40 }],
        [wall.id, { x: 900, y: 300 }]
      ]),
      new Map([[wall.id, { x: 910, y: 310 }]]),
      new Map<string, Preview>()
    ]
    let build = buildNodes(null, sources(), make)
    for (const preview of previews) {
      build = buildNodes(build, sources(preview), make)
      expect(build.nodes).toEqual(buildNodes(null, sources(preview), make).nodes)
    }
  })

  it('keeps unchanged nodes when the selection changes, and remakes the ones whose selection did', () => {
    const first = buildNodes(null, sources(), make)
    made = []
    const next = buildNodes(first, sources(new Map(), { selected: new Set([wall.id]) }), make)
    expect(made).toEqual([wall.id])
    expect(next.nodes[0]).toBe(first.nodes[0])
    expect(next.nodes[2]).toMatchObject({ selected: true })
  })

  it('returns the previous nodes when nothing changed', () => {
    const first = buildNodes(null, sources(), make)
    expect(buildNodes(first, first.sources, make)).toBe(first)
  })
})
