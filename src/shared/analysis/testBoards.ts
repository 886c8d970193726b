import { emptyBoard, type Board, type Card, type Relation } from '../board'
import { defaultFields, type CardKind, type FieldValue, type RelationKind } from '../kinds'

/**
 * Small boards for tests, written the way a facilitator would say them:
 * `card('ft-dwh', 'freightTrain', 'Data warehouse migration')`,
 * `rel('seed-delay', 'dependsOn', 'ft-dwh')`.
 */
export function card(id: string, kind: CardKind, title: string, extra: Partial<Card> & { fields?: Record<string, FieldValue> } = {}): Card {
  return { id, kind, title, x: 0, y: 0, width: 200, height: 80, ...extra, fields: { ...defaultFields(kind), ...extra.fields } }
}

let relationCount = 0
export function rel(from: string, kind: RelationKind, to: string, label = '', id?: string): Relation {
  return { id: id ?? `r${++relationCount}-${from}-${to}`, kind, from, to, label }
}

export function boardOf(cards: Card[], relations: Relation[] = []): Board {
  return { ...emptyBoard(), cards, relations }
}

/** Work from the sample organisation (SAMPLE-ORG.md), to title generated graphs. */
export const sampleWork = [
  'Route Optimiser 3.0 re-platform',
  'Enterprise SSO & compliance',
  'Warehouse Mobile App rewrite',
  'Quarterly release train',
  'Data warehouse migration',
  'Self-serve onboarding',
  'Usage-based pricing pilot',
  'Delay prediction model',
  'Support ticket triage',
  'Dispatcher dashboard',
  'Cut onboarding time from 6 weeks to 2',
  'Reduce cloud spend by 20%'
] as const

/** Cards `c0`, `c1`, … for graph-shaped tests: `graphBoard(5, [[1, 0], [2, 1]])` ("c1 depends on c0"). */
export function graphBoard(n: number, edges: readonly (readonly [number, number])[]): Board {
  const cards = Array.from({ length: n }, (_, i) => {
    const round = Math.floor(i / sampleWork.length)
    return card(`c${i}`, 'initiative', `${sampleWork[i % sampleWork.length]}${round ? ` (${round + 1})` : ''}`)
  })
  return boardOf(
    cards,
    edges.map(([from, to], i) => rel(`c${from}`, 'dependsOn', `c${to}`, '', `e${i}`))
  )
}

/**
 * A workshop-sized board at stress scale: `cards` cards of every kind, in frames
 * and gardens, with `relations` relations (mostly "depends on", some walls
 * blocking, a few circles). Deterministic, so benchmarks compare like with like.
 */
export function bigBoard(cards = 2000, relations = 2500): Board {
  let seed = 42
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const kinds: CardKind[] = ['initiative', 'freightTrain', 'seedling', 'wall', 'team', 'note', 'blankPage']
  const list: Card[] = []
  const containers = Math.max(1, Math.floor(cards / 50))
  for (let i = 0; i < containers; i++) {
    list.push(card(`box${i}`, i % 2 ? 'garden' : 'frame', `${sampleWork[i % sampleWork.length]} area`, { x: (i % 8) * 2000, y: Math.floor(i / 8) * 1400, width: 1900, height: 1300 }))
  }
  const perBox = Math.ceil((cards - containers) / containers)
  for (let i = list.length; i < cards; i++) {
    // Neighbouring cards share a frame, so most dependencies stay inside one, as on a real board.
    const box = Math.min(containers - 1, Math.floor((i - containers) / perBox))
    const kind = kinds[i % kinds.length] as CardKind
    list.push(
      card(`k${i}`, kind, `${sampleWork[i % sampleWork.length]} ${i}`, {
        x: (box % 8) * 2000 + 40 + (i % 7) * 260,
        y: Math.floor(box / 8) * 1400 + 80 + (Math.floor(i / 7) % 6) * 200,
        width: 220,
        height: 96,
        container: `box${box}`
      })
    )
  }
  const ids = list.filter((c) => c.kind !== 'frame' && c.kind !== 'garden').map((c) => c.id)
  const walls = list.filter((c) => c.kind === 'wall').map((c) => c.id)
  const rels: Relation[] = []
  for (let i = 0; i < relations; i++) {
    const a = Math.floor(random() * ids.length)
    // Mostly forward in board order (a DAG), one in fifty backwards (circles).
    const b = random() < 0.02 ? Math.floor(random() * ids.length) : Math.max(0, a - 1 - Math.floor(random() * 40))
    if (i % 10 === 0 && walls.length) rels.push(rel(walls[i % walls.length] as string, 'blocks', ids[a] as string, '', `b${i}`))
    else if (a !== b) rels.push(rel(ids[a] as string, 'dependsOn', ids[b] as string, i % 13 ? '' : 'only if the pilot succeeds', `d${i}`))
  }
  return boardOf(list, rels)
}
