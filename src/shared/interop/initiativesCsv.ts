import type { Board, Card, Relation } from '../board'
import { makeCard, newId } from '../edits'
import { cardKind } from '../kinds'
import { parseCsv } from './csv'

/**
 * A CSV of initiatives (columns: title, team, horizon, depends on) as cards on
 * the board: one initiative per row, a team card per team (an existing team
 * card with that name is reused) related to its initiatives, and "depends on"
 * relations to the titles listed, separated by semicolons (or line breaks).
 * A title may name a row of the file or a card already on the board. An
 * initiative already on the board under the same title is reused, not doubled.
 * Any bad row stops the import with every row's problem listed: nothing is
 * added half-way.
 */
export interface CsvImport {
  cards: Card[]
  relations: Relation[]
  /** One sentence for the facilitator: what was added. */
  summary: string
}

export type CsvImportResult = { ok: true; value: CsvImport } | { ok: false; problems: string[] }

const columns = {
  title: ['title', 'initiative', 'name'],
  team: ['team', 'teams', 'owner', 'owning team'],
  horizon: ['horizon'],
  dependsOn: ['depends on', 'depends_on', 'dependson', 'dependencies', 'depends']
} as const

const horizons = cardKind('initiative').fields.find((f) => f.key === 'horizon')
const horizonOptions = horizons?.type === 'enum' ? horizons.options : []

/** "1-3 months", "1–3 Months", "months" → "months". */
function horizonValue(text: string): string | undefined {
  const plain = text.trim().toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ')
  if (!plain) return ''
  return horizonOptions.find((o) => o.value === plain || o.label.toLowerCase().replace(/[–—]/g, '-') === plain)?.value
}

const norm = (title: string): string => title.trim().replace(/\s+/g, ' ').toLowerCase()

export function initiativesFromCsv(text: string, board: Board, origin: { x: number; y: number }): CsvImportResult {
  const parsed = parseCsv(text)
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] }
  const [header, ...rows] = parsed.rows
  if (!header) return { ok: false, problems: ['the file is empty: expected a header row (title, team, horizon, depends on) and one row per initiative'] }
  const names = header.map(norm)
  const find = (options: readonly string[]): number => names.findIndex((n) => options.includes(n))
  const col = { title: find(columns.title), team: find(columns.team), horizon: find(columns.horizon), dependsOn: find(columns.dependsOn) }
  if (col.title < 0) {
    return { ok: false, problems: [`the header row has no “title” column (it has: ${header.map((h) => `“${h.trim()}”`).join(', ') || 'nothing'})`] }
  }
  if (rows.length === 0) return { ok: false, problems: ['the file has a header row but no initiatives under it'] }

  const problems: string[] = []
  const cell = (row: string[], i: number): string => (i >= 0 ? (row[i] ?? '').trim() : '')
  const onBoard = new Map<string, Card>()
  for (const card of board.cards) if (!onBoard.has(norm(card.title)) && !cardKind(card.kind).container) onBoard.set(norm(card.title), card)
  const fromFile = new Map<string, number>()
  const allTitles = new Set(rows.map((r) => norm(cell(r, col.title))))
  rows.forEach((row, i) => {
    const line = i + 2
    const title = cell(row, col.title)
    if (row.length > header.length && row.slice(header.length).some((f) => f.trim())) problems.push(`row ${line}: it has more fields than the header row (a comma inside a title needs quotes)`)
    if (!title) problems.push(`row ${line}: the title is empty`)
    else if (fromFile.has(norm(title))) problems.push(`row ${line}: “${title}” is already row ${(fromFile.get(norm(title)) as number) + 2}`)
    else fromFile.set(norm(title), i)
    const horizon = cell(row, col.horizon)
    if (horizonValue(horizon) === undefined) problems.push(`row ${line}: the horizon “${horizon}” is not one of ${horizonOptions.map((o) => o.label).join(', ')}`)
    for (const dep of cell(row, col.dependsOn).split(/[;\n]/).map((d) => d.trim()).filter(Boolean)) {
      if (norm(dep) === norm(title)) problems.push(`row ${line}: “${title}” cannot depend on itself`)
      else if (!allTitles.has(norm(dep)) && !onBoard.has(norm(dep))) {
        problems.push(`row ${line}: it depends on “${dep}”, which is neither a row of this file nor a card on the board`)
      }
    }
  })
  if (problems.length) return { ok: false, problems }

  // Rows become initiatives, laid out in columns by phase so the path reads left to right.
  const cards: Card[] = []
  const relations: Relation[] = []
  const cardOf = new Map<string, Card>()
  let reused = 0
  for (const row of rows) {
    const title = cell(row, col.title)
    const existing = onBoard.get(norm(title))
    if (existing?.kind === 'initiative') {
      cardOf.set(norm(title), existing)
      reused++
      continue
    }
    const card = makeCard('initiative', { x: 0, y: 0 }, title)
    const horizon = horizonValue(cell(row, col.horizon))
    if (horizon) card.fields.horizon = horizon
    cards.push(card)
    cardOf.set(norm(title), card)
  }
  const resolve = (title: string): Card => (cardOf.get(norm(title)) ?? onBoard.get(norm(title))) as Card
  const has = (from: string, to: string, kind: Relation['kind']): boolean =>
    [...board.relations, ...relations].some((r) => r.from === from && r.to === to && r.kind === kind)
  for (const row of rows) {
    const from = resolve(cell(row, col.title))
    for (const dep of cell(row, col.dependsOn).split(/[;\n]/).map((d) => d.trim()).filter(Boolean)) {
      const to = resolve(dep)
      if (!has(from.id, to.id, 'dependsOn')) relations.push({ id: newId('rel'), kind: 'dependsOn', from: from.id, to: to.id, label: '' })
    }
  }
  const dependencies = relations.length
  const teams = new Map<string, Card>()
  for (const card of board.cards) if (card.kind === 'team' && !teams.has(norm(card.title))) teams.set(norm(card.title), card)
  let newTeams = 0
  const teamCards: Card[] = []
  for (const row of rows) {
    const name = cell(row, col.team)
    if (!name) continue
    let team = teams.get(norm(name))
    if (!team) {
      team = makeCard('team', { x: 0, y: 0 }, name)
      teams.set(norm(name), team)
      teamCards.push(team)
      newTeams++
    }
    const initiative = resolve(cell(row, col.title))
    if (!has(team.id, initiative.id, 'relatesTo')) relations.push({ id: newId('rel'), kind: 'relatesTo', from: team.id, to: initiative.id, label: 'works on' })
  }

  // Phase columns: an initiative stands one column right of the latest one it depends on among the new ones.
  const column = new Map<string, number>()
  const columnOf = (card: Card, seen: Set<string> = new Set()): number => {
    const known = column.get(card.id)
    if (known !== undefined) return known
    seen.add(card.id)
    let c = 0
    for (const r of relations) {
      if (r.kind !== 'dependsOn' || r.from !== card.id || seen.has(r.to)) continue
      const to = cards.find((x) => x.id === r.to)
      if (to) c = Math.max(c, columnOf(to, seen) + 1)
    }
    column.set(card.id, c)
    return c
  }
  const rowsIn = new Map<number, number>()
  for (const card of cards) {
    const c = columnOf(card)
    const r = rowsIn.get(c) ?? 0
    rowsIn.set(c, r + 1)
    card.x = Math.round(origin.x + c * (card.width + 80))
    card.y = Math.round(origin.y + r * (card.height + 40))
  }
  const below = Math.max(0, ...[...rowsIn.values()].map((n) => n * 240))
  teamCards.forEach((team, i) => {
    team.x = Math.round(origin.x + i * (team.width + 40))
    team.y = Math.round(origin.y + below + 40)
  })

  const parts = [`${cards.length} initiative${cards.length === 1 ? '' : 's'}`]
  if (reused) parts.push(`${reused} already on the board`)
  const summary = `Imported ${parts.join(' (')}${reused ? ')' : ''}, ${dependencies} dependenc${dependencies === 1 ? 'y' : 'ies'} and ${newTeams} new team${newTeams === 1 ? '' : 's'}.`
  return { ok: true, value: { cards: [...cards, ...teamCards], relations, summary } }
}
