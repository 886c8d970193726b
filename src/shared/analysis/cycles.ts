import { isCyclic, type Components } from './components'
import { at, type DependencyGraph } from './graph'

/** One circle of "depends on": cards that, through each other, all wait for one another. */
export interface DependencyCycle {
  /** The cards in the circle, in board order. */
  cards: string[]
  /** Every dependsOn relation between them; each lies on a circle. */
  relations: string[]
}

/**
 * Circles in "depends on": one per strongly connected component that has a
 * relation inside it (two or more cards, or a card depending on itself).
 */
export function findCycles(graph: DependencyGraph, components: Components): DependencyCycle[] {
  const relationsOf = new Map<number, string[]>()
  for (const edge of graph.dependencies) {
    if (!isCyclic(components, edge)) continue
    const c = components.component[edge.from] as number
    const list = relationsOf.get(c)
    if (list) list.push(edge.relation.id)
    else relationsOf.set(c, [edge.relation.id])
  }
  const cycles: DependencyCycle[] = []
  for (const [c, relations] of relationsOf) {
    const members = [...(components.groups[c] as number[])].sort((a, b) => a - b)
    cycles.push({ cards: members.map((i) => graph.cards[i]?.id as string), relations })
  }
  // In board order, so the list does not reshuffle as the board changes.
  return cycles.sort((a, b) => at(graph, a.cards[0] as string) - at(graph, b.cards[0] as string))
}
