import { isDraft, original } from 'immer'
import type { Board, Card, Relation } from './board'
import { cardKind, defaultFields, defaultRelationKind, type CardKind, type RelationKind } from './kinds'

/**
 * Edits to a board, as immer recipes: each is applied as one undoable step by
 * the editor's history. Pure, so they are tested without a browser.
 */

export function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID().slice(0, 13)}`
}

export function makeCard(kind: CardKind, center: { x: number; y: number }, title?: string): Card {
  const spec = cardKind(kind)
  const { width, height } = spec.defaultSize
  return {
    id: newId('card'),
    kind,
    title: title ?? spec.defaultTitle,
    x: Math.round(center.x - width / 2),
    y: Math.round(center.y - height / 2),
    width,
    height,
    fields: defaultFields(kind)
  }
}

/** Containers go to the back so the cards inside them stay clickable. */
export function addCard(board: Board, card: Card): void {
  if (cardKind(card.kind).container) board.cards.unshift(card)
  else board.cards.push(card)
}

export function moveCards(board: Board, positions: ReadonlyMap<string, { x: number; y: number }>): void {
  // Look through the base cards and draft only the ones that move: iterating the draft
  // would make a proxy for every card on the board.
  const base = isDraft(board.cards) ? (original(board.cards) ?? board.cards) : board.cards
  base.forEach((c, i) => {
    const to = positions.get(c.id)
    if (!to || (c.x === to.x && c.y === to.y)) return
    const card = board.cards[i] as Card
    card.x = to.x
    card.y = to.y
  })
}

export function resizeCard(board: Board, id: string, rect: { x: number; y: number; width: number; height: number }): void {
  const card = board.cards.find((c) => c.id === id)
  if (!card) return
  card.x = rect.x
  card.y = rect.y
  card.width = rect.width
  card.height = rect.height
}

export function renameCard(board: Board, id: string, title: string): void {
  const card = board.cards.find((c) => c.id === id)
  if (card && card.title !== title) card.title = title
}

/** Removes cards and relations; relations touching a removed card go too. */
export function removeItems(board: Board, cardIds: ReadonlySet<string>, relationIds: ReadonlySet<string>): void {
  if (cardIds.size > 0) board.cards = board.cards.filter((c) => !cardIds.has(c.id))
  const kept = board.relations.filter((r) => !relationIds.has(r.id) && !cardIds.has(r.from) && !cardIds.has(r.to))
  if (kept.length !== board.relations.length) board.relations = kept
}

/** Connects two cards with the relation their kinds suggest; refuses self-loops and exact duplicates. */
export function connectCards(board: Board, from: string, to: string, kind?: RelationKind): Relation | undefined {
  if (from === to) return undefined
  const a = board.cards.find((c) => c.id === from)
  const b = board.cards.find((c) => c.id === to)
  if (!a || !b) return undefined
  const relKind = kind ?? defaultRelationKind(a.kind, b.kind)
  if (board.relations.some((r) => r.from === from && r.to === to && r.kind === relKind)) return undefined
  const relation: Relation = { id: newId('rel'), kind: relKind, from, to, label: '' }
  board.relations.push(relation)
  return relation
}
