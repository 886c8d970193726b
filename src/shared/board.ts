import type { AnyCardKind, FieldValue, RelationKind } from './kinds'

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
  /**
   * Only on a card of a kind this Orgboard does not know: everything the file said
   * about the card besides id, title, position and size (its "kind", its "fields" and
   * any other keys), exactly as read. Not a key of its own in the file: it is written
   * back into the card's object on save (see serialize.ts), so the file keeps it unchanged.
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

export function emptyBoard(): Board {
  return {
    format: BOARD_FORMAT,
    version: BOARD_VERSION,
    viewport: { x: 0, y: 0, zoom: 1 },
    cards: [],
    relations: []
  }
}
