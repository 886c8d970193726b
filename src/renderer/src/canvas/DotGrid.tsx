import { useEffect, useRef } from 'react'
import { useStoreApi, type ReactFlowState } from '@xyflow/react'
import type { Theme } from '../theme'
import { dotLayout } from './dotLayout'
import { SETTLE_MS } from './useZoomBucket'

/** Dots closer than this on screen are noise, not a grid: they are left out. */
const MIN_STEP = 4
/** The dot's soft edge, screen px, as the CSS gradient drew it. */
const EDGE = 0.75
/** The dots' colour per theme (drawn into the tile, so not a CSS variable). */
const DOT_COLOR: Record<Theme, string> = { light: '#91919a', dark: '#4a5160' }

/**
 * One tile of the pattern as a PNG: a dot at its centre. The pane is rasterised again on every pan
 * frame, and in software a repeated bitmap costs a fraction of a repeated CSS radial gradient.
 * The dot's radius is a fixed share of the step (both scale with the zoom), so a tile depends on
 * its size in device pixels only.
 */
const tiles = new Map<string, string>()
const tileKey = (size: number, color: string): string => `${size}|${color}`
const tileSize = (step: number): number => Math.max(1, Math.round(step * (window.devicePixelRatio || 1)))

function dotTile(size: number, radiusShare: number, color: string): string {
  const key = tileKey(size, color)
  let url = tiles.get(key)
  if (url) return url
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = size
  const g = canvas.getContext('2d')
  if (!g) return ''
  const c = size / 2
  const radius = radiusShare * size
  const outer = radius + EDGE * (window.devicePixelRatio || 1)
  // The dot's coverage first, then its colour: a canvas gradient to 'transparent' (black) would darken the edge.
  const fill = g.createRadialGradient(c, c, 0, c, c, outer)
  fill.addColorStop(0, '#000')
  fill.addColorStop(radius / outer, '#000')
  fill.addColorStop(1, 'rgb(0 0 0 / 0)')
  g.fillStyle = fill
  g.fillRect(0, 0, size, size)
  g.globalCompositeOperation = 'source-in'
  g.fillStyle = color
  g.fillRect(0, 0, size, size)
  url = `url(${canvas.toDataURL('image/png')})`
  if (tiles.size > 256) tiles.clear()
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
    let shownTile = ''
    let settle: ReturnType<typeof setTimeout> | undefined
    const color = DOT_COLOR[theme]
    const radiusShare = size / 2 / gap
    const show = (el: HTMLDivElement, tile: string): void => {
      if (tile === shownTile) return
      shownTile = tile
      el.style.backgroundImage = tile
    }
    const place = (s: ReactFlowState): void => {
      const el = layer.current
      if (!el) return
      const dots = dotLayout(s.transform, gap, size)
      el.style.transform = `translate(${dots.x}px, ${dots.y}px)`
      // A pan is a transform of the layer; only a zoom changes the step.
      if (dots.step === drawnStep) return
      drawnStep = dots.step
      el.hidden = dots.step < MIN_STEP
      el.style.setProperty('--dot-step', `${dots.step}px`)
      if (el.hidden) return
      // Drawing and encoding a tile took 2–4 ms of each zoom frame (traced at S and M): while the
      // zoom moves, the last tile is scaled to the step (background-size) and the exact one waits
      // until the zoom has rested SETTLE_MS.
      const px = tileSize(dots.step)
      const ready = tiles.get(tileKey(px, color))
      clearTimeout(settle)
      if (ready || !shownTile) return show(el, ready ?? dotTile(px, radiusShare, color))
      settle = setTimeout(() => show(el, dotTile(px, radiusShare, color)), SETTLE_MS)
    }
    place(api.getState())
    const stop = api.subscribe(place)
    return () => {
      stop()
      clearTimeout(settle)
    }
    // A new theme draws new tiles.
  }, [api, gap, size, theme])
  return (
    <div className="dot-grid" aria-hidden data-testid="dot-grid">
      <div ref={layer} className="dot-grid__dots" />
    </div>
  )
}
