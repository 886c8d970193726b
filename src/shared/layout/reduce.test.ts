import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { essentialEdges } from './reduce'

const e = (source: string, target: string) => ({ source, target })

/** Which boxes each box reaches along `edges` (a plain search, for checking). */
function closure(ids: string[], edges: { source: string; target: string }[]): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>()
  for (const id of ids) {
    const seen = new Set<string>()
    const queue = [id]
    while (queue.length) {
      const at = queue.shift() as string
      for (const x of edges) {
        if (x.source !== at || seen.has(x.target)) continue
        seen.add(x.target)
        queue.push(x.target)
      }
    }
    result.set(id, seen)
  }
  return result
}

describe('essentialEdges', () => {
  it('drops a dependency implied by a longer path', () => {
    // Warehouse → delay model → dashboard, and warehouse → dashboard directly.
    const edges = [e('dwh', 'delay'), e('delay', 'dashboard'), e('dwh', 'dashboard')]
    expect(essentialEdges(['dwh', 'delay', 'dashboard'], edges)).toEqual([edges[1], edges[0]])
  })

  it('breaks a circle by dropping one edge', () => {
    const edges = [e('a', 'b'), e('b', 'c'), e('c', 'a')]
    expect(essentialEdges(['a', 'b', 'c'], edges)).toHaveLength(2)
  })

  it('on a DAG, keeps exactly what is reachable, with no edge implied by the others', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }))),
        ([n, pairs]) => {
          const ids = Array.from({ length: n }, (_, i) => `b${i}`)
          const edges = pairs.filter(([a, b]) => a < b).map(([a, b]) => e(`b${a}`, `b${b}`))
          const kept = essentialEdges(ids, edges)
          expect(closure(ids, kept)).toEqual(closure(ids, edges))
          for (const k of kept) expect(closure(ids, kept.filter((x) => x !== k)).get(k.source)?.has(k.target)).toBe(false)
        }
      )
    )
  })
})
