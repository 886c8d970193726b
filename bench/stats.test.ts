import { describe, expect, it } from 'vitest'
import { frameIntervals, lateShare, median, percentile } from './stats'

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

describe('frame intervals', () => {
  it('are the same for the same clock ticks, wherever the clock stood: no float error decides a ratio', () => {
    // 16.8 ms apart on a clock with 0.1 ms steps, early and late in a run. Subtracted as they
    // are, the early one is 16.799999999999955 and the late one 16.80000000000291: a page at
    // the frame floor came out "over 1.0×" another at the same floor.
    const early = frameIntervals([1000.1, 1016.9, 1033.7])
    const late = frameIntervals([123456.7, 123473.5, 123490.3])
    expect(early).toEqual([16.8, 16.8])
    expect(late).toEqual(early)
    expect(percentile(early, 95) / percentile(late, 95)).toBe(1)
  })
})

describe('late frames', () => {
  it('counts the frames a vsync or more late, jitter not', () => {
    // 18 on time (some jittered to 16.8 or 17.5), one vsync missed, one two missed.
    const frames = [...Array.from({ length: 16 }, () => 16.7), 16.8, 17.5, 33.3, 50]
    expect(lateShare(frames)).toBe(10)
    expect(lateShare([16.7, 16.7])).toBe(0)
    expect(lateShare([])).toBeNaN()
  })

  it('tells apart gestures whose p95 reads the same', () => {
    const few = [...Array.from({ length: 94 }, () => 16.7), ...Array.from({ length: 6 }, () => 33.3)]
    const many = [...Array.from({ length: 70 }, () => 16.7), ...Array.from({ length: 30 }, () => 33.3)]
    expect(percentile(few, 95)).toBe(percentile(many, 95))
    expect(lateShare(few)).toBe(6)
    expect(lateShare(many)).toBe(30)
  })
})
