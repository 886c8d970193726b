import type { Board, Card } from './board'
import { UNKNOWN_KIND } from './kinds'

/** Keys that read best first; everything else follows alphabetically, so saves diff cleanly. */
const leadingKeys = ['format', 'version', 'id', 'kind', 'title', 'from', 'to']

function orderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderKeys)
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).sort((a, b) => {
    const ia = leadingKeys.indexOf(a)
    const ib = leadingKeys.indexOf(b)
    if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib)
    return a < b ? -1 : a > b ? 1 : 0
  })
  const out: Record<string, unknown> = Object.create(null)
  for (const k of keys) out[k] = orderKeys(obj[k])
  return out
}

/**
 * A card as the file holds it. A card of an unknown kind is written back as the
 * file had it: what it preserved (its kind, fields and other keys), with the
 * id, title, position, size, colour and frame it has now.
 */
function fileCard(card: Card): unknown {
  if (card.kind !== UNKNOWN_KIND || !card.preserved) return card
  const { id, title, x, y, width, height, color, container } = card
  return { ...card.preserved, id, title, x, y, width, height, ...(color ? { color } : {}), ...(container ? { container } : {}) }
}

/** The board as file text: UTF-8 JSON, stable key order, 2-space indent, trailing newline. */
export function serializeBoard(board: Board): string {
  return JSON.stringify(orderKeys({ ...board, cards: board.cards.map(fileCard) }), null, 2) + '\n'
}
