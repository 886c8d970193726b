import type { Card, Relation } from './board'
import { borderPoint, center, type Rect } from './geometry'

export interface Point {
  x: number
  y: number
}

/** A relation as the canvas draws it: a straight line from border to border of its cards. */
export interface RelationLine {
  readonly relation: Relation
  readonly start: Point
  readonly end: Point
}

/** Where a relation between these two cards starts and ends: each card's border, towards the other's middle. */
export function relationEnds(from: Rect, to: Rect): { start: Point; end: Point } {
  return { start: borderPoint(from, center(to)), end: borderPoint(to, center(from)) }
}

/**
 * Every relation's line, with cards where `placed` says while they are dragged or resized
 * (the editor's preview), else where the board has them. A relation to a missing card has none.
 */
export function relationLines(
  cards: readonly Card[],
  relations: readonly Relation[],
  placed?: ReadonlyMap<string, Partial<Rect>>
): RelationLine[] {
  const rects = new Map<string, Rect>()
  for (const c of cards) {
    const p = placed?.get(c.id)
    rects.set(c.id, { x: p?.x ?? c.x, y: p?.y ?? c.y, width: p?.width ?? c.width, height: p?.height ?? c.height })
  }
  const lines: RelationLine[] = []
  for (const relation of relations) {
    const a = rects.get(relation.from)
    const b = rects.get(relation.to)
    if (a && b) lines.push({ relation, ...relationEnds(a, b) })
  }
  return lines
}

/** Distance from `p` to the segment from `a` to `b`. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length2 = dx * dx + dy * dy
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

/**
 * The line a click at `p` hits: the nearest within `tolerance`, the later one of equals
 * (drawn on top); null if none is that close.
 */
export function lineAt(lines: readonly RelationLine[], p: Point, tolerance: number): RelationLine | null {
  let best: RelationLine | null = null
  let bestDistance = tolerance
  for (const line of lines) {
    const d = distanceToSegment(p, line.start, line.end)
    if (d <= bestDistance) {
      best = line
      bestDistance = d
    }
  }
  return best
}
