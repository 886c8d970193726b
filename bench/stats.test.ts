import { describe, expect, it } from 'vitest'
import { median, percentile } from './stats'

describe('bench statistics', () => {
  it('takes the median of two runs as their mean, not the faster one', () => {
    expect(median([3355, 2972])).toBe(3163.5)
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  it('takes percentiles by nearest rank', () => {
    const frames = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(frames, 95)).toBe(95)
    expect(percentile(frames, 50)).toBe(50)
    expect(percentile([16.7], 95)).toBe(16.7)
  })
})
