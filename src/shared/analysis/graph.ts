import type { Board, Card, Relation } from '../board'

/** A "depends on" relation with its ends as card indexes: `from` needs `to`. */
export interface Edge {
  relation: Relation
  from: number
  to: number
}

/**
 * The "depends on" relations of a board as an indexed graph, built once per
 * analysis so every finding walks arrays instead of looking ids up.
 *
 * Direction: a relation reads `from` depends on `to`, so `needs[a]` lists what
 * card `a` needs first and `neededBy[b]` lists the cards waiting for `b`.
 */
export interface DependencyGraph {
  cards: readonly Card[]
  /** Card id → index into `cards`. */
  index: ReadonlyMap<string, number>
  /** For each card, the edges that start at it (what it needs). */
  needs: readonly Edge[][]
  /** For each card, the edges that end at it (who needs it). */
  neededBy: readonly Edge[][]
  /** Every dependsOn relation whose two ends are on the board, in board order. */
  dependencies: readonly Edge[]
}

export function dependencyGraph(board: Board): DependencyGraph {
  const cards = board.cards
  const index = new Map<string, number>()
  cards.forEach((card, i) => index.set(card.id, i))
  const needs: Edge[][] = cards.map(() => [])
  const neededBy: Edge[][] = cards.map(() => [])
  const dependencies: Edge[] = []
  for (const relation of board.relations) {
    if (relation.kind !== 'dependsOn') continue
    const from = index.get(relation.from)
    const to = index.get(relation.to)
    if (from === undefined || to === undefined) continue
    const edge = { relation, from, to }
    needs[from]?.push(edge)
    neededBy[to]?.push(edge)
    dependencies.push(edge)
  }
  return { cards, index, needs, neededBy, dependencies }
}

/** The card's index, for an id known to be on the board. */
export function at(graph: DependencyGraph, id: string): number {
  const i = graph.index.get(id)
  if (i === undefined) throw new Error(`Card ${id} is not in the dependency graph`)
  return i
}
