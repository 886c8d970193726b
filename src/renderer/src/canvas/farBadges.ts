import type { Card } from '../../../shared/board'
import type { Theme } from '../theme'
import type { CardMarks } from './analysisMarks'
import { roundedRect, type Place } from './cardOutlines'

/**
 * Past FAR_ZOOM, the badge of a card a wall blocks (CardMarks) as FarCards draws it: the pill
 * alone, solid red, one path for them all. Its words would be under 4 screen px out here, and
 * the pill is what tells a room where the walls bite. Cards with more marks (a phase, the
 * critical path, a pin) stay React Flow nodes (Canvas's `needsNode`); so did blocked ones,
 * and at M and XL zooming out past FAR_ZOOM then mounted about 50 of them, a few per frame.
 */

/** `.card-marks` in analysisMarks.css: 10 px in from the card's sides, 11 px above its top, 20 px high. */
const INSET = 10
const ABOVE = 11
const HEIGHT = 20
/** The pill's ends as two straight segments each, as the outlines' corners are (cardOutlines.ts). */
const RADIUS = 10

/** The badge's border colour (analysisMarks.css), which `.canvas--far` gives its whole pill too. */
export const BADGE_COLOR: Record<Theme, string> = { light: '#dc2626', dark: '#f87171' }

/** Whether a card's marks draw more than the blocked pill: such a card stays a node. */
export const marksNeedNode = (marks: CardMarks | undefined): boolean => !!marks && (marks.phase !== undefined || !!marks.critical)

/**
 * The pills over every blocked card (the analysis's `blockedBy`: card id → the walls holding it
 * up), at its place now (a drag's or resize's, or the board's).
 */
export function blockedBadges(cards: readonly Card[], blockedBy: ReadonlyMap<string, unknown>, places?: ReadonlyMap<string, Place>): string {
  let d = ''
  for (const card of cards) {
    if (!blockedBy.has(card.id)) continue
    const at = places?.get(card.id)
    const x = at?.x ?? card.x
    const y = at?.y ?? card.y
    const width = at?.width ?? card.width
    d += roundedRect(x + INSET, y - ABOVE, width - 2 * INSET, HEIGHT, [RADIUS, RADIUS, RADIUS, RADIUS])
  }
  return d
}
