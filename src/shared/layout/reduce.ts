/**
 * The edges a layered layout needs to place boxes in the right columns: without
 * the ones that close a circle (a layered layout has to drop or reverse one)
 * and without the ones implied by a longer path (a transitive reduction). The
 * columns come out the same, but ELK routes far fewer long edges, which is what
 * makes a dense map slow to lay out.
 *
 * `firm` edges (dependencies) win over the others: circles are first broken
 * among firm edges alone, then each other edge is kept only if it closes no
 * circle, so a wall blocking the card it depends on never turns a dependency
 * around. One DFS, a search per other edge, then bitset reachability.
 */
export function essentialEdges<E extends { source: string; target: string }>(
  ids: readonly string[],
  edges: readonly E[],
  firm: (edge: E) => boolean = () => true
): E[] {
  const index = new Map(ids.map((id, i) => [id, i]))
  const n = ids.length
  const out: { edge: E; to: number }[][] = ids.map(() => [])
  const soft: { edge: E; from: number; to: number }[] = []
  for (const edge of edges) {
    const from = index.get(edge.source)
    const to = index.get(edge.target)
    if (from === undefined || to === undefined || from === to) continue
    if (firm(edge)) out[from]?.push({ edge, to })
    else soft.push({ edge, from, to })
  }

  // Iterative DFS over firm edges: drop the edges back to a box still on the stack.
  const state = new Uint8Array(n) // 0 new, 1 on the stack, 2 done
  const acyclic: { edge: E; to: number }[][] = ids.map(() => [])
  for (let root = 0; root < n; root++) {
    if (state[root]) continue
    const stack: [number, number][] = [[root, 0]]
    state[root] = 1
    while (stack.length) {
      const top = stack[stack.length - 1] as [number, number]
      const [v, i] = top
      const next = out[v]?.[i]
      if (!next) {
        stack.pop()
        state[v] = 2
        continue
      }
      top[1] = i + 1
      if (state[next.to] === 1) continue
      acyclic[v]?.push(next)
      if (state[next.to] === 0) {
        state[next.to] = 1
        stack.push([next.to, 0])
      }
    }
  }

  // Other edges join where they close no circle: `from` must not be reachable from `to`.
  const mark = new Int32Array(n).fill(-1)
  soft.forEach(({ edge, from, to }, k) => {
    const queue = [to]
    mark[to] = k
    for (let head = 0; head < queue.length; head++) {
      for (const next of acyclic[queue[head] as number] as { to: number }[]) {
        if (next.to === from) return
        if (mark[next.to] === k) continue
        mark[next.to] = k
        queue.push(next.to)
      }
    }
    acyclic[from]?.push({ edge, to })
  })
  // A topological order, now that every edge is in: Kahn's algorithm.
  const indegree = new Int32Array(n)
  for (const list of acyclic) for (const { to } of list) indegree[to] = (indegree[to] as number) + 1
  const topo: number[] = []
  for (let v = 0; v < n; v++) if (indegree[v] === 0) topo.push(v)
  for (let head = 0; head < topo.length; head++) {
    for (const { to } of acyclic[topo[head] as number] as { to: number }[]) {
      indegree[to] = (indegree[to] as number) - 1
      if (indegree[to] === 0) topo.push(to)
    }
  }
  const finishedOrder = [...topo].reverse()

  // Walk the topological order backwards so successors are done first.
  const rank = new Int32Array(n)
  topo.forEach((v, i) => (rank[v] = i))
  const words = Math.ceil(n / 32)
  const reach = new Uint32Array(n * words)
  const kept: E[] = []
  for (const v of finishedOrder) {
    const targets = (acyclic[v] ?? []).sort((a, b) => (rank[a.to] as number) - (rank[b.to] as number))
    const base = v * words
    for (const { edge, to } of targets) {
      if ((reach[base + (to >> 5)] as number) & (1 << (to & 31))) continue
      kept.push(edge)
      reach[base + (to >> 5)] = (reach[base + (to >> 5)] as number) | (1 << (to & 31))
      const from = to * words
      for (let w = 0; w < words; w++) reach[base + w] = (reach[base + w] as number) | (reach[from + w] as number)
    }
  }
  return kept
}
