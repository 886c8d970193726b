import type { Card } from './board'
import { cardKind, UNKNOWN_KIND, type FieldSpec, type FieldValue } from './kinds'

/** One field as the short text shown on a card ("Sapling", "3 drivers", "Routing Core"); empty when unset. */
export function fieldSummary(spec: FieldSpec, value: FieldValue | undefined): string {
  if (value === undefined || value === '' || value === 0) return ''
  if (spec.type === 'enum') return spec.options.find((o) => o.value === value)?.label ?? String(value)
  if (Array.isArray(value)) return value.length ? `${value.length} ${spec.label.toLowerCase()}` : ''
  return typeof value === 'boolean' ? (value ? spec.label : '') : String(value)
}

/** The kind a card of an unknown kind had in its file, as the file named it. */
export function preservedKind(card: Card): string {
  const kind = card.preserved?.kind
  return typeof kind === 'string' && kind ? kind : 'no kind'
}

/**
 * The line under a card's title: its kind's on-card fields, joined; for a card of
 * a kind this Orgboard does not know, the kind its file named. The canvas and exports both show it.
 */
export function cardSummary(card: Card): string {
  if (card.kind === UNKNOWN_KIND) return `Kind in the file: ${preservedKind(card)}`
  return cardKind(card.kind)
    .fields.filter((f) => f.onCard)
    .map((f) => fieldSummary(f, card.fields[f.key]))
    .filter(Boolean)
    .join(' · ')
}
