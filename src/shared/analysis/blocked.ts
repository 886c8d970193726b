import type { Board, Relation } from '../board'
import { at, type DependencyGraph, type Edge } from './graph'

/** What one blocker holds up. */
export interface Blockage {
  /** The card that blocks (a wall, as the facilitator draws it). */
  blocker: string
  /** Cards it blocks directly, in board order. */
  direct: string[]
  /** Cards that, through "depends on", wait for a directly blocked card, in board order. */
  indirect: string[]
  /** The "blocks" relations and the "depends on" relations the blockage travels along. */
  relations: string[]
}

/**
 * Blocked work: a card that a "blocks" relation points to is blocked, and so is
 * everything that (transitively) depends on it. One breadth-first walk per
 * blocker along "needed by": linear in cards + relations per blocker.
 */
export function findBlockages(board: Board, graph: DependencyGraph): Blockage[] {
  const starts = new Map<number, Relation[]>()
  for (const relation of board.relations) {
    if (relation.kind !== 'blocks' || relation.from === relation.to) continue
    const from = graph.index.get(relation.from)
    if (from === undefined || !graph.index.has(relation.to)) continue
    const list = starts.get(from)
    if (list) list.push(relation)
    else starts.set(from, [relation])
  }
  // One stamp array for all walks: a card is reached in this walk when it holds this walk's stamp.
  const stamp = new Int32Array(graph.cards.length).fill(-1)
  const blockages: Blockage[] = []
  for (const [self, blocks] of starts) {
    const direct: number[] = []
    const queue: number[] = []
    const relations = blocks.map((r) => r.id)
    for (const relation of blocks) {
      const i = at(graph, relation.to)
      if (stamp[i] === self) continue
      stamp[i] = self
      direct.push(i)
      queue.push(i)
    }
    const indirect: number[] = []
    for (let head = 0; head < queue.length; head++) {
      for (const edge of graph.neededBy[queue[head] as number] as Edge[]) {
        const w = edge.from
        if (w === self) continue
        relations.push(edge.relation.id)
        if (stamp[w] === self) continue
        stamp[w] = self
        indirect.push(w)
        queue.push(w)
      }
    }
    const ids = (list: number[]): string[] => list.sort((a, b) => a - b).map((i) => graph.cards[i]?.id as string)
    blockages.push({ blocker: graph.cards[self]?.id as string, direct: ids(direct), indirect: ids(indirect), relations })
  }
  return blockages.sort((a, b) => at(graph, a.blocker) - at(graph, b.blocker))
}

/** Card id → the blockers holding it up, for the "blocked by" badge on each card. */
export function blockedByMap(blockages: readonly Blockage[]): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const { blocker, direct, indirect } of blockages) {
    for (const list of [direct, indirect]) {
      for (const id of list) {
        const blockers = map.get(id)
        if (blockers) blockers.push(blocker)
        else map.set(id, [blocker])
      }
    }
  }
  return map
}
