import { isCyclic, type Components } from './components'
import type { DependencyGraph, Edge } from './graph'

/** The longest chain of dependencies, in the order the work has to happen. */
export interface CriticalPath {
  /** First the card that waits for nothing, last the card that waits longest. */
  cards: string[]
  /** `relations[i]` is "cards[i + 1] depends on cards[i]". */
  relations: string[]
}

/**
 * The longest chain of "depends on" (in relations), by dynamic programming over
 * the components in dependency order. Relations on a circle are left out: a
 * circle has no longest chain, and it is reported as a finding of its own.
 * Ties go to the card earliest on the board, so the answer is stable. Linear.
 */
export function findCriticalPath(graph: DependencyGraph, components: Components): CriticalPath {
  const n = graph.cards.length
  const length = new Int32Array(n)
  const via: (Edge | undefined)[] = new Array(n)
  for (const group of components.groups) {
    for (const v of group) {
      for (const edge of graph.needs[v] as Edge[]) {
        if (isCyclic(components, edge)) continue
        const w = edge.to
        if ((length[w] as number) + 1 > (length[v] as number)) {
          length[v] = (length[w] as number) + 1
          via[v] = edge
        }
      }
    }
  }
  let end = -1
  for (let v = 0; v < n; v++) if ((length[v] as number) > 0 && (end === -1 || (length[v] as number) > (length[end] as number))) end = v
  if (end === -1) return { cards: [], relations: [] }
  const cards: string[] = [graph.cards[end]?.id as string]
  const relations: string[] = []
  for (let step = via[end]; step; step = via[step.to]) {
    relations.push(step.relation.id)
    cards.push(step.relation.to)
  }
  return { cards: cards.reverse(), relations: relations.reverse() }
}
