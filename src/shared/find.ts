import type { Board, Card } from './board'
import { cardKind, type AnyCardKind, type CardKind, type FieldSpec, type FieldValue } from './kinds'

/** One card that matches a search, and where. */
export interface FindResult {
  cardId: string
  kind: AnyCardKind
  title: string
  /** What matched: the kind's title label ("Title", "Name", "Text") or a field's label. */
  field: string
  /** The matching text, cut around the match when it is long. */
  snippet: string
}

/** Lower case, without accents, so "cafe" finds "Café". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The searchable texts of one field value: strings, list items, checklist items, the label of an enum option. */
function fieldTexts(spec: FieldSpec, value: FieldValue | undefined): string[] {
  if (value === undefined) return []
  if (spec.type === 'enum') return [spec.options.find((o) => o.value === value)?.label ?? String(value)]
  if (spec.type === 'list' && Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  if (spec.type === 'checklist' && Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : v.text))
  return typeof value === 'string' ? [value] : []
}

const SNIPPET = 60

function snippetAround(text: string, at: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  if (oneLine.length <= SNIPPET) return oneLine
  const start = Math.max(0, Math.min(at - 20, oneLine.length - SNIPPET))
  return `${start > 0 ? '…' : ''}${oneLine.slice(start, start + SNIPPET).trim()}${start + SNIPPET < oneLine.length ? '…' : ''}`
}

function matchCard(card: Card, needle: string): { field: string; snippet: string } | null {
  const spec = cardKind(card.kind)
  const candidates: { field: string; text: string }[] = [{ field: spec.titleLabel, text: card.title }]
  for (const f of spec.fields) for (const text of fieldTexts(f, card.fields[f.key])) candidates.push({ field: f.label, text })
  for (const { field, text } of candidates) {
    const at = foldText(text).indexOf(needle)
    if (at >= 0) return { field, snippet: snippetAround(text, at) }
  }
  return null
}

/**
 * Cards whose title or text fields contain `query` (case and accents ignored),
 * optionally only of one kind; an empty query with a kind lists every card of
 * that kind. Results come in reading order: top to bottom, then left to right.
 */
export function findCards(board: Board, query: string, kind: CardKind | null = null): FindResult[] {
  const needle = foldText(query.trim())
  if (!needle && !kind) return []
  const results: (FindResult & { x: number; y: number })[] = []
  for (const card of board.cards) {
    if (kind && card.kind !== kind) continue
    const match = needle ? matchCard(card, needle) : { field: cardKind(card.kind).titleLabel, snippet: card.title }
    if (match) results.push({ cardId: card.id, kind: card.kind, title: card.title, ...match, x: card.x, y: card.y })
  }
  results.sort((a, b) => a.y - b.y || a.x - b.x)
  return results.map(({ x: _x, y: _y, ...result }) => result)
}
