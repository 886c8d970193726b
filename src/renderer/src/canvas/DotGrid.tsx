import { useEffect, useRef } from 'react'
import { useStoreApi, type ReactFlowState } from '@xyflow/react'
import { dotLayout } from './dotLayout'

/** Dots closer than this on screen are noise, not a grid: they are left out. */
const MIN_STEP = 4

/**
 * The snap grid's dots: one repeated gradient tile, moved by a transform set outside React. React
 * Flow's Background re-renders an SVG pattern on every pan frame, and rasterising it cost a fifth
 * of the raster threads' time in a traced pan of the M board. (A composited layer of its own was
 * tried: it forced the cards into layers too, and zooming out at M got three times slower.)
 */
export function DotGrid({ gap, size }: { gap: number; size: number }): React.JSX.Element {
  const api = useStoreApi()
  const layer = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let drawnStep = 0
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
      el.style.setProperty('--dot-radius', `${dots.radius}px`)
    }
    place(api.getState())
    return api.subscribe(place)
  }, [api, gap, size])
  return (
    <div className="dot-grid" aria-hidden data-testid="dot-grid">
      <div ref={layer} className="dot-grid__dots" />
    </div>
  )
}
