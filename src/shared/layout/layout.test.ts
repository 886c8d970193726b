import ELK from 'elkjs/lib/elk.bundled.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Board, Card } from '../board'
import { bigBoard, boardOf, card, rel } from '../analysis/testBoards'
import type { Rect } from '../geometry'
import { produce } from 'immer'
import { analyseBoard } from '../analysis'
import { applyLayout, layoutBoard } from './layout'

const elk = new ELK()

async function laidOut(board: Board, only?: ReadonlySet<string>): Promise<Board> {
  const rects = await layoutBoard(board, elk, only ? { only } : {})
  return produce(board, (draft) => applyLayout(draft, rects))
}

const rectOf = (c: Card): Rect => ({ x: c.x, y: c.y, width: c.width, height: c.height })
const overlap = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (a: Rect, b: Rect): boolean => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height

/** The layout invariants: siblings never overlap, cards stay inside their container, and no card changes container. */
function expectTidy(board: Board): void {
  const byId = new Map(board.cards.map((c) => [c.id, c]))
  const siblings = new Map<string, Card[]>()
  const problems: string[] = []
  for (const c of board.cards) {
    const list = siblings.get(c.container ?? '') ?? []
    list.push(c)
    siblings.set(c.container ?? '', list)
    if (c.container && !inside(rectOf(c), rectOf(byId.get(c.container) as Card))) problems.push(`${c.title} sticks out of its container`)
  }
  for (const list of siblings.values()) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i] as Card, list[j] as Card]
        if (overlap(rectOf(a), rectOf(b))) problems.push(`${a.title} overlaps ${b.title}`)
      }
  }
  // Each card's centre lies in its own container and in no smaller one (how edits.ts's containerAt decides).
  const containers = board.cards.filter((c) => c.kind === 'frame' || c.kind === 'garden')
  const within = (c: Card, outer: Card): boolean => {
    for (let at: Card | undefined = c; at; at = at.container ? byId.get(at.container) : undefined) if (at.id === outer.id) return true
    return false
  }
  for (const c of board.cards) {
    const [cx, cy] = [c.x + c.width / 2, c.y + c.height / 2]
    const holding = containers.filter((f) => !within(f, c) && cx >= f.x && cx <= f.x + f.width && cy >= f.y && cy <= f.y + f.height)
    const smallest = holding.sort((a, b) => a.width * a.height - b.width * b.height)[0]
    if (smallest?.id !== c.container) problems.push(`${c.title} now sits in ${smallest?.title ?? 'the open board'}`)
  }
  expect(problems).toEqual([])
}

/** The sample path, piled up in one corner, with a garden holding two seedlings. */
function samplePile(): Board {
  return boardOf(
    [
      card('garden-ai', 'garden', 'AI in operations', { x: 0, y: 0, width: 600, height: 400 }),
      card('seed-delay', 'seedling', 'Delay prediction model', { x: 20, y: 80, container: 'garden-ai' }),
      card('seed-triage', 'seedling', 'Support ticket triage', { x: 40, y: 100, container: 'garden-ai' }),
      card('ft-dwh', 'freightTrain', 'Data warehouse migration', { x: 700, y: 0 }),
      card('dashboard', 'blankPage', 'Dispatcher dashboard', { x: 710, y: 10 }),
      card('ft-route', 'freightTrain', 'Route Optimiser 3.0 re-platform', { x: 720, y: 20 }),
      card('wall-engineers', 'wall', 'The data warehouse migration owns the only two data engineers', { x: 730, y: 30 })
    ],
    [
      rel('seed-delay', 'dependsOn', 'ft-dwh'),
      rel('dashboard', 'dependsOn', 'seed-delay'),
      rel('ft-route', 'dependsOn', 'dashboard', 'only if the pilot with two customers succeeds'),
      rel('wall-engineers', 'blocks', 'seed-delay')
    ]
  )
}

describe('layoutBoard', () => {
  it('lays dependencies out left to right: what is needed first stands to the left', async () => {
    const board = await laidOut(samplePile())
    const x = (id: string) => board.cards.find((c) => c.id === id)?.x as number
    expect(x('ft-dwh')).toBeLessThan(x('garden-ai'))
    expect(x('garden-ai')).toBeLessThan(x('dashboard'))
    expect(x('dashboard')).toBeLessThan(x('ft-route'))
    expectTidy(board)
  })

  it('keeps seedlings inside their garden, which fits around them', async () => {
    const board = await laidOut(samplePile())
    const garden = board.cards.find((c) => c.id === 'garden-ai') as Card
    const seeds = board.cards.filter((c) => c.container === 'garden-ai')
    for (const s of seeds) expect(inside(rectOf(s), rectOf(garden))).toBe(true)
    expectTidy(board)
  })

  it('leaves pinned cards where they are, and lays the rest out clear of them', async () => {
    const pile = samplePile()
    const pinned = produce(pile, (b) => {
      for (const c of b.cards) if (c.id === 'dashboard' || c.id === 'seed-triage') c.pinned = true
    })
    const board = await laidOut(pinned)
    const before = new Map(pinned.cards.map((c) => [c.id, c]))
    for (const id of ['dashboard', 'seed-triage']) expect(rectOf(board.cards.find((c) => c.id === id) as Card)).toEqual(rectOf(before.get(id) as Card))
    // The garden holds a pinned seedling, so it stays put too (it may only grow).
    const garden = board.cards.find((c) => c.id === 'garden-ai') as Card
    expect([garden.x, garden.y]).toEqual([0, 0])
    expectTidy(board)
  })

  it('tidies only the selection', async () => {
    const pile = samplePile()
    const board = await laidOut(pile, new Set(['ft-dwh', 'ft-route']))
    const moved = board.cards.filter((c, i) => c !== pile.cards[i]).map((c) => c.id)
    expect(moved.sort()).toEqual(['ft-dwh', 'ft-route'])
    const [a, b] = ['ft-dwh', 'ft-route'].map((id) => board.cards.find((c) => c.id === id) as Card) as [Card, Card]
    expect(overlap(rectOf(a), rectOf(b))).toBe(false)
  })

  it('a selected frame brings its cards along', async () => {
    const pile = samplePile()
    const rects = await layoutBoard(pile, elk, { only: new Set(['garden-ai']) })
    expect([...rects.keys()].sort()).toEqual(['garden-ai', 'seed-delay', 'seed-triage'])
  })

  it('keeps its invariants on random boards with frames and pinned cards', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 14 }),
        fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 20 }),
        fc.array(fc.nat(13), { maxLength: 4 }),
        fc.array(fc.nat(13), { maxLength: 3 }),
        async (n, pairs, pinnedAt, selectedAt) => {
          // Two frames side by side; cards go in a frame or on the open board by their index.
          const cards: Card[] = [
            card('frame-a', 'frame', 'Lower right', { x: 0, y: 0, width: 2000, height: 1400 }),
            card('garden-b', 'garden', 'Mid-market self-serve', { x: 2400, y: 0, width: 2000, height: 1400 })
          ]
          for (let i = 0; i < n; i++) {
            const home = i % 3 === 0 ? undefined : i % 3 === 1 ? 'frame-a' : 'garden-b'
            const base = home === 'frame-a' ? 0 : home === 'garden-b' ? 2400 : 5000
            cards.push(
              card(`c${i}`, i % 2 ? 'initiative' : 'seedling', `Usage-based pricing pilot ${i}`, {
                x: base + 60 + (i % 4) * 300,
                y: 100 + Math.floor(i / 4) * 300,
                width: 220,
                height: 96,
                ...(home ? { container: home } : {}),
                ...(pinnedAt.includes(i) ? { pinned: true } : {})
              })
            )
          }
          const relations = pairs.filter(([a, b]) => a < n && b < n && a !== b).map(([a, b]) => rel(`c${a}`, 'dependsOn', `c${b}`))
          const board = boardOf(cards, relations)
          const selected = selectedAt.length ? new Set(selectedAt.filter((i) => i < n).map((i) => `c${i}`)) : undefined
          const after = await laidOut(board, selected)
          for (const c of board.cards) {
            const now = after.cards.find((x) => x.id === c.id) as Card
            if (c.pinned) expect([now.x, now.y, now.width, now.height]).toEqual([c.x, c.y, c.width, c.height])
            if (selected && !c.container && !selected.has(c.id) && c.kind !== 'frame' && c.kind !== 'garden') expect(now).toBe(c)
          }
          expectTidy(after)
        }
      ),
      { numRuns: 40 }
    )
  })

  it('lays out a 2,000-card board, framed or flat, with the quick columns', async () => {
    const framed = bigBoard(2000, 2500)
    const flat: Board = { ...framed, cards: framed.cards.filter((c) => c.kind !== 'frame' && c.kind !== 'garden').map(({ container: _, ...c }) => c) }
    for (const board of [framed, flat]) {
      const after = await laidOut(board)
      expectTidy(after)
      const byId = new Map(after.cards.map((c) => [c.id, c]))
      const { cycleRelations } = analyseBoard(after)
      // Left to right along dependencies, wherever both cards share a level (and are not on a circle).
      const backwards = after.relations.filter((r) => {
        const [from, to] = [byId.get(r.from) as Card, byId.get(r.to) as Card]
        return r.kind === 'dependsOn' && from.container === to.container && !cycleRelations.has(r.id) && to.x + to.width >= from.x
      })
      expect(backwards).toEqual([])
    }
  }, 120_000)
})
