import type { Card } from './board'

const byIdCache = new WeakMap<readonly Card[], ReadonlyMap<string, Card>>()

/**
 * The board's cards by id, made once per board state: boards are immutable (immer freezes each
 * state), so the same array is the same cards. An unfrozen array (a draft being edited) may still
 * change, so it gets a map of its own each time.
 */
export function cardsById(cards: readonly Card[]): ReadonlyMap<string, Card> {
  let byId = byIdCache.get(cards)
  if (!byId) {
    byId = new Map(cards.map((c) => [c.id, c]))
    if (Object.isFrozen(cards)) byIdCache.set(cards, byId)
  }
  return byId
}
