import { relationKind } from '../../../shared/kinds'
import type { RelationLine } from '../../../shared/relationLines'
import type { Relation } from '../../../shared/board'
import { CONDITIONAL_DASH } from '../inspector/RelationSample'
import { relationColorFor, type Theme } from '../theme'
import { highlightColor } from './arrowheads'
import { cutLine, dashPeriod } from './dashPieces'

/** A "depends on" with a condition on it is dashed (see the legend); else the kind's own dash, if any. */
export function isConditional(relation: Relation): boolean {
  return relation.kind === 'dependsOn' && relation.label.trim() !== ''
}

export function relationDash(relation: Relation): string | undefined {
  return (isConditional(relation) ? CONDITIONAL_DASH : relationKind(relation.kind).dash) || undefined
}

/** The widths analysisMarks.css gives highlighted relations. */
const highlightWidth: Record<string, number> = { 'edge--cycle': 4, 'edge--critical': 5 }
/** How much wider a selected relation is drawn (RelationEdge). */
export const SELECTED_EXTRA = 1.5

/** One style of line, with every relation drawn in it as one path, and their arrowheads as another. */
export interface Stroke {
  key: string
  color: string
  width: number
  /** Of the line, not the arrowhead: a dashed kind's share of ink (inkShare). */
  opacity: number
  lines: string
  heads: string
}

/**
 * How much of a dashed line is ink: the dashes' share of the pattern. Zoomed out this far a
 * pattern is a pixel or two on screen and reads as a lighter line, so it is drawn as one,
 * solid at that share. Dashing was most of the time to draw the relations on every zoom
 * frame (Chromium dashes a path dash by dash for every tile it touches).
 */
export function inkShare(dash: string | undefined): number {
  const lengths = (dash ?? '').split(/[\s,]+/).filter(Boolean).map(Number)
  const period = dashPeriod(dash ?? '')
  if (period <= 0) return 1
  // An odd-length list repeats twice over with on and off swapped, so it is half ink.
  if (lengths.length % 2 === 1) return 0.5
  const on = lengths.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0)
  return Math.round((on / period) * 100) / 100
}

/**
 * Path data rounded to whole board units: this far out one is a third of a pixel or less, and
 * whole numbers are quicker to print (the paths are remade for all 6,000 relations at XL when
 * the zoom passes FAR_ZOOM).
 */
const r = Math.round

/**
 * Lines are grouped by place too, in cells this wide (board units), and long ones cut:
 * Chromium draws a path for every tile its bounds touch, so one path for the whole board
 * made every tile draw every relation.
 */
export const CELL = 1000

/** A cell as one number (a string key per line was most of the garbage made here). */
const cellOf = (x: number, y: number): number => (Math.floor(x / CELL) + 0x8000) * 0x10000 + (Math.floor(y / CELL) + 0x8000)

/**
 * The arrowhead RelationMarkers draws at a line's end, as a filled triangle: the marker's
 * -5..0 × -4..4 in a 20-unit box scaled to 16 stroke widths, its tip on the end.
 */
function head(line: RelationLine, width: number): string {
  const { start, end } = line
  const length = Math.hypot(end.x - start.x, end.y - start.y)
  if (length === 0) return ''
  const ux = (end.x - start.x) / length
  const uy = (end.y - start.y) / length
  const back = 4 * width
  const side = 3.2 * width
  const bx = end.x - ux * back
  const by = end.y - uy * back
  return `M${r(end.x)},${r(end.y)}L${r(bx - uy * side)},${r(by + ux * side)}L${r(bx + uy * side)},${r(by - ux * side)}Z`
}

/** How a relation looks, shared by every relation that looks the same; its strokes by cell. */
interface Look {
  style: string
  color: string
  width: number
  opacity: number
  rank: number
  cells: Map<number, Group>
}
type Group = Stroke & { rank: number; lineParts: string[]; headParts: string[] }

/**
 * Groups relations' lines by how they look, in the colours and widths RelationEdge and
 * analysisMarks.css give them, dashes as a lighter line (inkShare), and by place (CELL):
 * plain ones first, then highlighted, selected on top. Lines are added one at a time, so
 * the work can be spread over idle time (farStrokes.ts).
 */
export class StrokeBuilder {
  // Few looks, many relations: each look is worked out once.
  private readonly looks = new Map<string, Look>()
  private readonly byStyle = new Map<string, Look>()
  private readonly groups: Group[] = []

  constructor(
    private readonly theme: Theme,
    private readonly selected: ReadonlySet<string>,
    private readonly classes: ReadonlyMap<string, string>
  ) {}

  private lookOf(relation: Relation): Look {
    const highlight = this.classes.get(relation.id)
    const isSelected = this.selected.has(relation.id)
    const conditional = isConditional(relation)
    const id = `${relation.kind}|${conditional ? 1 : 0}|${isSelected ? 1 : 0}|${highlight ?? ''}`
    let look = this.looks.get(id)
    if (look) return look
    const spec = relationKind(relation.kind)
    const color = (highlight && highlightColor[this.theme][highlight]) ?? relationColorFor(spec, this.theme)
    const width = (highlight ? highlightWidth[highlight] ?? spec.width : spec.width) + (isSelected ? SELECTED_EXTRA : 0)
    const rank = (isSelected ? 2 : 0) + (highlight ? 1 : 0)
    const opacity = inkShare(relationDash(relation))
    const style = `${rank}|${color}|${width}|${opacity}`
    // Two kinds may look alike: they share their strokes.
    look = this.byStyle.get(style) ?? { style, color, width, opacity, rank, cells: new Map() }
    this.byStyle.set(style, look)
    this.looks.set(id, look)
    return look
  }

  private groupOf(look: Look, x: number, y: number): Group {
    const cell = cellOf(x, y)
    let group = look.cells.get(cell)
    if (!group) {
      const { style, color, width, opacity, rank } = look
      group = { key: `${style}|${cell}`, color, width, opacity, lines: '', heads: '', rank, lineParts: [], headParts: [] }
      look.cells.set(cell, group)
      this.groups.push(group)
    }
    return group
  }

  add(line: RelationLine): void {
    const look = this.lookOf(line.relation)
    for (const [x1, y1, x2, y2] of cutLine(line.start, line.end, CELL)) {
      this.groupOf(look, (x1 + x2) / 2, (y1 + y2) / 2).lineParts.push(`M${r(x1)},${r(y1)}L${r(x2)},${r(y2)}`)
    }
    this.groupOf(look, line.end.x, line.end.y).headParts.push(head(line, look.width))
  }

  strokes(): Stroke[] {
    return [...this.groups]
      .sort((a, b) => a.rank - b.rank)
      .map(({ key, color, width, opacity, lineParts, headParts }) => ({ key, color, width, opacity, lines: lineParts.join(''), heads: headParts.join('') }))
  }
}

/** The relations' lines as strokes (StrokeBuilder), all at once. */
export function relationStrokes(
  lines: readonly RelationLine[],
  theme: Theme,
  selected: ReadonlySet<string>,
  classes: ReadonlyMap<string, string>
): Stroke[] {
  const builder = new StrokeBuilder(theme, selected, classes)
  for (const line of lines) builder.add(line)
  return builder.strokes()
}
