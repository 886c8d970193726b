import type { DependencyGraph, Edge } from './graph'

/** The strongly connected components of "depends on". */
export interface Components {
  /** Card index → its component. */
  component: Int32Array
  /**
   * Card indexes of each component, dependencies first: a component comes after
   * every component its cards need (Tarjan emits them in that order).
   */
  groups: number[][]
}

/**
 * Tarjan's algorithm, iterative so a long chain of dependencies cannot overflow
 * the stack. Linear in cards + relations.
 */
export function strongComponents(graph: DependencyGraph): Components {
  const n = graph.cards.length
  const order = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const component = new Int32Array(n).fill(-1)
  const stack: number[] = []
  const groups: number[][] = []
  let counter = 0

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue
    // Each frame: a card and how far through its "needs" list the walk is.
    const frames: [number, number][] = [[root, 0]]
    order[root] = low[root] = counter++
    stack.push(root)
    onStack[root] = 1
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number]
      const [v, next] = frame
      const out = graph.needs[v] as Edge[]
      if (next < out.length) {
        frame[1] = next + 1
        const w = (out[next] as Edge).to
        if (order[w] === -1) {
          order[w] = low[w] = counter++
          stack.push(w)
          onStack[w] = 1
          frames.push([w, 0])
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, order[w] as number)
        }
        continue
      }
      frames.pop()
      const parent = frames[frames.length - 1]
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number)
      if (low[v] === order[v]) {
        const members: number[] = []
        let w: number
        do {
          w = stack.pop() as number
          onStack[w] = 0
          component[w] = groups.length
          members.push(w)
        } while (w !== v)
        groups.push(members)
      }
    }
  }
  return { component, groups }
}

/** Does this relation lie on a circle? Exactly when both its ends are in one component. */
export function isCyclic(components: Components, edge: Edge): boolean {
  return components.component[edge.from] === components.component[edge.to]
}
