/**
 * The workshop countdown, as values and pure steps. Time comes in as `now`
 * (milliseconds), so tests and the renderer drive the same code.
 */
export interface TimerState {
  /** The length set: the preset chosen plus any minutes added. */
  durationMs: number
  /** While running, the moment it reaches zero; null while stopped or paused. */
  endsAt: number | null
  /** While stopped or paused, the time left. */
  leftMs: number
}

export type TimerStatus = 'ready' | 'running' | 'paused' | 'finished'

export const MINUTE = 60_000
/** The lengths a facilitator picks from, in minutes. */
export const timerPresets = [3, 5, 10, 15] as const
/** Longest countdown: a long exercise, not a day. */
export const MAX_TIMER_MS = 180 * MINUTE

export function newTimer(minutes = 5): TimerState {
  return { durationMs: minutes * MINUTE, endsAt: null, leftMs: minutes * MINUTE }
}

export function timeLeft(t: TimerState, now: number): number {
  return Math.max(0, t.endsAt === null ? t.leftMs : t.endsAt - now)
}

export function timerStatus(t: TimerState, now: number): TimerStatus {
  if (timeLeft(t, now) === 0) return 'finished'
  if (t.endsAt !== null) return 'running'
  return t.leftMs === t.durationMs ? 'ready' : 'paused'
}

/** Sets a preset length and starts counting at once: "five minutes, go". */
export function startPreset(minutes: number, now: number): TimerState {
  return { durationMs: minutes * MINUTE, endsAt: now + minutes * MINUTE, leftMs: minutes * MINUTE }
}

export function resume(t: TimerState, now: number): TimerState {
  const left = timeLeft(t, now)
  return t.endsAt !== null || left === 0 ? t : { ...t, endsAt: now + left }
}

export function pause(t: TimerState, now: number): TimerState {
  return t.endsAt === null ? t : { ...t, endsAt: null, leftMs: timeLeft(t, now) }
}

/** One more minute; a timer that already ran out starts again with that minute. */
export function addMinute(t: TimerState, now: number): TimerState {
  const durationMs = Math.min(MAX_TIMER_MS, t.durationMs + MINUTE)
  if (timerStatus(t, now) === 'finished') return { durationMs, endsAt: now + MINUTE, leftMs: MINUTE }
  if (t.endsAt !== null) return { durationMs, endsAt: Math.min(t.endsAt + MINUTE, now + MAX_TIMER_MS), leftMs: t.leftMs }
  return { durationMs, endsAt: null, leftMs: Math.min(MAX_TIMER_MS, t.leftMs + MINUTE) }
}

/** Back to the full length, stopped. */
export function reset(t: TimerState): TimerState {
  return { ...t, endsAt: null, leftMs: t.durationMs }
}

/** "4:05", "12:00", "0:09": minutes and seconds, rounding up so it never shows 0:00 before the end. */
export function formatTime(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}
