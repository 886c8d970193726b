import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Board, Relation } from '../board'
import { analyseBoard } from './analyse'
import { card, graphBoard, rel } from './testBoards'

/** A random "depends on" graph: n cards and edges [from, to] ("from depends on to"). */
const anyGraph = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3, selector: ([a, b]) => `${a}>${b}` })
  })
)

/** A random DAG: edges only go from a later rank to an earlier one, and ranks are shuffled against board order. */
const anyDag = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    rankOf: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    pairs: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3, selector: ([a, b]) => `${a}>${b}` })
  }).map(({ n, rankOf, pairs }) => ({
    n,
    edges: pairs.filter(([a, b]) => (rankOf[a] as number) > (rankOf[b] as number)) as [number, number][]
  }))
)

const deps = (board: Board): Relation[] => board.relations.filter((r) => r.kind === 'dependsOn')

/** Can `to` be reached from `from` along "depends on"? A plain search, independent of the code under test. */
function reaches(board: Board, from: string, to: string, skip: ReadonlySet<string> = new Set()): boolean {
  const seen = new Set([from])
  const queue = [from]
  while (queue.length) {
    const at = queue.shift() as string
    if (at === to) return true
    for (const r of deps(board)) {
      if (r.from === at && !skip.has(r.id) && !seen.has(r.to)) {
        seen.add(r.to)
        queue.push(r.to)
      }
    }
  }
  return false
}

/** The longest chain by trying every simple path (small graphs only). */
function bruteLongest(board: Board, usable: readonly Relation[]): number {
  let best = 0
  const walk = (at: string, visited: Set<string>, length: number): void => {
    best = Math.max(best, length)
    for (const r of usable) {
      if (r.from !== at || visited.has(r.to)) continue
      visited.add(r.to)
      walk(r.to, visited, length + 1)
      visited.delete(r.to)
    }
  }
  for (const c of board.cards) walk(c.id, new Set([c.id]), 0)
  return best
}

describe('analysis properties', () => {
  it('no circle is reported on a DAG, and every card gets a phase one after what it needs', () => {
    fc.assert(
      fc.property(anyDag, ({ n, edges }) => {
        const board = graphBoard(n, edges)
        const analysis = analyseBoard(board)
        expect(analysis.cycleRelations.size).toBe(0)
        expect(analysis.findings.filter((f) => f.kind === 'cycle')).toEqual([])
        for (const r of deps(board)) expect(analysis.phases.get(r.from)).toBeGreaterThan(analysis.phases.get(r.to) as number)
      })
    )
  })

  it('a relation is reported on a circle exactly when its cards reach each other', () => {
    fc.assert(
      fc.property(anyGraph, ({ n, edges }) => {
        const board = graphBoard(n, edges)
        const { cycleRelations } = analyseBoard(board)
        for (const r of deps(board)) expect(cycleRelations.has(r.id)).toBe(reaches(board, r.to, r.from))
      })
    )
  })

  it('a found critical path is a real chain of "depends on", and no chain is longer', () => {
    fc.assert(
      fc.property(anyGraph, ({ n, edges }) => {
        const board = graphBoard(Math.min(n, 9), edges.filter(([a, b]) => a < 9 && b < 9))
        const { criticalPath, cycleRelations } = analyseBoard(board)
        const byId = new Map(board.relations.map((r) => [r.id, r]))
        expect(criticalPath.relations.length).toBe(Math.max(0, criticalPath.cards.length - 1))
        criticalPath.relations.forEach((id, i) => {
          const r = byId.get(id)
          expect(r?.kind).toBe('dependsOn')
          expect(r?.to).toBe(criticalPath.cards[i])
          expect(r?.from).toBe(criticalPath.cards[i + 1])
          expect(cycleRelations.has(id)).toBe(false)
        })
        expect(new Set(criticalPath.cards).size).toBe(criticalPath.cards.length)
        const acyclic = deps(board).filter((r) => !cycleRelations.has(r.id))
        expect(criticalPath.relations.length).toBe(bruteLongest(board, acyclic))
      })
    )
  })

  it('phases are a tight topological levelling, with circles as one step', () => {
    fc.assert(
      fc.property(anyGraph, ({ n, edges }) => {
        const board = graphBoard(n, edges)
        const { phases, cycleRelations } = analyseBoard(board)
        const related = new Set(deps(board).flatMap((r) => [r.from, r.to]))
        expect(new Set(phases.keys())).toEqual(related)
        for (const r of deps(board)) {
          if (cycleRelations.has(r.id)) expect(phases.get(r.from)).toBe(phases.get(r.to))
          else expect(phases.get(r.from)).toBeGreaterThan(phases.get(r.to) as number)
        }
        // Tight: a card past phase 1 waits on something (itself or a card in its circle) exactly one phase earlier.
        for (const [id, phase] of phases) {
          if (phase === 1) continue
          const circle = new Set([id, ...board.cards.map((c) => c.id).filter((o) => reaches(board, id, o) && reaches(board, o, id))])
          const earlier = deps(board).filter((r) => circle.has(r.from) && !cycleRelations.has(r.id)).map((r) => phases.get(r.to))
          expect(earlier).toContain(phase - 1)
        }
      })
    )
  })

  it('a card is blocked by a wall exactly when it depends, through any chain, on something the wall blocks', () => {
    fc.assert(
      fc.property(anyGraph, fc.uniqueArray(fc.nat(11), { maxLength: 3 }), ({ n, edges }, blockedTargets) => {
        const board = graphBoard(n, edges)
        const targets = blockedTargets.filter((t) => t < n).map((t) => `c${t}`)
        board.cards.push(card('wall-hiring', 'wall', 'Hiring freeze for all non-revenue roles'))
        for (const t of targets) board.relations.push(rel('wall-hiring', 'blocks', t))
        const { blockedBy } = analyseBoard(board)
        for (const c of board.cards) {
          if (c.id === 'wall-hiring') continue
          const expected = targets.some((t) => reaches(board, c.id, t))
          expect(blockedBy.get(c.id) ?? []).toEqual(expected ? ['wall-hiring'] : [])
        }
      })
    )
  })
})
