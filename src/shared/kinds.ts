/**
 * The registry of kinds of work (cards) and relations. Every part of Orgboard
 * (palette, canvas, inspector, schema, export, analysis) reads these declarations;
 * adding a kind means adding one entry here and one card component.
 */

export type FieldValue = string | number | boolean | string[] | ChecklistItem[]

export interface ChecklistItem {
  text: string
  done: boolean
}

interface FieldBase {
  key: string
  label: string
  /** One line shown under the title on the card, when set. */
  onCard?: boolean
}

export type FieldSpec = FieldBase &
  (
    | { type: 'text'; placeholder?: string; default: string }
    | { type: 'longtext'; placeholder?: string; default: string }
    | { type: 'enum'; options: readonly { value: string; label: string }[]; default: string }
    | { type: 'list'; default: string[] }
    | { type: 'checklist'; default: ChecklistItem[] }
    | { type: 'boolean'; default: boolean }
    | { type: 'number'; min: number; max: number; default: number }
  )

/** `unknown` is the dashed outline of a card of a kind this Orgboard does not know (UNKNOWN_KIND). */
export type CardShape = 'leaf' | 'pill' | 'hexagon' | 'brick' | 'sheet' | 'tab' | 'sticky' | 'container' | 'unknown'

export interface CardKindSpec {
  /** The kind's id, as written in board files. */
  id: string
  label: string
  /** A lucide icon name; the renderer maps it to the icon component. */
  icon: string
  /** Accent colour (light theme) and its fill. */
  color: string
  fill: string
  /**
   * The same pair for the dark theme: `color` is the accent (border, icon, kind
   * label), `fill` the card's background, both legible on a dark canvas with
   * light text. The renderer switches between the pairs with the theme.
   */
  dark: { color: string; fill: string }
  shape: CardShape
  /** What the title field is called for this kind (a garden has a name, a note has text). */
  titleLabel: string
  defaultTitle: string
  defaultSize: { width: number; height: number }
  /** Containers hold other cards (frames, gardens). */
  container: boolean
  fields: readonly FieldSpec[]
  /** One line of help shown in the palette. */
  hint: string
}

const stageOptions = [
  { value: 'seed', label: 'Seed' },
  { value: 'sprout', label: 'Sprout' },
  { value: 'sapling', label: 'Sapling' },
  { value: 'ready', label: 'Ready to graduate' }
] as const

const horizonOptions = [
  { value: 'months', label: '1–3 months' },
  { value: 'quarters', label: '1–3 quarters' },
  { value: 'longer', label: 'Longer' }
] as const

export const cardKinds = [
  {
    id: 'freightTrain',
    label: 'Freight train',
    icon: 'train-front',
    color: '#1d4ed8',
    fill: '#dbeafe',
    dark: { color: '#93c5fd', fill: '#172a54' },
    shape: 'pill',
    titleLabel: 'Title',
    defaultTitle: 'New freight train',
    defaultSize: { width: 240, height: 96 },
    container: false,
    hint: 'Heavy work with momentum that keeps running',
    fields: [
      { key: 'teams', label: 'Owning teams', type: 'text', default: '', onCard: true },
      {
        key: 'momentum',
        label: 'Momentum',
        type: 'enum',
        default: 'heavy',
        options: [
          { value: 'light', label: 'Light' },
          { value: 'heavy', label: 'Heavy' },
          { value: 'unstoppable', label: 'Unstoppable' }
        ]
      },
      { key: 'valueQuestioned', label: 'Value questioned recently', type: 'boolean', default: false },
      { key: 'outcome', label: 'What it carries (outcome)', type: 'longtext', default: '' }
    ]
  },
  {
    id: 'seedling',
    label: 'Seedling',
    icon: 'sprout',
    color: '#15803d',
    fill: '#dcfce7',
    dark: { color: '#86efac', fill: '#0f2e1c' },
    shape: 'leaf',
    titleLabel: 'Title',
    defaultTitle: 'New seedling',
    defaultSize: { width: 220, height: 96 },
    container: false,
    hint: 'A fragile early bet: when does it graduate?',
    fields: [
      { key: 'stage', label: 'Stage', type: 'enum', default: 'seed', options: stageOptions, onCard: true },
      { key: 'needs', label: 'What it needs', type: 'longtext', default: '' },
      { key: 'criteria', label: 'Graduation criteria', type: 'checklist', default: [] },
      { key: 'graduated', label: 'Graduated', type: 'boolean', default: false }
    ]
  },
  {
    id: 'garden',
    label: 'Garden',
    icon: 'flower-2',
    color: '#4d7c0f',
    fill: '#f7fee7',
    dark: { color: '#bef264', fill: '#1c2a0c' },
    shape: 'container',
    titleLabel: 'Name',
    defaultTitle: 'New garden',
    defaultSize: { width: 520, height: 320 },
    container: true,
    hint: 'Where seedlings are tended',
    fields: [
      { key: 'tendedBy', label: 'Tended by', type: 'text', default: '', onCard: true },
      { key: 'reason', label: 'Why it exists', type: 'longtext', default: '' }
    ]
  },
  {
    id: 'wall',
    label: 'Wall',
    icon: 'brick-wall',
    color: '#b91c1c',
    fill: '#fee2e2',
    dark: { color: '#fca5a5', fill: '#3b1214' },
    shape: 'brick',
    titleLabel: 'Title',
    defaultTitle: 'New wall',
    defaultSize: { width: 220, height: 88 },
    container: false,
    hint: 'A barrier that has just appeared',
    fields: [
      { key: 'appeared', label: 'When it appeared', type: 'text', default: '', onCard: true },
      { key: 'takenDownBy', label: 'Who can take it down', type: 'text', default: '' }
    ]
  },
  {
    id: 'blankPage',
    label: 'Blank page',
    icon: 'file',
    color: '#475569',
    fill: '#ffffff',
    dark: { color: '#cbd5e1', fill: '#1e2635' },
    shape: 'sheet',
    titleLabel: 'Title',
    defaultTitle: 'New blank page',
    defaultSize: { width: 220, height: 96 },
    container: false,
    hint: 'Starting over, with no prior work',
    fields: [{ key: 'replaces', label: 'What it replaces', type: 'text', default: '', onCard: true }]
  },
  {
    id: 'initiative',
    label: 'Initiative',
    icon: 'target',
    color: '#7c3aed',
    fill: '#ede9fe',
    dark: { color: '#c4b5fd', fill: '#2a1a52' },
    shape: 'tab',
    titleLabel: 'Title',
    defaultTitle: 'New initiative',
    defaultSize: { width: 300, height: 200 },
    container: false,
    hint: 'Work with drivers, constraints and floats',
    fields: [
      { key: 'drivers', label: 'Drivers', type: 'list', default: [] },
      { key: 'constraints', label: 'Constraints', type: 'list', default: [] },
      { key: 'floats', label: 'Floats', type: 'list', default: [] },
      { key: 'horizon', label: 'Horizon', type: 'enum', default: 'quarters', options: horizonOptions, onCard: true },
      { key: 'phase', label: 'Phase', type: 'text', default: '' }
    ]
  },
  {
    id: 'team',
    label: 'Team',
    icon: 'users',
    color: '#c2410c',
    fill: '#ffedd5',
    dark: { color: '#fdba74', fill: '#3a1d0c' },
    shape: 'hexagon',
    titleLabel: 'Name',
    defaultTitle: 'New team',
    defaultSize: { width: 220, height: 96 },
    container: false,
    hint: 'A team doing the work, in its context',
    fields: [
      { key: 'context', label: 'Context', type: 'text', default: '', onCard: true },
      { key: 'stage', label: 'Stage', type: 'text', default: '' },
      { key: 'funding', label: 'Funding model', type: 'text', default: '' },
      { key: 'size', label: 'Size (people)', type: 'number', min: 0, max: 100000, default: 0 }
    ]
  },
  {
    id: 'note',
    label: 'Note / question',
    icon: 'sticky-note',
    color: '#a16207',
    fill: '#fef9c3',
    dark: { color: '#fde047', fill: '#3a3012' },
    shape: 'sticky',
    titleLabel: 'Text',
    defaultTitle: 'New note',
    defaultSize: { width: 200, height: 120 },
    container: false,
    hint: 'A sticky note or a workshop prompt',
    fields: []
  },
  {
    id: 'frame',
    label: 'Frame',
    icon: 'frame',
    color: '#0f766e',
    fill: '#f0fdfa',
    dark: { color: '#5eead4', fill: '#0c2c2a' },
    shape: 'container',
    titleLabel: 'Title',
    defaultTitle: 'New frame',
    defaultSize: { width: 640, height: 400 },
    container: true,
    hint: 'A named region: a quadrant, a phase, a lane',
    fields: []
  }
] as const satisfies readonly CardKindSpec[]

export type CardKind = (typeof cardKinds)[number]['id']

/**
 * A card whose file names a kind this Orgboard does not know (a newer build, a
 * colleague's plug-in, a hand edit) is kept with this kind in memory: drawn as
 * "Unknown kind", movable and deletable, and written back with everything the
 * file said about it (see Card.preserved). It is never offered in the palette.
 */
export const UNKNOWN_KIND = 'unknown'
export type AnyCardKind = CardKind | typeof UNKNOWN_KIND

export const unknownCardKind: CardKindSpec = {
  id: UNKNOWN_KIND,
  label: 'Unknown kind',
  icon: 'circle-help',
  color: '#64748b',
  fill: '#f1f5f9',
  dark: { color: '#94a3b8', fill: '#1e2635' },
  shape: 'unknown',
  titleLabel: 'Title',
  defaultTitle: '',
  defaultSize: { width: 220, height: 96 },
  container: false,
  hint: 'A kind of card this Orgboard does not know; kept as the file had it',
  fields: []
}

const cardKindById: ReadonlyMap<string, CardKindSpec> = new Map(cardKinds.map((k) => [k.id, k]))

/** True for the kinds of the registry only (never for UNKNOWN_KIND). */
export function isCardKind(id: string): id is CardKind {
  return cardKindById.has(id)
}

/** The declaration of a kind; any id the registry does not have gets the "Unknown kind" one. */
export function cardKind(id: string): CardKindSpec {
  return cardKindById.get(id) ?? unknownCardKind
}

export function defaultFields(kind: CardKind): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {}
  for (const f of cardKind(kind).fields) fields[f.key] = structuredClone(f.default)
  return fields
}

/** Colours a facilitator can give any card (sticky-note colours), each readable on light and dark boards. */
export const cardColors = [
  { id: 'yellow', label: 'Yellow', color: '#a16207', fill: '#fef08a', dark: { color: '#fde047', fill: '#3a3000' } },
  { id: 'orange', label: 'Orange', color: '#c2410c', fill: '#fed7aa', dark: { color: '#fdba74', fill: '#3b1d08' } },
  { id: 'red', label: 'Red', color: '#b91c1c', fill: '#fecaca', dark: { color: '#fca5a5', fill: '#3b1111' } },
  { id: 'pink', label: 'Pink', color: '#be185d', fill: '#fbcfe8', dark: { color: '#f9a8d4', fill: '#3b0f27' } },
  { id: 'purple', label: 'Purple', color: '#7c3aed', fill: '#ddd6fe', dark: { color: '#c4b5fd', fill: '#2a1a52' } },
  { id: 'blue', label: 'Blue', color: '#1d4ed8', fill: '#bfdbfe', dark: { color: '#93c5fd', fill: '#0f2547' } },
  { id: 'teal', label: 'Teal', color: '#0f766e', fill: '#99f6e4', dark: { color: '#5eead4', fill: '#0b302c' } },
  { id: 'green', label: 'Green', color: '#15803d', fill: '#bbf7d0', dark: { color: '#86efac', fill: '#0f2e1c' } },
  { id: 'grey', label: 'Grey', color: '#475569', fill: '#e2e8f0', dark: { color: '#cbd5e1', fill: '#1e293b' } }
] as const

export type CardColor = (typeof cardColors)[number]['id']

export function isCardColor(id: string): id is CardColor {
  return cardColors.some((c) => c.id === id)
}

/** Accent and fill for the light theme, and their dark-theme pair. */
export type Paint = Pick<CardKindSpec, 'color' | 'fill' | 'dark'>

/** The paint a card is drawn with: its own colour if chosen, else its kind's. */
export function cardPaint(card: { kind: AnyCardKind; color?: CardColor | undefined }): Paint {
  const own = card.color ? cardColors.find((c) => c.id === card.color) : undefined
  return own ?? cardKind(card.kind)
}

export interface RelationKindSpec {
  id: string
  label: string
  /** How the line is drawn: dash pattern (empty for solid) and stroke width. */
  dash: string
  width: number
  color: string
  /** The line colour on the dark theme's canvas. */
  dark: { color: string }
}

export const relationKinds = [
  { id: 'dependsOn', label: 'depends on', dash: '', width: 2, color: '#334155', dark: { color: '#cbd5e1' } },
  { id: 'blocks', label: 'blocks', dash: '', width: 3.5, color: '#b91c1c', dark: { color: '#f87171' } },
  { id: 'drives', label: 'drives', dash: '8 4', width: 2, color: '#7c3aed', dark: { color: '#a78bfa' } },
  { id: 'constrains', label: 'constrains', dash: '2 4', width: 2, color: '#c2410c', dark: { color: '#fb923c' } },
  { id: 'graduatesInto', label: 'graduates into', dash: '12 4 2 4', width: 2.5, color: '#15803d', dark: { color: '#4ade80' } },
  { id: 'relatesTo', label: 'relates to', dash: '4 4', width: 1.5, color: '#64748b', dark: { color: '#94a3b8' } }
] as const satisfies readonly RelationKindSpec[]

export type RelationKind = (typeof relationKinds)[number]['id']

const relationKindById: ReadonlyMap<string, RelationKindSpec> = new Map(relationKinds.map((k) => [k.id, k]))

export function isRelationKind(id: string): id is RelationKind {
  return relationKindById.has(id)
}

export function relationKind(id: RelationKind): RelationKindSpec {
  const spec = relationKindById.get(id)
  if (!spec) throw new Error(`Unknown relation kind: ${id}`)
  return spec
}

/** The relation a new connection gets, from the kinds at both ends. */
export function defaultRelationKind(from: AnyCardKind, to: AnyCardKind): RelationKind {
  if (from === UNKNOWN_KIND || to === UNKNOWN_KIND) return 'relatesTo'
  if (from === 'wall') return 'blocks'
  if (from === 'seedling' && (to === 'freightTrain' || to === 'team')) return 'graduatesInto'
  if (from === 'note' || to === 'note' || from === 'team' || to === 'team') return 'relatesTo'
  return 'dependsOn'
}
