import type { CSSProperties } from 'react'

/** The outline sits 1 unit inside the card box, as wide as its stroke is thick, its corners rounded like the box's. */
const INSET = 1
const RADIUS = 13

/**
 * The outline as four pieces, each a side and the corner after it, clockwise from the top left.
 * Chromium dashes a path over its whole length for every tile its bounds touch: as one rectangle,
 * every tile inside a large frame dashed its whole outline on each pan and zoom frame. A side's
 * bounds are a thin strip, so a tile dashes only the sides that cross it.
 */
export function outlinePieces(width: number, height: number): string[] {
  const l = INSET
  const t = INSET
  const r = width - INSET
  const b = height - INSET
  const c = Math.max(0, Math.min(RADIUS, (r - l) / 2, (b - t) / 2))
  const arc = (x: number, y: number): string => `A ${c} ${c} 0 0 1 ${x},${y}`
  return [
    `M ${l + c},${t} H ${r - c} ${arc(r, t + c)}`,
    `M ${r},${t + c} V ${b - c} ${arc(r - c, b)}`,
    `M ${r - c},${b} H ${l + c} ${arc(l, b - c)}`,
    `M ${l},${b - c} V ${t + c} ${arc(l + c, t)}`
  ]
}

/**
 * A frame's or garden's dashed outline, drawn as SVG strokes over the card box (whose own border
 * is transparent). Chromium paints a dashed rounded CSS border side by side, each side a stroke of
 * the whole outline clipped to that side, and clips the background under it: for the large frames
 * that was the dearest thing to rasterise in every pan frame.
 */
export function FrameOutline({ colors, width, height }: { colors: CSSProperties; width: number; height: number }): React.JSX.Element {
  return (
    <svg className="frame-outline" style={colors} aria-hidden>
      {outlinePieces(width, height).map((d, i) => (
        <path key={i} d={d} />
      ))}
    </svg>
  )
}
