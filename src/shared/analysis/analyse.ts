import type { Board, Card } from '../board'
import { cardKind } from '../kinds'
import { blockedByMap, findBlockages } from './blocked'
import { strongComponents } from './components'
import { findCriticalPath, type CriticalPath } from './criticalPath'
import { findCycles } from './cycles'
import { findingKinds, type Finding, type FindingKind } from './findings'
import { dependencyGraph, type DependencyGraph } from './graph'
import { findPhases } from './phases'
import { findPrompts, type CardPrompt } from './prompts'

/** Everything the board's analysis found, for the findings panel and the canvas. */
export interface BoardAnalysis {
  /** Grouped by kind (in `findingKinds` order), then in board order. */
  findings: Finding[]
  /** Relations that lie on a circle of "depends on". */
  cycleRelations: ReadonlySet<string>
  /** Card id → ids of the cards blocking it (directly or through what it depends on). */
  blockedBy: ReadonlyMap<string, string[]>
  criticalPath: CriticalPath
  /** Card id → its phase (1 = depends on nothing); only cards with dependencies. */
  phases: ReadonlyMap<string, number>
}

const MAX_TITLE = 80

/** A card as a message names it: its title in quotes, shortened; an untitled card by its kind. */
export function quoted(card: Card | undefined): string {
  if (!card) return 'a card that is gone'
  const title = card.title.trim().replace(/\s+/g, ' ')
  if (!title) return `an untitled ${cardKind(card.kind).label.toLowerCase()}`
  return `“${title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title}”`
}

/** "A", "A and B", "A, B and C"; past `max` names, "and N more". */
export function listOf(names: readonly string[], max = 4): string {
  const shown = names.slice(0, max)
  const rest = names.length - shown.length
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`
  if (shown.length <= 1) return shown.join('')
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
}

const severityOf = new Map<FindingKind, Finding['severity']>(findingKinds.map((k) => [k.id, k.severity]))
const rank = new Map<FindingKind, number>(findingKinds.map((k, i) => [k.id, i]))

function promptMessage(prompt: CardPrompt, name: string): string {
  switch (prompt.kind) {
    case 'unquestionedFreightTrain':
      return `${name} keeps running, but its value has never been questioned`
    case 'seedlingWithoutGarden':
      return `${name} is not in a garden: who protects and waters it?`
    case 'seedlingWithoutCriteria':
      return `${name} has no graduation criteria: when does it graduate?`
    case 'idleWall':
      return `${name} blocks nothing yet: what does it stand in the way of?`
    case 'initiativeIncomplete': {
      const missing = prompt.missing ?? []
      const what = missing.length === 2 ? 'neither drivers nor floats' : `no ${missing[0]}`
      return `${name} has ${what}: ${missing.includes('drivers') ? 'what drives it?' : 'what are we free to move?'}`
    }
  }
}

/**
 * Analyses a board: circles, blocked work, critical path, phases, conditional
 * dependencies and the workshop's prompts. Pure and linear in the board's size
 * (blocked work: per blocker), so it can run after every change.
 *
 * What the canvas always draws (circles, blocked work) is found at once; the critical
 * path, phases and the findings' messages when first read (each once per analysis):
 * the canvas shows them only on demand and the findings panel only while open, and
 * writing every message took most of the analysis of a 5,000-card board being opened.
 */
export function analyseBoard(board: Board): BoardAnalysis {
  const graph = dependencyGraph(board)
  const components = strongComponents(graph)
  const cycles = findCycles(graph, components)
  const cycleRelations = new Set<string>()
  for (const cycle of cycles) for (const id of cycle.relations) cycleRelations.add(id)
  const blockages = findBlockages(board, graph)
  let criticalPath: CriticalPath | undefined
  let phases: ReadonlyMap<string, number> | undefined
  let findings: Finding[] | undefined
  const analysis: BoardAnalysis = {
    cycleRelations,
    blockedBy: blockedByMap(blockages),
    get criticalPath() {
      return (criticalPath ??= findCriticalPath(graph, components))
    },
    get phases() {
      return (phases ??= findPhases(graph, components))
    },
    get findings() {
      return (findings ??= findingsOf(board, graph, cycles, blockages, analysis))
    }
  }
  return analysis
}

/** The findings panel's list, in words. */
function findingsOf(
  board: Board,
  graph: DependencyGraph,
  cycles: ReturnType<typeof findCycles>,
  blockages: ReturnType<typeof findBlockages>,
  { criticalPath, phases }: Pick<BoardAnalysis, 'criticalPath' | 'phases'>
): Finding[] {
  const byId = new Map(board.cards.map((c) => [c.id, c]))
  const name = (id: string): string => quoted(byId.get(id))
  const findings: Finding[] = []
  const add = (kind: FindingKind, id: string, message: string, cards: string[], relations: string[] = []): void => {
    findings.push({ id: `${kind}:${id}`, kind, severity: severityOf.get(kind) ?? 'info', message, cards, relations })
  }

  for (const cycle of cycles) {
    const who = cycle.cards.length === 1 ? `${name(cycle.cards[0] as string)} depends on itself` : `${listOf(cycle.cards.map(name), 6)} depend on each other in a circle`
    add('cycle', cycle.cards[0] as string, `${who}: none of them can finish first`, cycle.cards, cycle.relations)
  }

  for (const b of blockages) {
    const more = b.indirect.length
    const through = more > 0 ? `, and ${more} more card${more === 1 ? '' : 's'} that depend${more === 1 ? 's' : ''} on it` : ''
    add('blocked', b.blocker, `${name(b.blocker)} blocks ${listOf(b.direct.map(name), 3)}${through}`, [b.blocker, ...b.direct, ...b.indirect], b.relations)
  }

  for (const prompt of findPrompts(board)) add(prompt.kind, prompt.card, promptMessage(prompt, name(prompt.card)), [prompt.card])

  for (const { relation } of graph.dependencies) {
    const condition = relation.label.trim()
    if (!condition) continue
    add('conditional', relation.id, `${name(relation.from)} depends on ${name(relation.to)} — condition: ${condition}`, [relation.from, relation.to], [relation.id])
  }

  if (criticalPath.relations.length > 0) {
    const [first, last] = [criticalPath.cards[0] as string, criticalPath.cards.at(-1) as string]
    add(
      'criticalPath',
      'longest',
      `The longest chain of dependencies has ${criticalPath.cards.length} cards, from ${name(first)} to ${name(last)}`,
      criticalPath.cards,
      criticalPath.relations
    )
  }

  const byPhase = new Map<number, string[]>()
  for (const [id, phase] of phases) {
    const list = byPhase.get(phase)
    if (list) list.push(id)
    else byPhase.set(phase, [id])
  }
  if (byPhase.size > 1) {
    for (const phase of [...byPhase.keys()].sort((a, b) => a - b)) {
      const cards = byPhase.get(phase) as string[]
      add('phase', String(phase), `Phase ${phase}: ${listOf(cards.map(name), 3)}`, cards)
    }
  }

  findings.sort((a, b) => (rank.get(a.kind) ?? 0) - (rank.get(b.kind) ?? 0))
  return findings
}
