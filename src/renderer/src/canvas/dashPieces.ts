type Point = { x: number; y: number }

/** Length after which an SVG dash array repeats: a list of odd length repeats twice over (SVG stroke-dasharray). */
export function dashPeriod(dash: string): number {
  const lengths = dash.split(/[\s,]+/).filter(Boolean).map(Number)
  if (lengths.length === 0 || lengths.some((n) => !Number.isFinite(n) || n < 0)) return 0
  const sum = lengths.reduce((a, b) => a + b, 0)
  return lengths.length % 2 === 1 ? sum * 2 : sum
}

/** About how long one piece is, in board units: a tile's width or so at the zooms where cards are drawn whole. */
export const PIECE_LENGTH = 400

/**
 * A straight dashed line as path data, cut into pieces of whole dash periods where it is long.
 * Chromium dashes a path over its whole length for every tile the path's bounds touch, so a
 * relation across the board cost each tile it crossed thousands of dashes while panning; in
 * pieces, a tile draws only the ones over it. Each piece starts at a period boundary, so the
 * dashes fall exactly where one path's would.
 */
export function dashedPieces(start: Point, end: Point, dash: string | undefined, pieceLength = PIECE_LENGTH): string[] {
  const period = dash ? dashPeriod(dash) : 0
  if (period <= 0) return [`M ${start.x},${start.y}L ${end.x},${end.y}`]
  return cutLine(start, end, Math.max(1, Math.round(pieceLength / period)) * period, 2 * pieceLength).map(
    ([x1, y1, x2, y2]) => `M ${x1},${y1}L ${x2},${y2}`
  )
}

/** The line as [x1, y1, x2, y2] pieces `step` long (the last shorter), or whole if it is no longer than `whole`. */
export function cutLine(start: Point, end: Point, step: number, whole = step): [number, number, number, number][] {
  const length = Math.hypot(end.x - start.x, end.y - start.y)
  if (length <= whole) return [[start.x, start.y, end.x, end.y]]
  const ux = (end.x - start.x) / length
  const uy = (end.y - start.y) / length
  const pieces: [number, number, number, number][] = []
  for (let at = 0; at < length; at += step) {
    const to = Math.min(length, at + step)
    pieces.push([start.x + ux * at, start.y + uy * at, to === length ? end.x : start.x + ux * to, to === length ? end.y : start.y + uy * to])
  }
  return pieces
}
