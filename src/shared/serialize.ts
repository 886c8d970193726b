import type { Board, Card } from './board'
import { UNKNOWN_KIND } from './kinds'

/** Keys that read best first; everything else follows alphabetically, so saves diff cleanly. */
const leadingKeys = ['format', 'version', 'id', 'kind', 'title', 'from', 'to']

export function compareKeys(a: string, b: string): number {
  const ia = leadingKeys.indexOf(a)
  const ib = leadingKeys.indexOf(b)
  if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib)
  return a < b ? -1 : a > b ? 1 : 0
}

/** An object's keys as found, and in file order; thousands of cards share a handful of key sets. */
interface KeyOrder {
  found: readonly string[]
  sorted: readonly string[]
  /** Found in file order already, so the object can be written as it is. */
  inOrder: boolean
}

/** Key orders by an object's first key. Bounded, so a file of countless key sets stays linear. */
type KeyOrders = Map<string, KeyOrder[]>
const MAX_ORDERS_PER_FIRST_KEY = 16

function keyOrder(found: string[], orders: KeyOrders): KeyOrder {
  const first = found[0] ?? ''
  let known = orders.get(first)
  if (!known) orders.set(first, (known = []))
  // Compared key by key: no joined signature string per object.
  search: for (const order of known) {
    if (order.found.length !== found.length) continue
    for (let i = 1; i < found.length; i++) if (order.found[i] !== found[i]) continue search
    return order
  }
  const sorted = [...found].sort(compareKeys)
  // `__proto__` only survives as an own key of a copy without a prototype (see below).
  const order = { found, sorted, inOrder: sorted.every((k, i) => k === found[i]) && !sorted.includes('__proto__') }
  if (known.length < MAX_ORDERS_PER_FIRST_KEY) known.push(order)
  return order
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * The value with every object's keys in file order. Objects and arrays already
 * in order are returned as they are (most are: relations, fields, checklists);
 * the others are copied as ordinary objects, which JSON.stringify writes far
 * faster than objects without a prototype.
 */
function orderKeys(value: unknown, orders: KeyOrders): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      const ordered = orderKeys(item, orders)
      if (ordered !== item && !copy) copy = value.slice(0, i)
      copy?.push(ordered)
    }
    return copy ?? value
  }
  const obj = value as Record<string, unknown>
  const { sorted, inOrder } = keyOrder(Object.keys(obj), orders)
  if (inOrder && isPlainObject(obj)) {
    let copy: Record<string, unknown> | undefined
    for (let i = 0; i < sorted.length; i++) {
      const key = sorted[i] as string
      const item = obj[key]
      const ordered = orderKeys(item, orders)
      if (ordered !== item && !copy) {
        copy = {}
        for (const before of sorted.slice(0, i)) copy[before] = obj[before]
      }
      if (copy) copy[key] = ordered
    }
    return copy ?? obj
  }
  // Assigning `__proto__` to an ordinary object would set its prototype instead of a key.
  const out: Record<string, unknown> = sorted.includes('__proto__') ? Object.create(null) : {}
  for (const k of sorted) out[k] = orderKeys(obj[k], orders)
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
