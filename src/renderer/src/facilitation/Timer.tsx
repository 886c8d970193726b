import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { GripHorizontal, Pause, Play, Plus, RotateCcw, X } from 'lucide-react'
import { formatTime, startPreset, timeLeft, timerPresets, timerStatus, type TimerStatus } from '../../../shared/timer'
import { runAction } from '../actions'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'
import { playChime, primeAudio } from './chime'
import { setTimer } from './state'

/** Re-renders a few times a second while `active`, so the countdown moves. */
function useTicking(active: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    setNow(Date.now())
    const id = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(id)
  }, [active])
  return active ? now : Date.now()
}

const statusText: Record<TimerStatus, string> = {
  ready: 'Ready',
  running: 'Running',
  paused: 'Paused',
  finished: "Time's up"
}

/**
 * The workshop timer: big enough to read from the back of the room on a
 * projector, and on screen in presenter mode too.
 */
export function TimerPanel(): React.JSX.Element | null {
  const ctx = useEditorContext()
  const { store } = ctx
  const timer = useEditor(store, (s) => s.facilitation.timer)
  const now = useTicking(timer.visible && timer.endsAt !== null)
  const panel = useRef<HTMLElement>(null)
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null)
  if (!timer.visible) return null
  const status = timerStatus(timer, now)
  const left = timeLeft(timer, now)

  // Dragged by its top strip, out of the way of the cards; the panel moves directly, React hears only the drop.
  const onGrab = (e: ReactPointerEvent<HTMLDivElement>): void => {
    const el = panel.current
    if (!el || e.button !== 0 || (e.target as HTMLElement).closest('button')) return
    const start = el.getBoundingClientRect()
    const dx = e.clientX - start.left
    const dy = e.clientY - start.top
    const grip = e.currentTarget
    grip.setPointerCapture(e.pointerId)
    const at = (ev: PointerEvent): { left: number; top: number } => ({
      left: Math.max(0, Math.min(window.innerWidth - start.width, ev.clientX - dx)),
      top: Math.max(0, Math.min(window.innerHeight - start.height, ev.clientY - dy))
    })
    const move = (ev: PointerEvent): void => {
      const p = at(ev)
      Object.assign(el.style, { left: `${p.left}px`, top: `${p.top}px`, right: 'auto' })
    }
    const drop = (ev: PointerEvent): void => {
      grip.removeEventListener('pointermove', move)
      grip.removeEventListener('pointerup', drop)
      setPlace(at(ev))
    }
    grip.addEventListener('pointermove', move)
    grip.addEventListener('pointerup', drop)
  }

  return (
    <section
      ref={panel}
      className={`timer timer--${status}`}
      aria-label="Timer"
      data-testid="timer"
      style={place ? { left: place.left, top: place.top, right: 'auto' } : undefined}
    >
      <div className="timer__top" onPointerDown={onGrab} title="Drag to move">
        <span className="timer__status">{statusText[status]}</span>
        <GripHorizontal className="timer__grip" size={16} aria-hidden />
        <button type="button" className="icon-button icon-button--small" aria-label="Hide timer" onClick={() => setTimer(store, timer, false)}>
          <X size={14} aria-hidden />
        </button>
      </div>
      <div className="timer__time" role="timer" aria-live="off" data-testid="timer-time">
        {formatTime(left)}
      </div>
      <div className="timer__controls">
        <button
          type="button"
          className="timer__main"
          aria-label={status === 'running' ? 'Pause' : status === 'paused' ? 'Resume' : 'Start'}
          disabled={status === 'finished'}
          onClick={() => void runAction('workshop.timerPause', ctx)}
        >
          {status === 'running' ? <Pause size={18} aria-hidden /> : <Play size={18} aria-hidden />}
        </button>
        <button type="button" className="timer__button" aria-label="Add a minute" onClick={() => void runAction('workshop.timerAddMinute', ctx)}>
          <Plus size={14} aria-hidden />1 min
        </button>
        <button type="button" className="timer__button" aria-label="Reset" onClick={() => void runAction('workshop.timerReset', ctx)}>
          <RotateCcw size={14} aria-hidden />
        </button>
      </div>
      <div className="timer__presets" role="group" aria-label="Countdown length">
        {timerPresets.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="timer__preset"
            aria-label={`${minutes} minutes`}
            aria-pressed={timer.durationMs === minutes * 60_000}
            onClick={() => {
              primeAudio()
              setTimer(store, startPreset(minutes, Date.now()))
            }}
          >
            {minutes}
          </button>
        ))}
        <span className="timer__unit">min</span>
      </div>
    </section>
  )
}

/** Rings when the countdown reaches zero, whether or not the panel is showing (it shows itself). */
export function TimerAlarm(): null {
  const { store } = useEditorContext()
  const endsAt = useEditor(store, (s) => s.facilitation.timer.endsAt)
  useEffect(() => {
    if (endsAt === null) return
    const id = setTimeout(() => {
      const timer = store.getState().facilitation.timer
      if (timer.endsAt !== endsAt) return
      // Stopped at zero: the status reads "Time's up" and the ticking stops.
      setTimer(store, { ...timer, endsAt: null, leftMs: 0 }, true)
      playChime()
    }, Math.max(0, endsAt - Date.now()))
    return () => clearTimeout(id)
  }, [store, endsAt])
  return null
}
