import type { Card } from './board'
import { cardKind, type FieldSpec, type FieldValue } from './kinds'

/** One field as the short text shown on a card ("Sapling", "3 drivers", "Routing Core"); empty when unset. */
export function fieldSummary(spec: FieldSpec, value: FieldValue | undefined): string {
  if (value === undefined || value === '' || value === 0) return ''
  if (spec.type === 'enum') return spec.options.find((o) => o.value === value)?.label ?? String(value)
  if (Array.isArray(value)) return value.length ? `${value.length} ${spec.label.toLowerCase()}` : ''
  return typeof value === 'boolean' ? (value ? spec.label : '') : String(value)
}

/** The line under a card's title: its kind's on-card fields, joined. The canvas and exports both show it. */
export function cardSummary(card: Card): string {
  return cardKind(card.kind)
    .fields.filter((f) => f.onCard)
    .map((f) => fieldSummary(f, card.fields[f.key]))
    .filter(Boolean)
    .join(' · ')
}
