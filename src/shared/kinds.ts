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

export type CardShape = 'rounded' | 'pill' | 'hexagon' | 'brick' | 'sheet' | 'tag' | 'sticky' | 'container'

export interface CardKindSpec {
  /** The kind's id, as written in board files. */
  id: string
  label: string
  /** A lucide icon name; the renderer maps it to the icon component. */
  icon: string
  /** Accent colour (light theme) and its fill. */
  color: string
  fill: string
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
    shape: 'rounded',
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
    shape: 'rounded',
    titleLabel: 'Title',
    defaultTitle: 'New initiative',
    defaultSize: { width: 260, height: 110 },
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
  shape: 'rounded',
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

export interface RelationKindSpec {
  id: string
  label: string
  /** How the line is drawn: dash pattern (empty for solid) and stroke width. */
  dash: string
  width: number
  color: string
}

export const relationKinds = [
  { id: 'dependsOn', label: 'depends on', dash: '', width: 2, color: '#334155' },
  { id: 'blocks', label: 'blocks', dash: '', width: 3.5, color: '#b91c1c' },
  { id: 'drives', label: 'drives', dash: '8 4', width: 2, color: '#7c3aed' },
  { id: 'constrains', label: 'constrains', dash: '2 4', width: 2, color: '#c2410c' },
  { id: 'graduatesInto', label: 'graduates into', dash: '12 4 2 4', width: 2.5, color: '#15803d' },
  { id: 'relatesTo', label: 'relates to', dash: '4 4', width: 1.5, color: '#64748b' }
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
