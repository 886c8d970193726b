export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Where the line from the middle of `rect` towards `towards` leaves the rectangle. */
export function borderPoint(rect: Rect, towards: { x: number; y: number }): { x: number; y: number } {
  const hw = rect.width / 2
  const hh = rect.height / 2
  const cx = rect.x + hw
  const cy = rect.y + hh
  const dx = towards.x - cx
  const dy = towards.y - cy
  if ((dx === 0 && dy === 0) || hw === 0 || hh === 0) return { x: cx, y: cy }
  const scale = 1 / Math.max(Math.abs(dx) / hw, Math.abs(dy) / hh)
  return { x: cx + dx * scale, y: cy + dy * scale }
}

export function center(rect: Rect): { x: number; y: number } {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
}

/** The smallest rectangle around all of `rects`; undefined for none. */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const r of rects) {
    left = Math.min(left, r.x)
    top = Math.min(top, r.y)
    right = Math.max(right, r.x + r.width)
    bottom = Math.max(bottom, r.y + r.height)
  }
  return { x: left, y: top, width: right - left, height: bottom - top }
}
