import { createContext } from 'react'
import { ICON_GRID, iconPath } from '../../../shared/export/icons'
import type { Theme } from '../theme'

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
