import type { Rect } from './geometry'

const GAP = 24

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP
}

/**
 * Where a new card of `size` lands near `target` (its wanted centre) without
 * covering another card: the nearest free spot on a ring search, so cards added
 * one after another line up instead of piling on each other.
 */
export function freeSpot(target: { x: number; y: number }, size: { width: number; height: number }, taken: readonly Rect[]): { x: number; y: number } {
  const at = (dx: number, dy: number): Rect => ({
    x: Math.round(target.x - size.width / 2 + dx),
    y: Math.round(target.y - size.height / 2 + dy),
    width: size.width,
    height: size.height
  })
  const stepX = size.width + GAP
  const stepY = size.height + GAP
  for (let ring = 0; ring <= 12; ring++) {
    let best: Rect | null = null
    let bestDistance = Infinity
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue
        const rect = at(i * stepX, j * stepY)
        if (taken.some((t) => overlaps(rect, t))) continue
        const distance = Math.hypot(i * stepX, j * stepY)
        if (distance < bestDistance) {
          best = rect
          bestDistance = distance
        }
      }
    }
    if (best) return { x: best.x, y: best.y }
  }
  return at(0, 0)
}
