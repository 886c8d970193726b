import type { Board, Card } from './board'
import { UNKNOWN_KIND } from './kinds'

/** Keys that read best first; everything else follows alphabetically, so saves diff cleanly. */
const leadingKeys = ['format', 'version', 'id', 'kind', 'title', 'from', 'to']

function compareKeys(a: string, b: string): number {
  const ia = leadingKeys.indexOf(a)
  const ib = leadingKeys.indexOf(b)
  if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib)
  return a < b ? -1 : a > b ? 1 : 0
}

/** Sorted key lists by the keys as found: thousands of cards share a handful of key sets. */
type KeyOrders = Map<string, string[]>

function orderKeys(value: unknown, orders: KeyOrders): unknown {
  if (Array.isArray(value)) return value.map((v) => orderKeys(v, orders))
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const found = Object.keys(obj)
  const signature = found.join('\u0000')
  let keys = orders.get(signature)
  if (!keys) orders.set(signature, (keys = found.sort(compareKeys)))
  const out: Record<string, unknown> = Object.create(null)
  for (const k of keys) out[k] = orderKeys(obj[k], orders)
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
  return JSON.stringify(orderKeys({ ...board, cards: board.cards.map(fileCard) }, new Map()), null, 2) + '\n'
}
