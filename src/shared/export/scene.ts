import type { Board, Card, Relation } from '../board'
import { cardSummary } from '../cardSummary'
import { borderPoint, center, type Rect } from '../geometry'
import { cardKind, cardPaint, relationKind, type CardKindSpec } from '../kinds'
import type { ExportFonts, FallbackRun, FontRun, FontWeight, PlacedGlyph } from './fonts'
import { ICON_GRID, iconPath } from './icons'
import { BRICK, cardText, HEXAGON_INSET, paletteFor, relationLook, shapeLooks, type ExportBackground, type Palette, type Shadow, type ShapeLook } from './look'
import { polygon, roundedRect, type Radii } from './paths'
import { ellipsize, wrapText, type TextStyle } from './textLayout'

/**
 * The board as a list of drawing primitives (paths and lines of text), in image
 * coordinates. Built once from the board and the kind registry; the SVG, the PNG
 * (the same paths on a canvas, see canvasScene.ts) and the PDF are all written from it, so they look alike.
 */

export interface Stroke {
  color: string
  width: number
  dash?: readonly number[]
  opacity?: number
  round?: boolean
}

export type SceneItem =
  | {
      type: 'path'
      d: string
      fill?: string
      fillOpacity?: number
      stroke?: Stroke
      /** Drawn in its own units, then moved and scaled (icons on their 24-unit grid). */
      transform?: { x: number; y: number; scale: number }
    }
  /** A soft shadow under a shape; SVG and PNG draw it blurred, PDF leaves it out. */
  | { type: 'shadow'; d: string; shadow: Shadow }
  | {
      type: 'text'
      /** The characters of the line, for search, selection and accessibility. */
      text: string
      x: number
      /** Baseline. */
      y: number
      width: number
      size: number
      weight: FontWeight
      letterSpacing: number
      color: string
      /** Each character the bundled fonts have, placed (SVG draws their outlines). */
      glyphs: PlacedGlyph[]
      /** The same characters grouped by font file (PDF draws them as text in the embedded font). */
      runs: FontRun[]
      /** Characters no bundled font has: drawn as text in the viewer's fonts. */
      fallback: FallbackRun[]
    }

export interface SceneGroup {
  role: 'card' | 'relation' | 'relationLabel'
  id: string
  /** Kind id from the registry. */
  kind: string
  /** What the group is, in words: "Freight train: Route Optimiser 3.0 re-platform". */
  label: string
  items: SceneItem[]
  /** A box around everything the group draws (shadows and line widths too), so a renderer drawing in tiles can skip it. */
  bounds: Rect
}

export interface Scene {
  width: number
  height: number
  background: string | null
  /** Where the scene's (0, 0) is on the board. */
  origin: { x: number; y: number }
  groups: SceneGroup[]
}

export interface SceneOptions {
  /** Cards to draw; all of them when absent. Relations are drawn when both their ends are. */
  cardIds?: ReadonlySet<string>
  background: ExportBackground
  /** Space around the drawing, in board units. */
  padding: number
}

export class NothingToExportError extends Error {
  override name = 'NothingToExportError'
}

/** The cards an export of `selection` shows: the selected ones, and cards inside a selected garden or frame. */
export function cardsInSelection(board: Board, selection: ReadonlySet<string>): Set<string> {
  const ids = new Set(selection)
  const containers = board.cards.filter((c) => selection.has(c.id) && cardKind(c.kind).container)
  for (const card of board.cards) {
    if (containers.some((k) => card.x >= k.x && card.y >= k.y && card.x + card.width <= k.x + k.width && card.y + card.height <= k.y + k.height)) {
      ids.add(card.id)
    }
  }
  return ids
}

function lineBox(fonts: ExportFonts, size: number): number {
  return (fonts.ascent + fonts.descent) * size
}

function textItem(
  fonts: ExportFonts,
  text: string,
  style: TextStyle,
  x: number,
  baseline: number,
  color: string
): SceneItem {
  const letterSpacing = style.letterSpacing ?? 0
  const laid = fonts.layout(text, style.weight, style.size, x, letterSpacing)
  return {
    type: 'text',
    text,
    x,
    y: baseline,
    width: laid.width,
    size: style.size,
    weight: style.weight,
    letterSpacing,
    color,
    glyphs: laid.glyphs,
    runs: laid.runs,
    fallback: laid.fallback
  }
}

interface CardOutline {
  /** The card's outer edge (fill, shadow). */
  outer: string
  /** The centre line of its border. */
  border: string
}

function outline(card: Rect, look: ShapeLook, shape: CardKindSpec['shape']): CardOutline {
  const { x, y, width: w, height: h } = card
  const inset = look.border / 2
  if (shape === 'hexagon') {
    const hex = (d: number): string =>
      polygon([
        [x + HEXAGON_INSET + d * 0.5, y + d],
        [x + w - HEXAGON_INSET - d * 0.5, y + d],
        [x + w - d, y + h / 2],
        [x + w - HEXAGON_INSET - d * 0.5, y + h - d],
        [x + HEXAGON_INSET + d * 0.5, y + h - d],
        [x + d, y + h / 2]
      ])
    return { outer: hex(0), border: hex(inset) }
  }
  const radii: Radii = look.radius === 'pill' ? [h / 2, h / 2, h / 2, h / 2].map((r) => Math.min(r, w / 2)) as unknown as Radii : look.radius
  const shrink = radii.map((r) => Math.max(0, r - inset)) as unknown as Radii
  return {
    outer: roundedRect(x, y, w, h, radii),
    border: roundedRect(x + inset, y + inset, w - 2 * inset, h - 2 * inset, shrink)
  }
}

function cardGroup(fonts: ExportFonts, card: Card, palette: Palette, dx: number, dy: number): SceneGroup {
  const kind = cardKind(card.kind)
  // The facilitator's own colour, if chosen, like the canvas (cardPaint).
  const spec = { ...kind, ...cardPaint(card) }
  const look = shapeLooks[spec.shape]
  const rect = { x: card.x + dx, y: card.y + dy, width: card.width, height: card.height }
  const { outer, border } = outline(rect, look, spec.shape)
  const onGround = spec.container ? palette.container : null
  const accent = onGround ? onGround.accent(spec.color) : spec.color
  const fillOpacity = onGround ? onGround.fillOpacity : look.fillOpacity
  const text = onGround?.text ?? palette.text
  const text2 = onGround?.text2 ?? palette.text2
  const items: SceneItem[] = []

  for (const shadow of look.shadow) items.push({ type: 'shadow', d: outer, shadow })
  items.push({ type: 'path', d: outer, fill: spec.fill, ...(fillOpacity < 1 ? { fillOpacity } : {}) })
  if (spec.shape === 'brick') {
    // Mortar lines, from the bottom of the padding box up, as the repeating gradient draws them.
    const bottom = rect.y + rect.height - look.border
    for (let top = bottom - BRICK.period; top > rect.y + look.border; top -= BRICK.period) {
      const h = Math.min(BRICK.line, top + BRICK.line - (rect.y + look.border))
      items.push({
        type: 'path',
        d: polygon([
          [rect.x + look.border, top],
          [rect.x + rect.width - look.border, top],
          [rect.x + rect.width - look.border, top + h],
          [rect.x + look.border, top + h]
        ]),
        fill: spec.color,
        fillOpacity: BRICK.opacity
      })
    }
  }
  if (look.border > 0) {
    items.push({ type: 'path', d: border, stroke: { color: accent, width: look.border, ...(look.dash.length ? { dash: look.dash } : {}) } })
  }
  if (look.borderTop > look.border) {
    // The sticky note's coloured band along its top.
    const [tl, tr] = look.radius === 'pill' ? [0, 0] : look.radius
    items.push({ type: 'path', d: roundedRect(rect.x, rect.y, rect.width, look.borderTop, [tl, tr, 0, 0]), fill: spec.color })
  }
  if (look.borderLeft > look.border) {
    // The initiative's tab: a thick band down its left side.
    const [tl, , , bl] = look.radius === 'pill' ? [0, 0, 0, 0] : look.radius
    items.push({ type: 'path', d: roundedRect(rect.x, rect.y, look.borderLeft, rect.height, [tl, 0, 0, bl]), fill: accent })
  }

  // Content: kind row, title (up to three lines), summary; as the card's flex column lays them out.
  const left = rect.x + Math.max(look.border, look.borderLeft) + look.padX
  const width = Math.max(0, rect.width - (look.border + Math.max(look.border, look.borderLeft) + 2 * look.padX))
  const top = rect.y + look.borderTop + look.padY
  const bottom = rect.y + rect.height - look.border - look.padY
  const k = cardText.kind
  const rowHeight = Math.max(k.icon, lineBox(fonts, k.size))
  const iconScale = k.icon / ICON_GRID
  items.push({
    type: 'path',
    d: iconPath(spec.icon),
    stroke: { color: accent, width: k.iconStroke, round: true },
    transform: { x: left, y: top + (rowHeight - k.icon) / 2, scale: iconScale }
  })
  const kindStyle: TextStyle = { weight: k.weight, size: k.size, letterSpacing: k.letterSpacing * k.size }
  const labelLeft = left + k.icon + k.gap
  const labelText = ellipsize(fonts, spec.label.toUpperCase(), kindStyle, Math.max(0, left + width - labelLeft))
  const labelBaseline = top + (rowHeight - lineBox(fonts, k.size)) / 2 + fonts.ascent * k.size
  items.push(textItem(fonts, labelText, kindStyle, labelLeft, labelBaseline, accent))

  const titleStyle: TextStyle = { weight: cardText.title.weight, size: look.titleSize }
  const lineHeight = cardText.title.lineHeight * look.titleSize
  const titleTop = top + rowHeight + cardText.gap
  // Lines that do not fit the card are left out rather than cut in half.
  const fit = Math.max(1, Math.floor((bottom - titleTop + 1) / lineHeight))
  const lines = wrapText(fonts, card.title, titleStyle, width, Math.min(cardText.title.maxLines, fit))
  const halfLeading = (lineHeight - lineBox(fonts, look.titleSize)) / 2
  lines.forEach((line, i) => {
    items.push(textItem(fonts, line, titleStyle, left, titleTop + i * lineHeight + halfLeading + fonts.ascent * look.titleSize, text))
  })

  const summary = cardSummary(card)
  const s = cardText.summary
  const summaryTop = titleTop + lines.length * lineHeight + cardText.gap
  if (summary && summaryTop + lineBox(fonts, s.size) <= bottom + 2) {
    const summaryStyle: TextStyle = { weight: s.weight, size: s.size }
    const text = ellipsize(fonts, summary.replace(/\s+/g, ' '), summaryStyle, width)
    items.push(textItem(fonts, text, summaryStyle, left, summaryTop + fonts.ascent * s.size, text2))
  }

  const reach = shadowReach(card)
  // A card too short for its kind row and one title line (only in a hand-edited file) shows that line below its edge.
  const textBottom = Math.max(0, ...items.map((item) => (item.type === 'text' ? item.y + fonts.descent * item.size : 0)))
  const lowest = Math.max(rect.y + rect.height + reach.bottom, textBottom)
  const bounds = { x: rect.x - reach.side, y: rect.y - reach.side, width: rect.width + 2 * reach.side, height: lowest - (rect.y - reach.side) }
  return { role: 'card', id: card.id, kind: card.kind, label: `${spec.label}: ${card.title}`, items, bounds }
}

/** The box around `points`, grown by `margin` on every side (half a line width and more). */
function pointBounds(points: readonly (readonly [number, number])[], margin: number): Rect {
  const xs = points.map(([x]) => x)
  const ys = points.map(([, y]) => y)
  const x = Math.min(...xs) - margin
  const y = Math.min(...ys) - margin
  return { x, y, width: Math.max(...xs) + margin - x, height: Math.max(...ys) + margin - y }
}

interface RelationShapes {
  line: SceneGroup
  label: SceneGroup | null
  /** Area the label covers, for the image bounds. */
  labelRect: Rect | null
}

function relationShapes(fonts: ExportFonts, relation: Relation, from: Card, to: Card, palette: Palette, dx: number, dy: number): RelationShapes {
  const spec = relationKind(relation.kind)
  const color = palette.relationColor(spec.color)
  const a = { x: from.x + dx, y: from.y + dy, width: from.width, height: from.height }
  const b = { x: to.x + dx, y: to.y + dy, width: to.width, height: to.height }
  const start = borderPoint(a, center(b))
  const end = borderPoint(b, center(a))
  const items: SceneItem[] = [
    {
      type: 'path',
      d: polygon([[start.x, start.y], [end.x, end.y]], false),
      stroke: { color, width: spec.width, ...(spec.dash ? { dash: spec.dash.split(/\s+/).map(Number) } : {}) }
    }
  ]
  const length = Math.hypot(end.x - start.x, end.y - start.y)
  const ends: (readonly [number, number])[] = [[start.x, start.y], [end.x, end.y]]
  let reach = spec.width
  if (length > 0) {
    const unit = relationLook.arrowUnit * spec.width
    const cos = (end.x - start.x) / length
    const sin = (end.y - start.y) / length
    const points = relationLook.arrowPoints.map(([px, py]) => [end.x + (px * cos - py * sin) * unit, end.y + (px * sin + py * cos) * unit] as const)
    items.push({ type: 'path', d: polygon(points), fill: color, stroke: { color, width: unit, round: true } })
    ends.push(...points)
    reach = Math.max(reach, unit)
  }
  const title = `${from.title} ${spec.label} ${to.title}`
  const line: SceneGroup = { role: 'relation', id: relation.id, kind: relation.kind, label: title, items, bounds: pointBounds(ends, reach) }

  const text = relation.label || (relation.kind === 'dependsOn' ? '' : spec.label)
  if (!text) return { line, label: null, labelRect: null }
  const l = relationLook.label
  const style: TextStyle = { weight: l.weight, size: l.size }
  const shown = ellipsize(fonts, text.replace(/\s+/g, ' '), style, l.maxWidth - 2 * (l.padX + l.border))
  const textWidth = fonts.measure(shown, l.weight, l.size)
  const w = textWidth + 2 * (l.padX + l.border)
  const h = lineBox(fonts, l.size) + 2 * (l.padY + l.border)
  const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
  const rect = { x: mid.x - w / 2, y: mid.y - h / 2, width: w, height: h }
  const r = h / 2
  const labelItems: SceneItem[] = [
    { type: 'path', d: roundedRect(rect.x, rect.y, w, h, [r, r, r, r]), fill: palette.surface },
    {
      type: 'path',
      d: roundedRect(rect.x + l.border / 2, rect.y + l.border / 2, w - l.border, h - l.border, [r, r, r, r]),
      stroke: { color: spec.color, width: l.border }
    },
    textItem(fonts, shown, style, rect.x + l.border + l.padX, rect.y + l.border + l.padY + fonts.ascent * l.size, palette.text)
  ]
  return {
    line,
    label: { role: 'relationLabel', id: relation.id, kind: relation.kind, label: `${title}: ${text}`, items: labelItems, bounds: rect },
    labelRect: rect
  }
}

/** How far a card's shadows reach beyond it, so an image never cuts them off. */
function shadowReach(card: Card): { side: number; bottom: number } {
  const shadows = shapeLooks[cardKind(card.kind).shape].shadow
  return {
    side: Math.max(0, ...shadows.map((s) => s.blur)),
    bottom: Math.max(0, ...shadows.map((s) => s.blur + s.dy))
  }
}

/** Builds the scene of a whole board, or of some of its cards. */
export function buildScene(board: Board, fonts: ExportFonts, options: SceneOptions): Scene {
  const cards = options.cardIds ? board.cards.filter((c) => options.cardIds?.has(c.id)) : board.cards
  if (cards.length === 0) {
    throw new NothingToExportError(options.cardIds ? 'Nothing to export: no cards are selected.' : 'Nothing to export: the board has no cards yet.')
  }
  const byId = new Map(cards.map((c) => [c.id, c]))
  const relations = board.relations.filter((r) => byId.has(r.from) && byId.has(r.to) && r.from !== r.to)
  const palette = paletteFor(options.background)

  // Bounds on the board first (cards with their shadows, relation labels), then everything moves by (dx, dy).
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const include = (x0: number, y0: number, x1: number, y1: number): void => {
    minX = Math.min(minX, x0)
    minY = Math.min(minY, y0)
    maxX = Math.max(maxX, x1)
    maxY = Math.max(maxY, y1)
  }
  for (const card of cards) {
    const reach = shadowReach(card)
    include(card.x - reach.side, card.y - reach.side, card.x + card.width + reach.side, card.y + card.height + reach.bottom)
  }
  const onBoard = relations.map((r) => relationShapes(fonts, r, byId.get(r.from) as Card, byId.get(r.to) as Card, palette, 0, 0))
  for (const shapes of onBoard) {
    const rect = shapes.labelRect
    if (rect) include(rect.x, rect.y, rect.x + rect.width, rect.y + rect.height)
  }
  const padding = Math.max(0, options.padding)
  const dx = padding - minX
  const dy = padding - minY

  const containers = cards.filter((c) => cardKind(c.kind).container)
  const others = cards.filter((c) => !cardKind(c.kind).container)
  const moved = relations.map((r) => relationShapes(fonts, r, byId.get(r.from) as Card, byId.get(r.to) as Card, palette, dx, dy))
  // The canvas's stacking: gardens and frames, then relation lines, then cards, then relation labels.
  const groups: SceneGroup[] = [
    ...containers.map((c) => cardGroup(fonts, c, palette, dx, dy)),
    ...moved.map((m) => m.line),
    ...others.map((c) => cardGroup(fonts, c, palette, dx, dy)),
    ...moved.flatMap((m) => (m.label ? [m.label] : []))
  ]
  return {
    width: Math.ceil(maxX - minX + 2 * padding),
    height: Math.ceil(maxY - minY + 2 * padding),
    background: palette.background,
    origin: { x: minX - padding, y: minY - padding },
    groups
  }
}
