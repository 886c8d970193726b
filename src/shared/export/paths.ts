/** SVG path data for the shapes the export draws; plain commands (M L H V A Z), which pdf-lib reads too. */

/** Coordinates with two decimals (a hundredth of a board unit: sharp at 4×), without trailing zeros. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

export type Radii = readonly [topLeft: number, topRight: number, bottomRight: number, bottomLeft: number]

/** A rectangle with per-corner radii, scaled down together when they do not fit (as CSS does). */
export function roundedRect(x: number, y: number, w: number, h: number, radii: Radii): string {
  const [tl0, tr0, br0, bl0] = radii
  const f = Math.min(1, w / Math.max(tl0 + tr0, bl0 + br0, 1e-9), h / Math.max(tl0 + bl0, tr0 + br0, 1e-9))
  const [tl, tr, br, bl] = [tl0 * f, tr0 * f, br0 * f, bl0 * f].map((r) => Math.max(0, r)) as unknown as Radii
  const arc = (r: number, ex: number, ey: number): string => (r > 0 ? `A${num(r)} ${num(r)} 0 0 1 ${num(ex)} ${num(ey)}` : `L${num(ex)} ${num(ey)}`)
  return (
    `M${num(x + tl)} ${num(y)}H${num(x + w - tr)}${arc(tr, x + w, y + tr)}` +
    `V${num(y + h - br)}${arc(br, x + w - br, y + h)}` +
    `H${num(x + bl)}${arc(bl, x, y + h - bl)}` +
    `V${num(y + tl)}${arc(tl, x + tl, y)}Z`
  )
}

export function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  return `M${num(cx - rx)} ${num(cy)}A${num(rx)} ${num(ry)} 0 1 0 ${num(cx + rx)} ${num(cy)}A${num(rx)} ${num(ry)} 0 1 0 ${num(cx - rx)} ${num(cy)}Z`
}

export function polygon(points: readonly (readonly [number, number])[], close = true): string {
  return points.map(([px, py], i) => `${i ? 'L' : 'M'}${num(px)} ${num(py)}`).join('') + (close ? 'Z' : '')
}
