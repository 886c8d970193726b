import type { Rect } from '../../../shared/geometry'

/** One box on the minimap, in board units, with its colours. */
export interface MiniMapBox extends Rect {
  fill: string
  stroke: string
  /** Frames and gardens: drawn before (under) the cards they hold. */
  under: boolean
}

/** All boxes of one look as a single SVG path, so the minimap is a handful of elements, not one per card. */
export interface MiniMapShape {
  fill: string
  stroke: string
  d: string
}

/**
 * The minimap's drawing: boxes grouped by colour (containers first, then in the order
 * each colour first appears) and the area they cover. Corners are rounded to whole board
 * units: a minimap pixel is tens of them on a big board.
 */
export function miniMapShapes<T>(items: readonly T[], boxOf: (item: T) => MiniMapBox | undefined): { shapes: MiniMapShape[]; bounds: Rect | undefined } {
  const groups = new Map<string, { fill: string; stroke: string; under: boolean; parts: string[] }>()
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const item of items) {
    const box = boxOf(item)
    if (!box) continue
    const key = `${box.under ? 1 : 0}|${box.fill}|${box.stroke}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { fill: box.fill, stroke: box.stroke, under: box.under, parts: [] }))
    const w = Math.round(box.width)
    const h = Math.round(box.height)
    group.parts.push(`M${Math.round(box.x)},${Math.round(box.y)}h${w}v${h}h${-w}z`)
    left = Math.min(left, box.x)
    top = Math.min(top, box.y)
    right = Math.max(right, box.x + box.width)
    bottom = Math.max(bottom, box.y + box.height)
  }
  const ordered = [...groups.values()].sort((a, b) => Number(b.under) - Number(a.under))
  return {
    shapes: ordered.map((g) => ({ fill: g.fill, stroke: g.stroke, d: g.parts.join('') })),
    bounds: groups.size > 0 ? { x: left, y: top, width: right - left, height: bottom - top } : undefined
  }
}
