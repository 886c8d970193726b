import { afterEach, describe, expect, it, vi } from 'vitest'
import { delayedProgress, PROGRESS_DELAY_MS, type ProgressStep } from './progress'

afterEach(() => vi.useRealTimers())

describe('export progress', () => {
  it('shows nothing for an export that is done within a second', () => {
    vi.useFakeTimers()
    const shown: (ProgressStep | null)[] = []
    const p = delayedProgress((s) => shown.push(s))
    p.progress('Laying out the board')
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 1)
    p.done()
    vi.advanceTimersByTime(5000)
    expect(shown).toEqual([])
  })

  it('shows the current step after a second, every later step with how much is done, and clears when done', () => {
    vi.useFakeTimers()
    const shown: (ProgressStep | null)[] = []
    const p = delayedProgress((s) => shown.push(s))
    p.progress('Laying out the board')
    p.progress('Drawing 9,696 × 4,236 pixels: 40%', 0.4)
    vi.advanceTimersByTime(PROGRESS_DELAY_MS)
    p.progress('Drawing 9,696 × 4,236 pixels: 80%', 0.8)
    p.progress('Saving')
    p.done()
    expect(shown).toEqual([
      { text: 'Drawing 9,696 × 4,236 pixels: 40%', done: 0.4 },
      { text: 'Drawing 9,696 × 4,236 pixels: 80%', done: 0.8 },
      { text: 'Saving' },
      null
    ])
  })
})
