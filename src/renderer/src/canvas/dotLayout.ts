/** Where the dots go for a view: every `gap` board units, a dot of `size` board units. */
export interface DotLayout {
  /** Screen px between dots. */
  step: number
  /** Dot radius, screen px. */
  radius: number
  /** The layer's offset from the pane's top-left corner, screen px: between half a step and one and a half steps before it. */
  x: number
  y: number
}

const mod = (a: number, b: number): number => ((a % b) + b) % b

/**
 * A dot sits at the centre of each background tile. The layer starts one and a half steps
 * before the first dot on screen, so that a dot lands on every board point that is a
 * multiple of `gap`, and shifting it by less than a step covers the pane whatever the pan.
 */
export function dotLayout([tx, ty, zoom]: readonly [number, number, number], gap: number, size: number): DotLayout {
  const step = gap * zoom
  return { step, radius: (size * zoom) / 2, x: mod(tx, step) - step * 1.5, y: mod(ty, step) - step * 1.5 }
}
