import type { AnyCardKind, CardColor, CardKind, FieldValue, RelationKind } from './kinds'

/** The marker every board file starts with, so Orgboard never mistakes another JSON file for a board. */
export const BOARD_FORMAT = 'orgboard'
/** The file-format version this build writes; older files are migrated up to it on open. */
export const BOARD_VERSION = 1
export const BOARD_EXTENSION = 'orgboard'

/** One board, as saved in a `.orgboard` file. */
export interface Board {
  /** Always "orgboard". */
  format: typeof BOARD_FORMAT
  /** File-format version; see migrate.ts. */
  version: typeof BOARD_VERSION
  /** Where the facilitator was looking when the board was saved. */
  viewport: Viewport
  /** The kinds of work on the board, in drawing order (later cards on top). */
  cards: Card[]
  /** Directed relations between cards. */
  relations: Relation[]
  /** The dot-voting round, if one was started; absent on a board that never voted. */
  voting?: Voting
  /** Named moments of the board ("before", "after"), oldest first; absent until the first one. */
  checkpoints?: Checkpoint[]
}

export interface Viewport {
  /** Screen offset of the board origin, in pixels. */
  x: number
  y: number
  /** Zoom factor, 1 = 100 %. */
  zoom: number
}

export interface Card {
  /** Unique within the board; never reused. */
  id: string
  /** The kind of work, from the registry in kinds.ts ("unknown" in memory for a kind it does not have). */
  kind: AnyCardKind
  /** Title, name or text, depending on the kind. */
  title: string
  /** Top-left corner on the board, in board units. */
  x: number
  y: number
  /** Size in board units. */
  width: number
  height: number
  /** The kind's own fields (see the registry), keyed by field key. */
  fields: Record<string, FieldValue>
  /** A colour chosen by the facilitator instead of the kind's own; absent for the kind's colour. */
  color?: CardColor
  /** The frame or garden this card belongs to (moves with it); absent when on the open board. */
  container?: string
  /**
   * Pinned by the facilitator: auto-layout and "tidy selection" leave it where it
   * is (it can still be dragged). Absent when not pinned.
   */
  pinned?: boolean
  /**
   * Only on a card of a kind this Orgboard does not know: everything the file said
   * about the card besides id, title, position and size, and its colour and frame when
   * this Orgboard knows them (its "kind", its "fields" and any other keys), exactly as
   * read. Not a key of its own in the board's cards: it is written back into the card's
   * object on save (see serialize.ts), so the file keeps it unchanged. (A checkpoint's
   * copy of such a card is saved as it is in memory, with this key.)
   */
  preserved?: Record<string, JsonValue>
}

/** A value JSON can hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export interface Relation {
  /** Unique within the board. */
  id: string
  /** Reads as a sentence: `from` <kind> `to`, e.g. "wall blocks initiative", "A depends on B". */
  kind: RelationKind
  /** Card id at the tail of the arrow. */
  from: string
  /** Card id at the arrowhead. */
  to: string
  /** Free text on the line; for a conditional "depends on", its condition. */
  label: string
}

/** Bounds on what facilitation keeps in a board file; the schema refuses files beyond them. */
export const FACILITATION_LIMITS = {
  /** Votes one person may spend in a round. */
  votesPerPerson: 20,
  /** People (ballots) in one round. */
  ballots: 500,
  /** Longest voter or checkpoint name. */
  name: 200,
  /** Checkpoints kept in one board; each holds a full copy of the cards and relations. */
  checkpoints: 30
} as const

/**
 * A dot-voting round. One laptop goes round the room: each person casts their
 * votes on their own ballot, then hands over ("Next voter"); totals stay hidden
 * until the facilitator reveals them.
 */
export interface Voting {
  /** Votes each person may spend; several may go on the same card. */
  votesPerPerson: number
  /** The kinds of card the room may vote on. */
  kinds: CardKind[]
  /** "open" while votes are cast (totals hidden), "revealed" once the facilitator shows the results. */
  status: 'open' | 'revealed'
  /** One ballot per person, in the order they voted; while open, the last one is the person voting now. */
  ballots: Ballot[]
}

export interface Ballot {
  /** Who voted: the name the facilitator typed, or "Voter 3". */
  voter: string
  /** The card ids voted for, once per vote (a card appears twice if it got two of this person's votes). */
  cards: string[]
}

/** A named moment of the board, kept so two moments can be compared side by side. */
export interface Checkpoint {
  /** Unique among the board's checkpoints. */
  id: string
  /** The facilitator's name for the moment: "before", "after lunch". */
  name: string
  /** When it was taken, as an ISO 8601 date and time in UTC. */
  time: string
  /** The cards as they were at that moment (a copy; later edits do not change it). */
  cards: Card[]
  /** The relations as they were at that moment. */
  relations: Relation[]
}

export function emptyBoard(): Board {
  return {
    format: BOARD_FORMAT,
    version: BOARD_VERSION,
    viewport: { x: 0, y: 0, zoom: 1 },
    cards: [],
    relations: []
  }
}
