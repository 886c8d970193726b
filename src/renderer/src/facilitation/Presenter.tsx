import { useEffect, useMemo, useRef } from 'react'
import { commandById } from '../../../shared/commands'
import { matchesKeys } from '../../../shared/keys'
import { presentationOrder, type Slide } from '../../../shared/presentation'
import { useEditorContext } from '../editorContext'
import { isMac } from '../platform'
import { useEditor } from '../state/editorStore'
import { setFacilitation } from './state'

/**
 * Presenter mode: full screen, no chrome, the frames one after the other
 * (arrow keys, Page Up/Down, Space), a laser pointer, Escape to leave.
 */
export function Presenter(): React.JSX.Element | null {
  const { store } = useEditorContext()
  const presenting = useEditor(store, (s) => s.facilitation.presenting)
  return presenting ? <PresenterView index={presenting.index} laser={presenting.laser} /> : null
}

/** Commands whose keys still work while presenting; every other key is the presenter's. */
const passThrough = ['board.save', 'board.saveAs', 'workshop.timer'].flatMap((id) => commandById(id)?.keys ?? [])

const nextKeys = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'])
const previousKeys = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'])

function PresenterView({ index, laser }: { index: number; laser: boolean }): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const cards = useEditor(store, (s) => s.history.present.cards)
  const slides = useMemo(() => presentationOrder(cards), [cards])
  const slide = slides[Math.min(index, slides.length - 1)]

  // Enter: hide the chrome, go full screen; leave: restore both and the facilitator's viewport.
  useEffect(() => {
    const before = ctx.flow?.getViewport()
    document.body.classList.add('presenting')
    let wentFullscreen = false
    const root = document.documentElement
    if (!document.fullscreenElement && root.requestFullscreen) {
      root
        .requestFullscreen()
        .then(() => {
          wentFullscreen = true
        })
        .catch(() => undefined) // Not allowed here (no gesture, a test browser): present in the window.
    }
    // Escape in full screen is taken by the browser itself: leaving full screen leaves presenter mode.
    const onFullscreenChange = (): void => {
      if (wentFullscreen && !document.fullscreenElement) setFacilitation(store, { presenting: null })
    }
    document.addEventListener('fullscreenchange', onFullscreenChange)
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange)
      document.body.classList.remove('presenting')
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
      if (before) void ctx.flow?.setViewport(before)
    }
  }, [ctx, store])

  // Fit the slide, and again whenever the canvas changes size (the chrome going, full screen arriving).
  useEffect(() => {
    if (!slide) return
    const fit = (): void => void ctx.flow?.fitBounds(slide, { padding: 0.06, duration: 350 })
    // A frame later, so React Flow has measured the canvas first.
    let frame = requestAnimationFrame(fit)
    const resized = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(fit)
    })
    if (ctx.canvas) resized.observe(ctx.canvas)
    return () => {
      cancelAnimationFrame(frame)
      resized.disconnect()
    }
  }, [ctx, slide])

  useEffect(() => {
    const go = (to: number): void => {
      const index = Math.max(0, Math.min(slides.length - 1, to))
      setFacilitation(store, { presenting: { index, laser } })
    }
    const onKeyDown = (e: KeyboardEvent): void => {
      // Save and the timer keep working; editing keys do not reach the board.
      if (passThrough.some((keys) => matchesKeys(keys, e, isMac))) return
      e.preventDefault()
      e.stopPropagation()
      if (e.key === 'Escape') setFacilitation(store, { presenting: null })
      else if (nextKeys.has(e.key)) go(index + 1)
      else if (previousKeys.has(e.key)) go(index - 1)
      else if (e.key === 'Home') go(0)
      else if (e.key === 'End') go(slides.length - 1)
      else if (e.key.toLowerCase() === 'l') setFacilitation(store, { presenting: { index, laser: !laser } })
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [store, index, laser, slides.length])

  return (
    <div className={`presenter${laser ? ' presenter--laser' : ''}`} data-testid="presenter">
      <LaserPointer enabled={laser} />
      {slide && <PresenterHud slide={slide} index={Math.min(index, slides.length - 1)} count={slides.length} laser={laser} />}
    </div>
  )
}

function PresenterHud({ slide, index, count, laser }: { slide: Slide; index: number; count: number; laser: boolean }): React.JSX.Element {
  return (
    <div className="presenter__hud" data-testid="presenter-hud">
      <span className="presenter__count" aria-live="polite">
        {index + 1} / {count}
      </span>
      <span className="presenter__title">{slide.title}</span>
      <span className="presenter__keys">
        <kbd>←</kbd> <kbd>→</kbd> frames · <kbd>L</kbd> laser {laser ? 'off' : 'on'} · <kbd>Esc</kbd> leave
      </span>
    </div>
  )
}

/** How long the trail stays visible, in ms. */
const TRAIL_MS = 450
const MAX_POINTS = 96

/**
 * A red dot with a fading trail, drawn on a canvas over the board. Pointer
 * moves go into a small buffer and one animation frame draws them: no React
 * work per move, and no frames drawn once the trail has faded.
 */
function LaserPointer({ enabled }: { enabled: boolean }): React.JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null)

  useEffect(() => {
    const el = canvas.current
    const g = el?.getContext('2d')
    if (!el || !g || !enabled) return
    const points: { x: number; y: number; t: number }[] = []
    let inside = false
    let frame = 0
    const ratio = window.devicePixelRatio || 1

    const resize = (): void => {
      el.width = Math.round(el.clientWidth * ratio)
      el.height = Math.round(el.clientHeight * ratio)
    }
    const draw = (): void => {
      frame = 0
      const now = performance.now()
      while (points.length && now - (points[0]?.t ?? now) > TRAIL_MS) points.shift()
      g.setTransform(ratio, 0, 0, ratio, 0, 0)
      g.clearRect(0, 0, el.clientWidth, el.clientHeight)
      g.lineCap = 'round'
      for (let i = 1; i < points.length; i++) {
        const a = points[i - 1]
        const b = points[i]
        if (!a || !b) continue
        const life = 1 - (now - b.t) / TRAIL_MS
        g.strokeStyle = `rgba(239, 68, 68, ${(0.55 * life).toFixed(3)})`
        g.lineWidth = 2 + 7 * life
        g.beginPath()
        g.moveTo(a.x, a.y)
        g.lineTo(b.x, b.y)
        g.stroke()
      }
      const last = points.at(-1) ?? lastPoint
      if (inside && last) {
        g.shadowColor = 'rgba(239, 68, 68, 0.9)'
        g.shadowBlur = 16
        g.fillStyle = '#ef4444'
        g.beginPath()
        g.arc(last.x, last.y, 7, 0, Math.PI * 2)
        g.fill()
        g.shadowBlur = 0
        g.fillStyle = 'rgba(255, 255, 255, 0.85)'
        g.beginPath()
        g.arc(last.x, last.y, 2.5, 0, Math.PI * 2)
        g.fill()
      }
      // Keep drawing only while the trail is still fading.
      if (points.length > 1) frame = requestAnimationFrame(draw)
    }
    let lastPoint: { x: number; y: number; t: number } | undefined
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(draw)
    }
    const onMove = (e: PointerEvent): void => {
      inside = true
      lastPoint = { x: e.clientX, y: e.clientY, t: performance.now() }
      points.push(lastPoint)
      if (points.length > MAX_POINTS) points.shift()
      schedule()
    }
    const onLeave = (): void => {
      inside = false
      points.length = 0
      schedule()
    }
    resize()
    window.addEventListener('resize', resize)
    el.addEventListener('pointermove', onMove)
    el.addEventListener('pointerleave', onLeave)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('resize', resize)
      el.removeEventListener('pointermove', onMove)
      el.removeEventListener('pointerleave', onLeave)
      g.clearRect(0, 0, el.width, el.height)
    }
  }, [enabled])

  return <canvas ref={canvas} className="presenter__laser" data-testid="laser" aria-hidden />
}
