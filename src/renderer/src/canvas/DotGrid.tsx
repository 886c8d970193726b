import { useEffect, useRef } from 'react'
import { useStoreApi, type ReactFlowState } from '@xyflow/react'
import type { Theme } from '../theme'
import { dotLayout } from './dotLayout'

/** Dots closer than this on screen are noise, not a grid: they are left out. */
const MIN_STEP = 4
/** The dot's soft edge, screen px, as the CSS gradient drew it. */
const EDGE = 0.75
/** The dots' colour per theme (drawn into the tile, so not a CSS variable). */
const DOT_COLOR: Record<Theme, string> = { light: '#91919a', dark: '#4a5160' }

/**
 * One tile of the pattern as a PNG: a dot at its centre. The pane is rasterised again on every pan
 * frame, and in software a repeated bitmap costs a fraction of a repeated CSS radial gradient.
 */
const tiles = new Map<string, string>()
function dotTile(step: number, radius: number, color: string): string {
  const ratio = window.devicePixelRatio || 1
  const key = `${step.toFixed(2)}|${radius.toFixed(3)}|${color}|${ratio}`
  let url = tiles.get(key)
  if (url) return url
  const size = Math.max(1, Math.round(step * ratio))
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = size
  const g = canvas.getContext('2d')
  if (!g) return ''
  const c = size / 2
  const outer = (radius + EDGE) * ratio
  // The dot's coverage first, then its colour: a canvas gradient to 'transparent' (black) would darken the edge.
  const fill = g.createRadialGradient(c, c, 0, c, c, outer)
  fill.addColorStop(0, '#000')
  fill.addColorStop(radius / (radius + EDGE), '#000')
  fill.addColorStop(1, 'rgb(0 0 0 / 0)')
  g.fillStyle = fill
  g.fillRect(0, 0, size, size)
  g.globalCompositeOperation = 'source-in'
  g.fillStyle = color
  g.fillRect(0, 0, size, size)
  url = `url(${canvas.toDataURL('image/png')})`
  // Zooming makes a tile per frame; keep the last few (zooming back) and let the rest go.
  if (tiles.size > 64) tiles.clear()
  tiles.set(key, url)
  return url
}

/**
 * The snap grid's dots: one repeated tile, moved by a transform set outside React. React Flow's
 * Background re-renders an SVG pattern on every pan frame, and rasterising it cost a fifth of the
 * raster threads' time in a traced pan of the M board. (A composited layer of its own was tried:
 * it forced the cards into layers too, and zooming out at M got three times slower.)
 */
export function DotGrid({ gap, size, theme }: { gap: number; size: number; theme: Theme }): React.JSX.Element {
  const api = useStoreApi()
  const layer = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let drawnStep = 0
    const color = DOT_COLOR[theme]
    const place = (s: ReactFlowState): void => {
      const el = layer.current
      if (!el) return
      const dots = dotLayout(s.transform, gap, size)
      el.style.transform = `translate(${dots.x}px, ${dots.y}px)`
      // The tile is redrawn only when the zoom changes; a pan is a transform of the layer.
      if (dots.step === drawnStep) return
      drawnStep = dots.step
      el.hidden = dots.step < MIN_STEP
      el.style.setProperty('--dot-step', `${dots.step}px`)
      if (!el.hidden) el.style.backgroundImage = dotTile(dots.step, dots.radius, color)
    }
    place(api.getState())
    return api.subscribe(place)
    // A new theme draws new tiles.
  }, [api, gap, size, theme])
  return (
    <div className="dot-grid" aria-hidden data-testid="dot-grid">
      <div ref={layer} className="dot-grid__dots" />
    </div>
  )
}
