import type { Card } from '../../../shared/board'
import type { Rect } from '../../../shared/geometry'
import { cardKind, cardPaint, type CardShape } from '../../../shared/kinds'
import { kindColors, type Theme } from '../theme'

/**
 * Zoomed out past FAR_ZOOM, the cards as FarCards draws them: a few SVG paths per look
 * (shape and paint) in place of an element per card, each of which React Flow mounts,
 * positions and repaints on every zoom frame. The outlines follow styles.css's card
 * shapes (radii, border widths, the sticky's and tab's accents, the brick's courses) and
 * the title bar of `.canvas--far`, so a card looks the same whether a path or React Flow
 * draws it (the one under the pointer, selected or marked is a node over its path).
 *
 * One fill per card, of straight edges: Chromium's software rasteriser redraws every path
 * at each zoom step, and at XL anything more per card doubled the zoom frames' p95 (bench,
 * interleaved rounds: one fill 16.8 ms; with arcs 33.3; with a border as a ring, a second
 * fill or a stroke 33.4; arcs and stroked borders 50). So corners are a few straight
 * segments (at FAR_ZOOM and below a 10 px radius is 3 screen px or less), and the borders,
 * 0.6 screen px or less out here, give way to a tint of the accent in the fill, which keeps
 * a white card apart from the canvas; `.canvas--far` styles the card nodes the same way.
 * The sticky's and the tab's wide accents stay, as small fills.
 */

/** A card's place and size now: the board's, or a drag's or resize's. */
export interface Place {
  x: number
  y: number
  width?: number
  height?: number
}

/** Every card of one look, each part of their outlines as one path. */
export interface CardLook {
  key: string
  /** The accent colour of the kind or the card's own colour, and its fill tinted with it (farFill). */
  color: string
  fill: string
  /** Each card's shape, in `fill`. */
  body: string
  /** In `color`: a sticky's top, a tab's side, a hexagon's top and bottom edges. */
  accent: string
  /** A kind this version does not know: its border, dashed, stroked in `color`. */
  dashes: string
  /** Title bars, in `color` at 40%. */
  bars: string
  /** A brick's courses, in `color` at 18%. */
  texture: string
}

interface Outline {
  /** Corner radii, top-left, top-right, bottom-right, bottom-left, before CSS's scaling to fit. */
  radii: readonly [number, number, number, number]
  /** Border widths, top, right, bottom, left. */
  border: readonly [number, number, number, number]
}

const outlines: Record<Exclude<CardShape, 'container'>, Outline> = {
  pill: { radii: [999, 999, 999, 999], border: [3, 3, 3, 3] },
  leaf: { radii: [36, 6, 36, 6], border: [2, 2, 2, 2] },
  brick: { radii: [4, 4, 4, 4], border: [2, 2, 2, 2] },
  sheet: { radii: [2, 18, 2, 2], border: [2, 2, 2, 2] },
  tab: { radii: [8, 8, 8, 8], border: [2, 2, 2, 10] },
  hexagon: { radii: [10, 10, 10, 10], border: [2, 2, 2, 2] },
  sticky: { radii: [2, 2, 2, 2], border: [6, 0, 0, 0] },
  unknown: { radii: [10, 10, 10, 10], border: [2, 2, 2, 2] }
}
export const DASH_WIDTH = 2
/** How much of the accent tints a card's fill out here: as `color-mix(… var(--accent) 15%, var(--fill))` in styles.css. */
export const FAR_TINT = 0.15
const HEX_INSET = 14
/** The bar: 14 px in from the padding box's top left, to 22% short of its right (styles.css). */
const BAR_INSET = 14
const BAR_HEIGHT = 14
const BAR_END = 0.78
/** The brick's gradient: a 2 px course every 19 px, counted up from the bottom. */
const COURSE = 19
const COURSE_HEIGHT = 2

const n = (v: number): string => String(Math.round(v * 10) / 10)

/** CSS's rule for radii that do not fit: all scaled down by the same factor. */
function fitRadii(r: readonly number[], w: number, h: number): number[] {
  const [tl = 0, tr = 0, br = 0, bl = 0] = r
  const f = Math.min(1, w / (tl + tr || 1), w / (bl + br || 1), h / (tl + bl || 1), h / (tr + br || 1))
  return [tl * f, tr * f, br * f, bl * f]
}

/** Straight segments per quarter circle: at FAR_ZOOM each is within about half a screen pixel of the arc. */
const segments = (r: number): number => (r < 4 ? 0 : r < 12 ? 1 : r < 30 ? 2 : 3)

/**
 * A rectangle with rounded corners as path data of straight edges, clockwise from the top
 * left; radii already fitted (fitRadii). A corner under 4 px is square.
 */
export function roundedRect(x: number, y: number, w: number, h: number, radii: readonly number[]): string {
  if (w <= 0 || h <= 0) return ''
  const corners: [number, number, number, number][] = [
    [x, y, radii[0] ?? 0, Math.PI],
    [x + w, y, radii[1] ?? 0, Math.PI * 1.5],
    [x + w, y + h, radii[2] ?? 0, 0],
    [x, y + h, radii[3] ?? 0, Math.PI / 2]
  ]
  let d = ''
  for (const [cx, cy, r, from] of corners) {
    const k = segments(r)
    if (k === 0) {
      d += `${d ? 'L' : 'M'}${n(cx)} ${n(cy)}`
      continue
    }
    // The corner's circle: its centre is r in from both sides.
    const ox = cx + (cx === x ? r : -r)
    const oy = cy + (cy === y ? r : -r)
    for (let i = 0; i <= k; i++) {
      const a = from + (Math.PI / 2) * (i / k)
      d += `${d ? 'L' : 'M'}${n(ox + r * Math.cos(a))} ${n(oy + r * Math.sin(a))}`
    }
  }
  return `${d}Z`
}

/** `fill` with FAR_TINT of `accent` mixed in, channel by channel in sRGB, as CSS's color-mix(in srgb) does. */
export function farFill(accent: string, fill: string): string {
  const rgb = (hex: string): number[] | null => (/^#[0-9a-f]{6}$/i.test(hex) ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : null)
  const a = rgb(accent)
  const f = rgb(fill)
  if (!a || !f) return fill
  return `#${f.map((c, i) => Math.round(c + ((a[i] as number) - c) * FAR_TINT).toString(16).padStart(2, '0')).join('')}`
}

const rect = (x: number, y: number, w: number, h: number): string => (w > 0 && h > 0 ? `M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z` : '')

interface Parts {
  body: string[]
  accent: string[]
  dashes: string[]
  bars: string[]
  texture: string[]
}

function addCard(p: Parts, shape: Exclude<CardShape, 'container'>, x: number, y: number, w: number, h: number): void {
  const { radii, border } = outlines[shape]
  const [top, right, bottom, left] = border
  const fitted = fitRadii(radii, w, h)
  if (shape === 'hexagon') {
    // Clipped to a hexagon (styles.css's clip-path): of the border, only the top and bottom edges show.
    p.body.push(`M${n(x + HEX_INSET)} ${n(y)}H${n(x + w - HEX_INSET)}L${n(x + w)} ${n(y + h / 2)}L${n(x + w - HEX_INSET)} ${n(y + h)}H${n(x + HEX_INSET)}L${n(x)} ${n(y + h / 2)}Z`)
    p.accent.push(rect(x + HEX_INSET, y, w - 2 * HEX_INSET, top), rect(x + HEX_INSET, y + h - bottom, w - 2 * HEX_INSET, bottom))
  } else {
    p.body.push(roundedRect(x, y, w, h, fitted))
  }
  if (shape === 'unknown') {
    const d = DASH_WIDTH / 2
    p.dashes.push(roundedRect(x + d, y + d, w - 2 * d, h - 2 * d, fitted.map((r) => Math.max(0, r - d))))
  }
  if (shape === 'sticky') p.accent.push(rect(x, y, w, top))
  if (shape === 'tab') p.accent.push(roundedRect(x, y, left, h, [Math.min(fitted[0] ?? 0, left), 0, 0, Math.min(fitted[3] ?? 0, left)]))
  // The padding box, where the title starts.
  const inner = { x: x + left, y: y + top, w: w - left - right, h: h - top - bottom }
  p.bars.push(rect(inner.x + BAR_INSET, inner.y + BAR_INSET, inner.w * BAR_END - BAR_INSET, BAR_HEIGHT))
  if (shape === 'brick') {
    for (let at = inner.y + inner.h - COURSE; at > inner.y; at -= COURSE) p.texture.push(rect(inner.x, at, inner.w, COURSE_HEIGHT))
  }
}

/**
 * Collects the outlines of cards (frames and gardens aside: React Flow draws those), grouped by
 * look, each card at its `places` entry if it has one. Within a look, paths follow the cards'
 * order, as React Flow's nodes do; looks are in the order they first appear.
 */
export class LookBuilder {
  private readonly byKey = new Map<string, { key: string; color: string; fill: string; parts: Parts }>()
  constructor(
    private readonly theme: Theme,
    private readonly places?: ReadonlyMap<string, Place>
  ) {}

  add(card: Card): void {
    const spec = cardKind(card.kind)
    if (spec.container) return
    const shape = spec.shape === 'container' ? 'unknown' : spec.shape
    const { color, fill: own } = kindColors(cardPaint(card), this.theme)
    const fill = farFill(color, own)
    const key = `${shape}|${color}|${fill}`
    let look = this.byKey.get(key)
    if (!look) this.byKey.set(key, (look = { key, color, fill, parts: { body: [], accent: [], dashes: [], bars: [], texture: [] } }))
    const at = this.places?.get(card.id)
    addCard(look.parts, shape, at?.x ?? card.x, at?.y ?? card.y, at?.width ?? card.width, at?.height ?? card.height)
  }

  looks(): CardLook[] {
    return [...this.byKey.values()].map(({ key, color, fill, parts: p }) => ({
      key,
      color,
      fill,
      body: p.body.join(''),
      accent: p.accent.join(''),
      dashes: p.dashes.join(''),
      bars: p.bars.join(''),
      texture: p.texture.join('')
    }))
  }
}

/** The outlines of `cards`, grouped by look (LookBuilder). */
export function cardLooks(cards: readonly Card[], theme: Theme, places?: ReadonlyMap<string, Place>): CardLook[] {
  const builder = new LookBuilder(theme, places)
  for (const card of cards) builder.add(card)
  return builder.looks()
}

/** The topmost card, not a frame or garden, whose box holds `point`: the last in the board's order. */
export function outlinedCardAt(cards: readonly Card[], point: { x: number; y: number }): Card | undefined {
  for (let i = cards.length - 1; i >= 0; i--) {
    const c = cards[i] as Card
    if (point.x >= c.x && point.x <= c.x + c.width && point.y >= c.y && point.y <= c.y + c.height && !cardKind(c.kind).container) return c
  }
  return undefined
}

/** The cards, not frames or gardens, wholly inside `area`, as React Flow's selection box takes nodes. */
export function outlinedCardsInside(cards: readonly Card[], area: Rect): Card[] {
  return cards.filter(
    (c) => c.x >= area.x && c.y >= area.y && c.x + c.width <= area.x + area.width && c.y + c.height <= area.y + area.height && !cardKind(c.kind).container
  )
}
