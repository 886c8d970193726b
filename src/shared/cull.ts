import type { Card, Relation } from './board'
import type { Rect } from './geometry'

/**
 * What React Flow is given of a large board: the cards and relations around the view, not all of
 * them. It checks every node and edge it has for visibility on each pan frame and each drag move
 * (onlyRenderVisibleElements), so at 5,000 cards and 6,000 relations that was work on every frame
 * for things far off screen. It still mounts only what is visible; this only shortens its lists.
 */
export interface CullWindow {
  /** The board area, in board units, whose cards and relations React Flow gets. */
  area: Rect
  /** The view it was made around: made anew once the view strays from it. */
  view: Rect
}

/** The area around the view, in views: one view's width and height on each side. */
const AROUND = 1
/** Zoomed in this far from the window's view (in area), the window is made anew, smaller. */
const SHRINK = 4

/** The part of the board a view shows: screen = board × zoom + (x, y). */
export function viewRect([x, y, zoom]: readonly [number, number, number], width: number, height: number): Rect {
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom }
}

const inside = (r: Rect, outer: Rect): boolean =>
  r.x >= outer.x && r.y >= outer.y && r.x + r.width <= outer.x + outer.width && r.y + r.height <= outer.y + outer.height

/**
 * The window for this view: the current one while the view stays within half a view of where the
 * window was made (so most pan frames change nothing), else a new one around the view.
 */
export function nextWindow(current: CullWindow | null, view: Rect): CullWindow {
  if (current) {
    const { area, view: made } = current
    const slack = { x: area.x + made.width / 2, y: area.y + made.height / 2, width: area.width - made.width, height: area.height - made.height }
    if (inside(view, slack) && view.width * SHRINK > made.width) return current
  }
  return {
    view,
    area: { x: view.x - view.width * AROUND, y: view.y - view.height * AROUND, width: view.width * (1 + 2 * AROUND), height: view.height * (1 + 2 * AROUND) }
  }
}

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y

/** Whether the segment from a to b passes through the rectangle (Liang–Barsky clipping). */
export function segmentCrosses(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect): boolean {
  const dx = b.x - a.x
  const dy = b.y - a.y
  let t0 = 0
  let t1 = 1
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.width - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.height - a.y]
  ]
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false
      continue
    }
    const t = q / p
    if (p < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 > t1) return false
  }
  return true
}

const centre = (c: Card): { x: number; y: number } => ({ x: c.x + c.width / 2, y: c.y + c.height / 2 })

/**
 * The cards over the area, the relations that touch one of them or cross the area, and the
 * cards at both ends of those (React Flow draws a relation only between cards it has).
 */
export function cullToWindow(cards: readonly Card[], relations: readonly Relation[], area: Rect): { cards: Set<string>; relations: Set<string> } {
  const over = new Set<string>()
  const byId = new Map<string, Card>()
  for (const card of cards) {
    byId.set(card.id, card)
    if (overlaps(card, area)) over.add(card.id)
  }
  const kept = new Set(over)
  const keptRelations = new Set<string>()
  for (const r of relations) {
    const from = byId.get(r.from)
    const to = byId.get(r.to)
    if (!from || !to) continue
    if (over.has(r.from) || over.has(r.to) || segmentCrosses(centre(from), centre(to), area)) {
      keptRelations.add(r.id)
      kept.add(r.from)
      kept.add(r.to)
    }
  }
  return { cards: kept, relations: keptRelations }
}
