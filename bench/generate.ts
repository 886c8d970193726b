import type { Board, Card, Relation } from '../src/shared/board'
import { cardKind, defaultFields, defaultRelationKind, type CardKind, type RelationKind } from '../src/shared/kinds'

/**
 * Seeded benchmark boards: a Harbour & Pine workshop (SAMPLE-ORG.md) grown to
 * thousands of cards. Cards sit in frames and gardens laid out on a grid, the way
 * a facilitator groups a big map, and most relations stay near their cards.
 */

export interface BenchSize {
  name: 'S' | 'M' | 'L' | 'XL'
  cards: number
  relations: number
}

export const sizes: readonly BenchSize[] = [
  { name: 'S', cards: 300, relations: 350 },
  { name: 'M', cards: 1_000, relations: 1_200 },
  { name: 'L', cards: 2_000, relations: 2_500 },
  { name: 'XL', cards: 5_000, relations: 6_000 }
]

/** The viewport every page opens at: a facilitator working on one or two frames. */
export const OPEN_ZOOM = 0.5

/** mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const vocabulary = {
  freightTrain: [
    'Route Optimiser 3.0 re-platform',
    'Enterprise SSO & compliance (SOC 2 Type II)',
    'Warehouse Mobile App rewrite',
    'Quarterly release train',
    'Data warehouse migration'
  ],
  seedling: ['Self-serve onboarding', 'Usage-based pricing pilot', 'Delay prediction model', 'Support ticket triage', 'Dispatcher dashboard'],
  garden: ['Mid-market self-serve', 'AI in operations'],
  wall: [
    'Hiring freeze for all non-revenue roles',
    'Legal review required for any customer data leaving the EU',
    "Mobile team's shared QA environment is booked until September",
    'The data warehouse migration owns the only two data engineers'
  ],
  blankPage: ['Billing from scratch', 'New partner portal', 'Dispatch console reinvented'],
  initiative: [
    'Cut onboarding time from 6 weeks to 2',
    'Reduce cloud spend by 20%',
    'Enterprise renewals in Q3',
    'Route Optimiser 3.0 uses predictions',
    'Show where $40M of salaries go'
  ],
  team: ['Routing Core', 'Growth', 'Mobile', 'Platform Security', 'Data Platform', 'Release Engineering'],
  note: [
    'What are our freight trains?',
    'Where have walls just appeared?',
    'When does a seedling graduate?',
    'What floats: what are we free to move?',
    'Where does the path get stuck?',
    'Which team context are we in?'
  ],
  frame: ['Lower right', 'Upper left', 'Phase 1: discovery', 'Phase 2: pilot', 'Horizon 1–3 months', 'Horizon 1–3 quarters', 'Longer']
} satisfies Record<CardKind, string[]>

const regions = ['EMEA', 'North America', 'APAC', 'LATAM', 'Nordics', 'DACH']
const conditions = ['only if the pilot with two customers succeeds', 'after the SOC 2 audit window', 'if finance signs off', 'once event data is clean']
const loose = ['shares engineers with', 'same customers', 'competes for budget', 'discussed in Q2 review']
const contexts = [
  'Running a mature product; funded as a cost centre',
  'New offering, funded like a startup',
  'Rebuilding after a breakdown',
  'Compliance-driven; fixed budget',
  'Overloaded; everyone’s dependency'
]

/** Non-container kinds, with how often each appears on a real map. */
const mix: readonly [CardKind, number][] = [
  ['initiative', 22],
  ['note', 18],
  ['seedling', 14],
  ['team', 12],
  ['freightTrain', 11],
  ['wall', 10],
  ['blankPage', 5]
]

const CELL = { width: 300, height: 170 }
const COLS = 5
const PAD = { top: 70, side: 40, bottom: 40 }
const GAP = 220

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T
}

function weighted(rnd: () => number): CardKind {
  const total = mix.reduce((s, [, w]) => s + w, 0)
  let r = rnd() * total
  for (const [kind, w] of mix) if ((r -= w) < 0) return kind
  return 'note'
}

function title(rnd: () => number, kind: CardKind, n: number): string {
  const base = pick(rnd, vocabulary[kind])
  const r = rnd()
  // About one title in ten is long, as facilitators write whole sentences on cards.
  if (r < 0.1) return `${base} — ${pick(rnd, vocabulary.initiative).toLowerCase()}, ${pick(rnd, conditions)}, owned by ${pick(rnd, vocabulary.team)} (${pick(rnd, regions)})`
  if (r < 0.5) return `${base} (${pick(rnd, regions)})`
  return kind === 'note' ? base : `${base} #${n}`
}

function fieldsFor(rnd: () => number, kind: CardKind): Card['fields'] {
  const fields = defaultFields(kind)
  if (kind === 'freightTrain') Object.assign(fields, { teams: pick(rnd, vocabulary.team), momentum: pick(rnd, ['light', 'heavy', 'unstoppable']) })
  if (kind === 'seedling') {
    Object.assign(fields, {
      stage: pick(rnd, ['seed', 'sprout', 'sapling', 'ready']),
      needs: pick(rnd, ['a designer two days a week', 'finance sign-off', 'clean event data', 'protection from the release train']),
      criteria: [{ text: '30 accounts onboard without a call', done: rnd() < 0.3 }]
    })
  }
  if (kind === 'garden') Object.assign(fields, { tendedBy: pick(rnd, ['Growth', 'CTO office']), reason: 'Win accounts under 50 seats' })
  if (kind === 'wall') Object.assign(fields, { appeared: pick(rnd, ['March', 'last week', 'Q2']) })
  if (kind === 'initiative') {
    Object.assign(fields, {
      drivers: ['Churn in first 90 days', 'Enterprise renewals'],
      constraints: ['Hiring freeze', 'SOC 2 audit window'],
      floats: ['Which customers pilot first'],
      horizon: pick(rnd, ['months', 'quarters', 'longer'])
    })
  }
  if (kind === 'team') Object.assign(fields, { context: pick(rnd, contexts), size: 3 + Math.floor(rnd() * 9) })
  if (kind === 'blankPage') fields.replaces = 'Legacy import scripts'
  return fields
}

/** A board of `size`, the same for the same seed on every run. */
export function generateBoard(size: BenchSize, seed = 20_240_601): Board {
  const rnd = random(seed + size.cards)
  const regionCount = Math.max(1, Math.round(size.cards / 30))
  const inner = size.cards - regionCount
  const perRegion = Math.ceil(inner / regionCount)
  const rows = Math.ceil(perRegion / COLS)
  const regionW = PAD.side * 2 + COLS * CELL.width
  const regionH = PAD.top + PAD.bottom + rows * CELL.height
  const gridCols = Math.ceil(Math.sqrt(regionCount * 1.4))

  const containers: Card[] = []
  const cards: Card[] = []
  const regionOf: number[] = []
  let n = 0
  for (let r = 0; r < regionCount; r++) {
    const garden = r % 4 === 1
    const kind: CardKind = garden ? 'garden' : 'frame'
    const ox = (r % gridCols) * (regionW + GAP)
    const oy = Math.floor(r / gridCols) * (regionH + GAP)
    containers.push({
      id: `c${++n}`,
      kind,
      title: title(rnd, kind, n),
      x: ox,
      y: oy,
      width: regionW,
      height: regionH,
      fields: fieldsFor(rnd, kind)
    })
    const count = Math.min(perRegion, inner - r * perRegion)
    for (let i = 0; i < count; i++) {
      const k: CardKind = garden && rnd() < 0.7 ? 'seedling' : weighted(rnd)
      const spec = cardKind(k)
      const cx = ox + PAD.side + (i % COLS) * CELL.width
      const cy = oy + PAD.top + Math.floor(i / COLS) * CELL.height
      // Jitter, so cards do not look like a spreadsheet and edges are not all axis-aligned.
      const jx = Math.round((rnd() - 0.5) * 30)
      const jy = Math.round((rnd() - 0.5) * 20)
      cards.push({
        id: `c${++n}`,
        kind: k,
        title: title(rnd, k, n),
        x: cx + 20 + jx,
        y: cy + 10 + jy,
        width: Math.min(spec.defaultSize.width, CELL.width - 50),
        height: Math.min(spec.defaultSize.height, CELL.height - 40),
        fields: fieldsFor(rnd, k)
      })
      regionOf.push(r)
    }
  }

  const byRegion: number[][] = Array.from({ length: regionCount }, () => [])
  regionOf.forEach((r, i) => byRegion[r]?.push(i))
  const relations: Relation[] = []
  const seen = new Set<string>()
  let guard = 0
  while (relations.length < size.relations && guard++ < size.relations * 20) {
    const a = Math.floor(rnd() * cards.length)
    const ra = regionOf[a] ?? 0
    // Most relations stay inside a frame; some reach a neighbouring one.
    const rb = rnd() < 0.8 ? ra : Math.min(regionCount - 1, Math.max(0, ra + pick(rnd, [-1, 1, -gridCols, gridCols])))
    const b = pick(rnd, byRegion[rb] ?? [a])
    const from = cards[a]
    const to = cards[b]
    if (!from || !to || a === b) continue
    let kind: RelationKind = defaultRelationKind(from.kind, to.kind)
    if (from.kind === 'initiative' && to.kind === 'initiative' && rnd() < 0.25) kind = rnd() < 0.5 ? 'drives' : 'constrains'
    const key = `${from.id}>${to.id}>${kind}`
    if (seen.has(key)) continue
    seen.add(key)
    const label =
      kind === 'dependsOn' && rnd() < 0.15 ? pick(rnd, conditions) : kind === 'relatesTo' && rnd() < 0.5 ? pick(rnd, loose) : ''
    relations.push({ id: `r${relations.length + 1}`, kind, from: from.id, to: to.id, label })
  }

  // Open on the middle of the map, like a facilitator zoomed in on the frame being discussed.
  const width = gridCols * (regionW + GAP)
  const height = Math.ceil(regionCount / gridCols) * (regionH + GAP)
  const pane = PANE
  const zoom = OPEN_ZOOM
  const viewport = { x: Math.round(pane.width / 2 - (width / 2) * zoom), y: Math.round(pane.height / 2 - (height / 2) * zoom), zoom }
  return { format: 'orgboard', version: 1, viewport, cards: [...containers, ...cards], relations }
}

/**
 * Orgboard's canvas at a 1280×800 window (palette 208 px left, top bar 48 px, side bar
 * 288 px right). The baseline pages draw into a box of the same size at the same place,
 * so every page shows the same part of the board. (It was 1,072 px wide, the window
 * without the side bar: the baselines drew 37% more of the board than Orgboard.)
 */
export const PANE = { left: 208, top: 48, width: 784, height: 752 } as const
