/** Nearest-rank percentile of `values` (0–100); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] as number
}

/**
 * The middle value, or the mean of the two middle ones for an even count: with the default two
 * rounds, the nearest-rank 50th percentile would be the faster run alone.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/**
 * The time between consecutive frame timestamps, to the microsecond. The browser's clock
 * steps by 0.1 ms or more; subtracting large timestamps leaves float error in the last digits,
 * and at the frame floor that error alone made one page's p95 "over 1.0×" another's.
 */
export function frameIntervals(timestamps: readonly number[]): number[] {
  return timestamps.slice(1).map((t, i) => Math.round((t - (timestamps[i] as number)) * 1000) / 1000)
}

/** Over this, a frame interval missed a vsync: one vsync is 16.7 ms, two are 33.3 ms. */
const LATE_MS = 20

/**
 * Frames drawn one vsync (16.7 ms) or more late, as a percentage: intervals over 20 ms, which
 * leaves room for jitter while any missed vsync (33.3 ms and up) counts. A p95 only moves in
 * steps of a vsync, so 6 % and 30 % late both read 33.3 ms; this says how far a gesture is from
 * a p95 of one vsync (under 5 % late).
 */
export function lateShare(intervals: readonly number[]): number {
  if (intervals.length === 0) return NaN
  return (intervals.filter((f) => f > LATE_MS).length / intervals.length) * 100
}
