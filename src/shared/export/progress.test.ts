import { afterEach, describe, expect, it, vi } from 'vitest'
import { delayedProgress, PROGRESS_DELAY_MS } from './progress'

afterEach(() => vi.useRealTimers())

describe('export progress', () => {
  it('shows nothing for an export that is done within a second', () => {
    vi.useFakeTimers()
    const shown: (string | null)[] = []
    const p = delayedProgress((s) => shown.push(s))
    p.progress('Laying out the board')
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 1)
    p.done()
    vi.advanceTimersByTime(5000)
    expect(shown).toEqual([])
  })

  it('shows the current step after a second, every later step, and clears when done', () => {
    vi.useFakeTimers()
    const shown: (string | null)[] = []
    const p = delayedProgress((s) => shown.push(s))
    p.progress('Laying out the board')
    p.progress('Drawing 9,696 × 4,236 pixels')
    vi.advanceTimersByTime(PROGRESS_DELAY_MS)
    p.progress('Saving')
    p.done()
    expect(shown).toEqual(['Drawing 9,696 × 4,236 pixels', 'Saving', null])
  })
})
