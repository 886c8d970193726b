import type { Card } from './board'

/** A region the presenter shows, fitted to the screen. */
export interface Slide {
  /** The frame shown, or undefined for the whole board (a board without frames). */
  frameId?: string
  title: string
  x: number
  y: number
  width: number
  height: number
}

/**
 * The frames in reading order: rows from top to bottom, each row left to right.
 * A frame joins the current row when its top is above the middle of the row's
 * first frame, so frames that are roughly side by side read left to right even
 * if their tops differ by a few pixels.
 */
export function presentationOrder(cards: readonly Card[]): Slide[] {
  const frames = cards.filter((c) => c.kind === 'frame').sort((a, b) => a.y - b.y || a.x - b.x)
  if (frames.length === 0) {
    const whole = bounds(cards)
    return whole ? [{ title: 'Whole board', ...whole }] : []
  }
  const rows: Card[][] = []
  for (const frame of frames) {
    const row = rows.at(-1)
    const first = row?.[0]
    if (row && first && frame.y < first.y + first.height / 2) row.push(frame)
    else rows.push([frame])
  }
  return rows
    .flatMap((row) => row.sort((a, b) => a.x - b.x || a.y - b.y))
    .map((f) => ({ frameId: f.id, title: f.title, x: f.x, y: f.y, width: f.width, height: f.height }))
}

/** The rectangle around all cards, if there are any. */
export function bounds(cards: readonly Pick<Card, 'x' | 'y' | 'width' | 'height'>[]): { x: number; y: number; width: number; height: number } | undefined {
  if (cards.length === 0) return undefined
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const c of cards) {
    left = Math.min(left, c.x)
    top = Math.min(top, c.y)
    right = Math.max(right, c.x + c.width)
    bottom = Math.max(bottom, c.y + c.height)
  }
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/**
 * The viewport that shows `area` whole and centred in a canvas of `size` pixels,
 * with `padding` (a fraction of the canvas) around it, never zoomed past `maxZoom`.
 */
export function fitViewport(
  area: { x: number; y: number; width: number; height: number },
  size: { width: number; height: number },
  padding = 0.1,
  maxZoom = 1
): { x: number; y: number; zoom: number } {
  const usable = { width: size.width * (1 - 2 * padding), height: size.height * (1 - 2 * padding) }
  const fit = Math.min(usable.width / Math.max(area.width, 1), usable.height / Math.max(area.height, 1))
  const zoom = Math.min(maxZoom, Math.max(0.05, fit))
  return {
    x: Math.round(size.width / 2 - (area.x + area.width / 2) * zoom),
    y: Math.round(size.height / 2 - (area.y + area.height / 2) * zoom),
    zoom: Math.round(zoom * 1000) / 1000
  }
}
