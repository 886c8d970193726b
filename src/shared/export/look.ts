import type { CardShape } from '../kinds'

/**
 * How the canvas draws cards and relations, as numbers: the export's copy of
 * src/renderer/src/styles.css (cards, relation labels) and Canvas.tsx (arrowheads).
 * Everything the export draws reads this file and the kind registry, so a change
 * to the canvas look is one edit here.
 */

export type ExportBackground = 'light' | 'dark' | 'transparent'

export interface Shadow {
  dy: number
  /** CSS blur radius (twice the Gaussian's standard deviation). */
  blur: number
  color: string
  opacity: number
}

/** `--shadow` in styles.css. */
const cardShadow: readonly Shadow[] = [
  { dy: 1, blur: 2, color: '#0f172a', opacity: 0.08 },
  { dy: 2, blur: 8, color: '#0f172a', opacity: 0.06 }
]

export interface ShapeLook {
  /** Border width on each side (top may differ: the sticky note's coloured band). */
  border: number
  borderTop: number
  /** A thicker left side (the initiative's tab). */
  borderLeft: number
  dash: readonly number[]
  /** Corner radii: top-left, top-right, bottom-right, bottom-left; `pill` means half the short side. */
  radius: readonly [number, number, number, number] | 'pill'
  padX: number
  padY: number
  /** Opacity of the kind's fill (containers are see-through). */
  fillOpacity: number
  shadow: readonly Shadow[]
  titleSize: number
}

const base: ShapeLook = {
  border: 2,
  borderTop: 2,
  borderLeft: 2,
  dash: [],
  radius: [10, 10, 10, 10],
  padX: 14,
  padY: 10,
  fillOpacity: 1,
  shadow: cardShadow,
  titleSize: 14
}

export const shapeLooks: Record<CardShape, ShapeLook> = {
  leaf: { ...base, radius: [36, 6, 36, 6] },
  tab: { ...base, borderLeft: 10, radius: [8, 8, 8, 8] },
  pill: { ...base, border: 3, borderTop: 3, borderLeft: 3, radius: 'pill', padX: 28 },
  hexagon: { ...base, padX: 24, shadow: [] },
  brick: { ...base, radius: [4, 4, 4, 4] },
  sheet: { ...base, radius: [2, 18, 2, 2] },
  sticky: { ...base, border: 0, borderTop: 6, borderLeft: 0, radius: [2, 2, 2, 2], shadow: [{ dy: 6, blur: 12, color: '#0f172a', opacity: 0.12 }] },
  container: { ...base, dash: [6, 6], radius: [14, 14, 14, 14], fillOpacity: 0.6, shadow: [], titleSize: 16 },
  unknown: { ...base, dash: [6, 6] }
}

/** The hexagon's corner inset (its clip-path). */
export const HEXAGON_INSET = 14
/** The brick wall's mortar lines: every 19 px from the bottom, 2 px high, the accent at 18 %. */
export const BRICK = { period: 19, line: 2, opacity: 0.18 }

export const cardText = {
  gap: 4,
  kind: { icon: 14, iconStroke: 2.25, gap: 6, size: 11, weight: 600, letterSpacing: 0.05 },
  title: { weight: 600, lineHeight: 1.3, maxLines: 3 },
  summary: { size: 12, weight: 400 }
} as const

export const relationLook = {
  /** React Flow's closed arrow: viewBox 20 wide drawn 16 stroke-widths wide. */
  arrowUnit: 16 / 20,
  arrowPoints: [
    [-5, -4],
    [0, 0],
    [-5, 4]
  ] as const,
  label: { size: 12, weight: 500, padX: 8, padY: 2, border: 1, maxWidth: 260 }
} as const

export interface Palette {
  /** Behind the board; null for a transparent image. */
  background: string | null
  text: string
  text2: string
  /** Relation label pills. */
  surface: string
  /** A relation's line colour on this background. */
  relationColor(color: string): string
  /** Gardens and frames are see-through, so their text and border sit on the background itself. */
  container: { text: string; text2: string; fillOpacity: number; accent(color: string): string }
}

const lightText = { text: '#1b2330', text2: '#5b6676', surface: '#ffffff' }
const lightContainer = { text: lightText.text, text2: lightText.text2, fillOpacity: 0.6, accent: (c: string) => c }

export function paletteFor(background: ExportBackground): Palette {
  switch (background) {
    case 'light':
      return { background: '#ffffff', ...lightText, relationColor: (c) => c, container: lightContainer }
    case 'transparent':
      return { background: null, ...lightText, relationColor: (c) => c, container: lightContainer }
    case 'dark': {
      // Cards keep their paper colours; lines and see-through containers are lifted to read on the dark ground.
      const lift = (c: string): string => mix(c, '#ffffff', 0.45)
      return {
        background: '#111827',
        ...lightText,
        relationColor: lift,
        container: { text: '#f3f4f6', text2: '#aab3c0', fillOpacity: 0.12, accent: lift }
      }
    }
  }
}

/** `a` mixed with `b`; t = 0 gives a, 1 gives b. Colours are #rrggbb. */
export function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number): number => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16)
  const out = [0, 1, 2].map((i) => Math.round(channel(a, i) * (1 - t) + channel(b, i) * t))
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`
}
