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
