import { describe, expect, it } from 'vitest'
import { addMinute, formatTime, MINUTE, newTimer, pause, reset, resume, startPreset, timeLeft, timerStatus } from './timer'

const t0 = 1_700_000_000_000

describe('the workshop timer', () => {
  it('counts down from a preset the moment it is picked', () => {
    const t = startPreset(5, t0)
    expect(timerStatus(t, t0)).toBe('running')
    expect(formatTime(timeLeft(t, t0 + 61_000))).toBe('3:59')
    expect(timerStatus(t, t0 + 5 * MINUTE)).toBe('finished')
    expect(timeLeft(t, t0 + 9 * MINUTE)).toBe(0)
  })

  it('pauses, keeps what is left while paused, and resumes from there', () => {
    let t = startPreset(3, t0)
    t = pause(t, t0 + 30_000)
    expect(timerStatus(t, t0 + 10 * MINUTE)).toBe('paused')
    expect(timeLeft(t, t0 + 10 * MINUTE)).toBe(150_000)
    t = resume(t, t0 + 10 * MINUTE)
    expect(timeLeft(t, t0 + 10 * MINUTE + 50_000)).toBe(100_000)
  })

  it('adds a minute while running, while paused, and after the end', () => {
    const running = addMinute(startPreset(3, t0), t0 + 10_000)
    expect(timeLeft(running, t0 + 10_000)).toBe(3 * MINUTE + 50_000)
    const paused = addMinute(pause(startPreset(3, t0), t0 + 10_000), t0 + 20_000)
    expect(timeLeft(paused, t0 + 99_000)).toBe(3 * MINUTE + 50_000)
    const ended = addMinute(startPreset(3, t0), t0 + 4 * MINUTE)
    expect(timerStatus(ended, t0 + 4 * MINUTE)).toBe('running')
    expect(timeLeft(ended, t0 + 4 * MINUTE)).toBe(MINUTE)
  })

  it('resets to the full length, stopped', () => {
    const t = reset(addMinute(startPreset(10, t0), t0 + 5000))
    expect(timerStatus(t, t0 + 20 * MINUTE)).toBe('ready')
    expect(timeLeft(t, t0)).toBe(11 * MINUTE)
    expect(resume(t, t0).endsAt).toBe(t0 + 11 * MINUTE)
    expect(timerStatus(newTimer(), t0)).toBe('ready')
  })

  it('shows minutes and seconds, never 0:00 before the end', () => {
    expect([15 * MINUTE, 65_000, 9_001, 999, 0].map(formatTime)).toEqual(['15:00', '1:05', '0:10', '0:01', '0:00'])
  })
})
