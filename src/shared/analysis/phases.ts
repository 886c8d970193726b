import { isCyclic, type Components } from './components'
import type { DependencyGraph, Edge } from './graph'

/**
 * Phases of the dependency path: topological levels. A card that depends on
 * nothing is in phase 1; any other card is one phase after the latest phase of
 * what it depends on. Cards in a circle share one phase (the circle is taken as
 * one step), so every card in the dependency graph gets a phase even when the
 * board has circles. Cards with no "depends on" at all get none.
 * Linear: components arrive dependencies first.
 */
export function findPhases(graph: DependencyGraph, components: Components): Map<string, number> {
  const levelOf = new Int32Array(components.groups.length)
  for (let c = 0; c < components.groups.length; c++) {
    let level = 1
    for (const v of components.groups[c] as number[]) {
      for (const edge of graph.needs[v] as Edge[]) {
        if (isCyclic(components, edge)) continue
        const other = components.component[edge.to] as number
        level = Math.max(level, (levelOf[other] as number) + 1)
      }
    }
    levelOf[c] = level
  }
  const phases = new Map<string, number>()
  graph.cards.forEach((card, i) => {
    if ((graph.needs[i] as Edge[]).length === 0 && (graph.neededBy[i] as Edge[]).length === 0) return
    phases.set(card.id, levelOf[components.component[i] as number] as number)
  })
  return phases
}
