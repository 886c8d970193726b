import { z } from 'zod'
import { BOARD_FORMAT, type Board, type Card, type Relation } from './board'
import { boundsOf, type Rect } from './geometry'
import { makeCard } from './edits'
import { findForbiddenKey, formatPath, parseBoardText } from './load'
import { cardSchema, LIMITS, relationSchema } from './schema'

/**
 * Cards on the system clipboard. Copy writes a fragment as JSON text (with a
 * format marker, so Orgboard tells its own copies from any other text); paste
 * reads it back, checked against the same schema pieces as a board file, and
 * places it with fresh ids. Pure, so every rule here is unit-tested.
 */

export const CLIPBOARD_FORMAT = 'orgboard-clipboard'
export const CLIPBOARD_VERSION = 1

/** Copied cards and the relations among them, as written to the clipboard. */
export interface BoardFragment {
  /** Always "orgboard-clipboard". */
  format: typeof CLIPBOARD_FORMAT
  /** Fragment format version; a newer one is refused with a message naming both. */
  version: typeof CLIPBOARD_VERSION
  /** The copied cards, in drawing order, with the ids and positions they had on their board. */
  cards: Card[]
  /** Relations whose both ends were copied. */
  relations: Relation[]
}

/** What a paste found on the clipboard. */
export type ClipboardContent =
  | { kind: 'fragment'; fragment: BoardFragment }
  | { kind: 'text'; text: string }
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string }

const fragmentSchema = z
  .object({
    format: z.literal(CLIPBOARD_FORMAT),
    version: z.literal(CLIPBOARD_VERSION),
    cards: z.array(cardSchema).min(1).max(LIMITS.cards),
    relations: z.array(relationSchema).max(LIMITS.relations)
  })
  .superRefine((fragment, ctx) => {
    const cards = new Set<string>()
    fragment.cards.forEach((card, i) => {
      if (cards.has(card.id)) ctx.addIssue({ code: 'custom', message: `duplicate card id "${card.id}"`, path: ['cards', i, 'id'] })
      cards.add(card.id)
    })
    const relations = new Set<string>()
    fragment.relations.forEach((rel, i) => {
      if (relations.has(rel.id)) ctx.addIssue({ code: 'custom', message: `duplicate relation id "${rel.id}"`, path: ['relations', i, 'id'] })
      relations.add(rel.id)
      for (const end of ['from', 'to'] as const) {
        if (!cards.has(rel[end])) ctx.addIssue({ code: 'custom', message: `points to card "${rel[end]}", which was not copied`, path: ['relations', i, end] })
      }
    })
  }) as unknown as z.ZodType<BoardFragment>
// The cast: as in schema.ts, the card refinements narrow `kind` and `fields` beyond what zod infers.

/** The selected cards and every relation between two of them; null when no card is selected. */
export function fragmentOf(board: Board, cardIds: ReadonlySet<string>): BoardFragment | null {
  const cards = board.cards.filter((c) => cardIds.has(c.id))
  if (cards.length === 0) return null
  const relations = board.relations.filter((r) => cardIds.has(r.from) && cardIds.has(r.to))
  return { format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, cards: structuredClone(cards), relations: structuredClone(relations) }
}

export function fragmentText(fragment: BoardFragment): string {
  return JSON.stringify(fragment)
}

/** Reads clipboard text: an Orgboard fragment, a whole board file's text, or any other text (for a note). */
export function readClipboard(text: string): ClipboardContent {
  if (text.trim() === '') return { kind: 'empty' }
  const parsed = parseJsonObject(text)
  if (parsed?.format === CLIPBOARD_FORMAT) return readFragment(parsed)
  if (parsed?.format === BOARD_FORMAT) {
    const loaded = parseBoardText(text)
    if (!loaded.ok) return { kind: 'invalid', message: `The clipboard holds an Orgboard board that cannot be pasted: ${loaded.problem}${loaded.where ? ` (at ${loaded.where})` : ''}.` }
    if (loaded.board.cards.length === 0) return { kind: 'empty' }
    return { kind: 'fragment', fragment: { format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, cards: loaded.board.cards, relations: loaded.board.relations } }
  }
  return { kind: 'text', text: noteText(text) }
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  if (!text.trimStart().startsWith('{')) return null
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function readFragment(doc: Record<string, unknown>): ClipboardContent {
  const version = doc.version
  if (typeof version === 'number' && version > CLIPBOARD_VERSION) {
    return {
      kind: 'invalid',
      message: `The clipboard holds cards copied from a newer Orgboard (clipboard version ${version}); this Orgboard reads up to version ${CLIPBOARD_VERSION}. Update Orgboard to paste them.`
    }
  }
  const forbidden = findForbiddenKey(doc)
  if (forbidden) return { kind: 'invalid', message: `The copied cards cannot be pasted: a key that is not allowed at ${forbidden}.` }
  const result = fragmentSchema.safeParse(doc)
  if (!result.success) {
    const issue = result.error.issues[0]
    return { kind: 'invalid', message: `The copied cards cannot be pasted: ${issue?.message ?? 'not a card fragment'} (at ${formatPath(issue?.path ?? [])}).` }
  }
  return { kind: 'fragment', fragment: result.data }
}

/** Text from elsewhere, as a note's text: Windows line ends normalised, cut to the title limit. */
export function noteText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim().slice(0, LIMITS.title)
}

export function fragmentBounds(fragment: BoardFragment): Rect {
  return boundsOf(fragment.cards) ?? { x: 0, y: 0, width: 0, height: 0 }
}

export type MakeId = (prefix: 'card' | 'rel') => string

/**
 * New cards and relations from a fragment: every id fresh (so pasting twice, or
 * into the board it came from, never collides), relations re-pointed to the new
 * cards, everything moved by `offset`.
 */
export function instantiateFragment(
  fragment: BoardFragment,
  offset: { dx: number; dy: number },
  makeId: MakeId
): { cards: Card[]; relations: Relation[] } {
  const ids = new Map<string, string>()
  for (const card of fragment.cards) ids.set(card.id, makeId('card'))
  const cards = fragment.cards.map((card): Card => {
    const copy: Card = { ...structuredClone(card), id: ids.get(card.id) as string, x: Math.round(card.x + offset.dx), y: Math.round(card.y + offset.dy) }
    // A copied frame keeps its copied cards; a card copied without its frame lands on the open board.
    const container = card.container === undefined ? undefined : ids.get(card.container)
    if (container) copy.container = container
    else delete copy.container
    return copy
  })
  const relations: Relation[] = []
  for (const rel of fragment.relations) {
    const from = ids.get(rel.from)
    const to = ids.get(rel.to)
    if (from && to) relations.push({ ...structuredClone(rel), id: makeId('rel'), from, to })
  }
  return { cards, relations }
}

/** The move that puts the fragment's middle on `target` (whole board units). */
export function offsetToCenter(fragment: BoardFragment, target: { x: number; y: number }): { dx: number; dy: number } {
  const b = fragmentBounds(fragment)
  return { dx: Math.round(target.x - (b.x + b.width / 2)), dy: Math.round(target.y - (b.y + b.height / 2)) }
}

/** A note holding pasted text, centred on `target`. */
export function noteFromText(text: string, target: { x: number; y: number }): Card {
  return makeCard('note', target, noteText(text))
}
