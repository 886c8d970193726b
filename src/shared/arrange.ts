import { boundsOf, type Rect } from './geometry'

/**
 * Align, distribute and nudge: where cards go, as pure functions of their
 * rectangles. The editor applies the result with `moveCards`, as one undo step.
 */

export type AlignEdge = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom'
export type Axis = 'horizontal' | 'vertical'
export type Direction = 'left' | 'right' | 'up' | 'down'

export interface Item extends Rect {
  id: string
}

export type Positions = Map<string, { x: number; y: number }>

/** Lines every item up on one edge (or the middle) of the box around them all. */
export function align(items: readonly Item[], edge: AlignEdge): Positions {
  const positions: Positions = new Map()
  const b = boundsOf(items)
  if (!b || items.length < 2) return positions
  for (const item of items) {
    let { x, y } = item
    if (edge === 'left') x = b.x
    else if (edge === 'centre') x = Math.round(b.x + b.width / 2 - item.width / 2)
    else if (edge === 'right') x = b.x + b.width - item.width
    else if (edge === 'top') y = b.y
    else if (edge === 'middle') y = Math.round(b.y + b.height / 2 - item.height / 2)
    else y = b.y + b.height - item.height
    positions.set(item.id, { x, y })
  }
  return positions
}

/**
 * Spaces items evenly along an axis: the first and last stay, the gaps between
 * neighbours become equal. Items are taken in the order of their middles.
 */
export function distribute(items: readonly Item[], axis: Axis): Positions {
  const positions: Positions = new Map()
  if (items.length < 3) return positions
  const pos = axis === 'horizontal' ? 'x' : 'y'
  const size = axis === 'horizontal' ? 'width' : 'height'
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item[pos] + a.item[size] / 2 - (b.item[pos] + b.item[size] / 2) || a.index - b.index)
    .map((e) => e.item)
  const first = sorted[0] as Item
  const last = sorted[sorted.length - 1] as Item
  const span = last[pos] + last[size] - first[pos]
  const occupied = sorted.reduce((sum, item) => sum + item[size], 0)
  const gap = (span - occupied) / (sorted.length - 1)
  let cursor = first[pos]
  for (const item of sorted) {
    const at = item === first || item === last ? item[pos] : Math.round(cursor)
    positions.set(item.id, axis === 'horizontal' ? { x: at, y: item.y } : { x: item.x, y: at })
    cursor += item[size] + gap
  }
  return positions
}

const unit: Record<Direction, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 }
}

/** The next grid line from `value` in the direction of `sign`, never `value` itself. */
function nextLine(value: number, sign: number, grid: number): number {
  return sign > 0 ? (Math.floor(value / grid) + 1) * grid : (Math.ceil(value / grid) - 1) * grid
}

/**
 * How far a nudge moves the selection: `step` board units, or with `grid` to the
 * next grid line (measured at the selection's top-left, so the cards keep their
 * places relative to each other).
 */
export function nudgeDelta(bounds: Rect, direction: Direction, step: number, grid?: number): { dx: number; dy: number } {
  const u = unit[direction]
  if (!grid) return { dx: u.x * step, dy: u.y * step }
  return {
    dx: u.x === 0 ? 0 : nextLine(bounds.x, u.x, grid) - bounds.x,
    dy: u.y === 0 ? 0 : nextLine(bounds.y, u.y, grid) - bounds.y
  }
}

/** The same move for every item. */
export function translate(items: readonly Item[], delta: { dx: number; dy: number }): Positions {
  return new Map(items.map((item) => [item.id, { x: item.x + delta.dx, y: item.y + delta.dy }]))
}

/** Rounds a point to the nearest grid crossing. */
export function snapPoint(point: { x: number; y: number }, grid: number): { x: number; y: number } {
  return { x: Math.round(point.x / grid) * grid, y: Math.round(point.y / grid) * grid }
}
