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
  /** Accent and background colours of the kind or the card's own colour. */
  color: string
  fill: string
  /** Background shapes, filled with `fill`. */
  body: string
  /** Borders, stroked in `color` at `borderWidth` (dashed for a kind this version does not know). */
  border: string
  borderWidth: number
  dashed: boolean
  /** Solid accents in `color`: a sticky's top, a tab's side, a hexagon's edges. */
  accent: string
  /** Title bars, in `color` at 40%. */
  bars: string
  /** A brick's courses, in `color` at 18%. */
  texture: string
}

interface Outline {
  /** Corner radii, top-left, top-right, bottom-right, bottom-left, before CSS's scaling to fit. */
  radii: readonly [number, number, number, number]
  /** Border width; `left` and `top` where one side is wider. */
  border: number
  left?: number
  top?: number
}

const outlines: Record<Exclude<CardShape, 'container'>, Outline> = {
  pill: { radii: [999, 999, 999, 999], border: 3 },
  leaf: { radii: [36, 6, 36, 6], border: 2 },
  brick: { radii: [4, 4, 4, 4], border: 2 },
  sheet: { radii: [2, 18, 2, 2], border: 2 },
  tab: { radii: [8, 8, 8, 8], border: 2, left: 10 },
  hexagon: { radii: [10, 10, 10, 10], border: 2 },
  sticky: { radii: [2, 2, 2, 2], border: 0, top: 6 },
  unknown: { radii: [10, 10, 10, 10], border: 2 }
}
const HEX_INSET = 14
/** The bar: 14 px in from the padding box's top left, to 22% short of its right (styles.css). */
const BAR_INSET = 14
const BAR_HEIGHT = 14
const BAR_END = 0.78
/** The brick's gradient: a 2 px course every 19 px, counted up from the bottom. */
const COURSE = 19
const COURSE_HEIGHT = 2

const n = (v: number): string => String(Math.round(v * 100) / 100)

/** CSS's rule for radii that do not fit: all scaled down by the same factor. */
function fitRadii(r: readonly number[], w: number, h: number): number[] {
  const [tl = 0, tr = 0, br = 0, bl = 0] = r
  const f = Math.min(1, w / (tl + tr || 1), w / (bl + br || 1), h / (tl + bl || 1), h / (tr + br || 1))
  return [tl * f, tr * f, br * f, bl * f]
}

/** A rectangle with rounded corners as path data, clockwise from the top left. */
export function roundedRect(x: number, y: number, w: number, h: number, radii: readonly number[]): string {
  if (w <= 0 || h <= 0) return ''
  const [tl = 0, tr = 0, br = 0, bl = 0] = fitRadii(radii, w, h)
  const arc = (r: number, ex: number, ey: number): string => (r > 0 ? `A${n(r)} ${n(r)} 0 0 1 ${n(ex)} ${n(ey)}` : '')
  return (
    `M${n(x + tl)} ${n(y)}H${n(x + w - tr)}${arc(tr, x + w, y + tr)}V${n(y + h - br)}${arc(br, x + w - br, y + h)}` +
    `H${n(x + bl)}${arc(bl, x, y + h - bl)}V${n(y + tl)}${arc(tl, x + tl, y)}Z`
  )
}

const rect = (x: number, y: number, w: number, h: number): string => (w > 0 && h > 0 ? `M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z` : '')

interface Parts {
  body: string[]
  border: string[]
  accent: string[]
  bars: string[]
  texture: string[]
}
type LookOf = Pick<CardLook, 'key' | 'color' | 'fill' | 'borderWidth' | 'dashed'>

function addCard(p: Parts, shape: Exclude<CardShape, 'container'>, x: number, y: number, w: number, h: number): void {
  const o = outlines[shape]
  const bw = o.border
  const left = o.left ?? bw
  const top = o.top ?? bw
  if (shape === 'hexagon') {
    // Clipped to a hexagon (styles.css's clip-path): of the border, only the top and bottom edges show.
    p.body.push(`M${n(x + HEX_INSET)} ${n(y)}H${n(x + w - HEX_INSET)}L${n(x + w)} ${n(y + h / 2)}L${n(x + w - HEX_INSET)} ${n(y + h)}H${n(x + HEX_INSET)}L${n(x)} ${n(y + h / 2)}Z`)
    p.accent.push(rect(x + HEX_INSET, y, w - 2 * HEX_INSET, bw), rect(x + HEX_INSET, y + h - bw, w - 2 * HEX_INSET, bw))
  } else {
    p.body.push(roundedRect(x, y, w, h, o.radii))
    if (bw > 0) p.border.push(roundedRect(x + bw / 2, y + bw / 2, w - bw, h - bw, o.radii.map((r) => Math.max(0, r - bw / 2))))
  }
  if (o.top) p.accent.push(rect(x, y, w, o.top))
  if (o.left) {
    // The wide side follows the outline's rounded corners.
    const r = fitRadii(o.radii, w, h)[0] ?? 0
    p.accent.push(`M${n(x + r)} ${n(y)}H${n(x + o.left)}V${n(y + h)}H${n(x + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x)} ${n(y + h - r)}V${n(y + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x + r)} ${n(y)}Z`)
  }
  const innerW = w - left - bw
  p.bars.push(rect(x + left + BAR_INSET, y + top + BAR_INSET, innerW * BAR_END - BAR_INSET, BAR_HEIGHT))
  if (shape === 'brick') {
    for (let at = y + h - bw - COURSE; at > y + top; at -= COURSE) p.texture.push(rect(x + bw, at, w - 2 * bw, COURSE_HEIGHT))
  }
}

/**
 * The outlines of `cards` (frames and gardens aside: React Flow draws those), grouped by look,
 * each card at its `places` entry if it has one. Paths follow the cards' order, as React Flow's nodes do.
 */
export function cardLooks(cards: readonly Card[], theme: Theme, places?: ReadonlyMap<string, Place>): CardLook[] {
  const looks = new Map<string, { look: LookOf; parts: Parts }>()
  for (const card of cards) {
    const spec = cardKind(card.kind)
    if (spec.container) continue
    const shape = spec.shape === 'container' ? 'unknown' : spec.shape
    const { color, fill } = kindColors(cardPaint(card), theme)
    const key = `${shape}|${color}|${fill}`
    let l = looks.get(key)
    if (!l) {
      const look = { key, color, fill, borderWidth: outlines[shape].border, dashed: shape === 'unknown' }
      looks.set(key, (l = { look, parts: { body: [], border: [], accent: [], bars: [], texture: [] } }))
    }
    const at = places?.get(card.id)
    addCard(l.parts, shape, at?.x ?? card.x, at?.y ?? card.y, at?.width ?? card.width, at?.height ?? card.height)
  }
  return [...looks.values()].map(({ look, parts: p }) => ({
    ...look,
    body: p.body.join(''),
    border: p.border.join(''),
    accent: p.accent.join(''),
    bars: p.bars.join(''),
    texture: p.texture.join('')
  }))
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
