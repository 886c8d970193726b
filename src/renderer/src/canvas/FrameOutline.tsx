import type { CSSProperties } from 'react'

/**
 * A frame's or garden's dashed outline, drawn as one SVG stroke over the card box (whose own border
 * is transparent). Chromium paints a dashed rounded CSS border side by side, each side a stroke of
 * the whole outline clipped to that side, and clips the background under it: for the large frames
 * that was the dearest thing to rasterise in every pan frame.
 */
export function FrameOutline({ colors }: { colors: CSSProperties }): React.JSX.Element {
  return (
    <svg className="frame-outline" style={colors} aria-hidden>
      <rect />
    </svg>
  )
}
