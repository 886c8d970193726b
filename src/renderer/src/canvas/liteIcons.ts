import { createContext } from 'react'
import type { Card } from '../../../shared/board'
import { ICON_GRID, iconPath } from '../../../shared/export/icons'
import { cardKind, cardPaint } from '../../../shared/kinds'
import { kindColors, type Theme } from '../theme'
import { whenIdle, type Idle } from './farStrokes'

/** The theme the canvas is drawn in, for what cannot follow CSS light-dark(): the zoomed-out icons' bitmaps. */
export const CanvasTheme = createContext<Theme>('light')

/** Pixels a side: a zoomed-out card's 20 px icon shows at 9 px or less, sharp at twice the device's pixels. */
const SIZE = 48
const STROKE = 2.5

const urls = new Map<string, string>()

/**
 * A kind's icon as a PNG in one colour, drawn once from the same lucide paths as the exports.
 * As an inline SVG, each zoomed-out card added an SVG root to lay out, paint and composite on
 * every zoom frame (a sixth of the main thread's time zooming the M board, traced); an image is
 * one picture, scaled.
 */
export function liteIconUrl(icon: string, color: string): string {
  const key = `${icon}|${color}`
  let url = urls.get(key)
  if (url !== undefined) return url
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = SIZE
  const g = canvas.getContext('2d')
  const d = iconPath(icon)
  if (!g || !d) return ''
  g.scale(SIZE / ICON_GRID, SIZE / ICON_GRID)
  g.strokeStyle = color
  g.lineWidth = STROKE
  g.lineCap = 'round'
  g.lineJoin = 'round'
  g.stroke(new Path2D(d))
  url = canvas.toDataURL('image/png')
  urls.set(key, url)
  return url
}

/**
 * Draws, in idle time, the icons the board's zoomed-out cards will show, one or a few at a time,
 * so none is drawn in the frame that passes LITE_ZOOM (at M they were 14 ms of that 66 ms frame,
 * traced). Returns a cancel.
 */
export function prepareLiteIcons(cards: readonly Card[], theme: Theme, idle: Idle = whenIdle): () => void {
  let missing: [string, string][] | null = null
  let cancel = (): void => {}
  const step = (timeLeft: () => number): void => {
    if (!missing) {
      const seen = new Map<string, [string, string]>()
      for (const card of cards) {
        const icon = cardKind(card.kind).icon
        const color = kindColors(cardPaint(card), theme).color
        const key = `${icon}|${color}`
        if (!urls.has(key)) seen.set(key, [icon, color])
      }
      missing = [...seen.values()]
    }
    while (missing.length > 0 && timeLeft() > 2) {
      const [icon, color] = missing.pop() as [string, string]
      liteIconUrl(icon, color)
    }
    if (missing.length > 0) cancel = idle(step)
  }
  cancel = idle(step)
  return () => cancel()
}
