import { BOARD_FORMAT, BOARD_VERSION, type Board, type Card, type JsonValue, type Relation, type Viewport } from './board'
import { formatPath, isPlainJson, type JsonPath } from './jsonSafety'
import { cardKind, isCardColor, isCardKind, isRelationKind, UNKNOWN_KIND, type ChecklistItem, type FieldSpec, type FieldValue } from './kinds'
import { fieldSchema, LIMITS } from './schema'

/**
 * The last step of loading: from a parsed, migrated document (untrusted: any
 * JSON) to a board the editor can hold, fixing what can be fixed and saying
 * what was fixed. Like Excalidraw's restore: a colleague's slightly broken file
 * opens with a readable list of repairs instead of not opening at all. Only
 * what cannot be a board at all is refused (see RepairResult).
 *
 * Nothing here throws on any input. The cards, relations and view of the result
 * always pass boardSchema; the dot-voting round and checkpoints are passed on
 * as read, for the schema to check (the loader refuses them if they do not fit).
 */

export type RepairResult = { ok: true; board: Board; warnings: string[] } | { ok: false; problem: string; where?: string }

type Category =
  | 'forbiddenKey'
  | 'notAnItem'
  | 'missingId'
  | 'duplicateCardId'
  | 'duplicateRelationId'
  | 'missingValue'
  | 'badNumber'
  | 'unknownKind'
  | 'unknownRelationKind'
  | 'danglingRelation'
  | 'longText'
  | 'badField'
  | 'unknownField'
  | 'badColor'
  | 'badPinned'
  | 'badContainer'
  | 'ignoredKey'

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** Each kind of repair as one readable line; `n` repairs, at the places listed after it. */
const describe: Record<Category, (n: number) => string> = {
  forbiddenKey: (n) => `Removed ${plural(n, 'key')} named __proto__, constructor or prototype, which a board never has`,
  notAnItem: (n) => `Removed ${plural(n, 'entry', 'entries')} of the card or relation lists that were not cards or relations`,
  missingId: (n) => `Gave ${plural(n, 'item')} without a usable id a new one`,
  duplicateCardId: (n) => `Gave ${plural(n, 'card')} a new id, because an earlier card had the same one (relations keep pointing to the earlier card)`,
  duplicateRelationId: (n) => `Gave ${plural(n, 'relation')} a new id, because an earlier relation had the same one`,
  missingValue: (n) => `Filled in ${plural(n, 'missing value')} with defaults`,
  badNumber: (n) => `Reset ${plural(n, 'position or size', 'positions or sizes')} that were not usable numbers (not a number, infinite, or far off the board)`,
  unknownKind: (n) => `Kept ${plural(n, 'card')} of a kind this Orgboard does not know; shown as "Unknown kind" and saved back unchanged`,
  unknownRelationKind: (n) => `Removed ${plural(n, 'relation')} of a kind this Orgboard does not know`,
  danglingRelation: (n) => `Removed ${plural(n, 'relation')} pointing to a card that is not on the board`,
  longText: (n) => `Shortened ${plural(n, 'text')} longer than ${LIMITS.title.toLocaleString('en-US')} characters (or lists longer than ${LIMITS.listItems} items)`,
  badField: (n) => `Removed ${plural(n, 'field value')} that did not fit the card's kind (the defaults show instead)`,
  unknownField: (n) => `Removed ${plural(n, 'field')} the card's kind does not have`,
  badColor: (n) => `Removed ${plural(n, 'colour')} Orgboard does not have (the kind's colour shows instead)`,
  badPinned: (n) => `Unpinned ${plural(n, 'card')} whose "pinned" was neither true nor false`,
  badContainer: (n) =>
    `Took ${plural(n, 'card')} out of a frame or garden that is not on the board (or that would contain itself); they stay where they are`,
  ignoredKey: (n) => `Ignored ${plural(n, 'property', 'properties')} that Orgboard does not know`
}

const order = Object.keys(describe) as Category[]
const SHOWN_PLACES = 3

/** Collects repairs by kind, so the facilitator reads one line per kind, not one per card. */
class Warnings {
  private readonly places = new Map<Category, string[]>()

  add(category: Category, place: string): void {
    const list = this.places.get(category) ?? []
    list.push(place)
    this.places.set(category, list)
  }

  list(): string[] {
    return order.flatMap((category) => {
      const places = this.places.get(category)
      if (!places) return []
      const shown = places.slice(0, SHOWN_PLACES).join('; ')
      const more = places.length > SHOWN_PLACES ? `; and ${places.length - SHOWN_PLACES} more` : ''
      return [`${describe[category](places.length)}: ${shown}${more}.`]
    })
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const short = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** A card as a person finds it: by its title where it has one. */
function cardPlace(index: number, raw: Record<string, unknown>): string {
  const title = typeof raw.title === 'string' ? raw.title.trim() : ''
  return title ? `card "${short(title)}"` : `cards[${index}]`
}

function repairText(value: unknown, place: string, warnings: Warnings): string {
  if (value === undefined || value === null) {
    warnings.add('missingValue', place)
    return ''
  }
  if (typeof value !== 'string') {
    warnings.add('missingValue', place)
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : ''
  }
  if (value.length > LIMITS.title) {
    warnings.add('longText', place)
    return value.slice(0, LIMITS.title)
  }
  return value
}

function repairCoordinate(value: unknown, fallback: number, place: string, warnings: Warnings): number {
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LIMITS.coordinate) return value
  warnings.add(value === undefined ? 'missingValue' : 'badNumber', place)
  return fallback
}

function repairSize(value: unknown, fallback: number, place: string, warnings: Warnings): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= LIMITS.minSize && value <= LIMITS.maxSize) return value
  warnings.add(value === undefined ? 'missingValue' : 'badNumber', place)
  // A size just out of range keeps its look; NaN, infinity and nonsense get the kind's default.
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < LIMITS.maxSize * 10) {
    return Math.min(LIMITS.maxSize, Math.max(LIMITS.minSize, value))
  }
  return fallback
}

function repairList(value: unknown[], place: string, warnings: Warnings): string[] | undefined {
  const items = value.filter((item): item is string => typeof item === 'string')
  if (items.length !== value.length) warnings.add('badField', place)
  const long = items.length > LIMITS.listItems || items.some((item) => item.length > LIMITS.title)
  if (long) warnings.add('longText', place)
  return items.slice(0, LIMITS.listItems).map((item) => item.slice(0, LIMITS.title))
}

function repairChecklist(value: unknown[], place: string, warnings: Warnings): ChecklistItem[] {
  const items: ChecklistItem[] = []
  let dropped = false
  let extra = false
  let long = value.length > LIMITS.listItems
  for (const item of value.slice(0, LIMITS.listItems)) {
    if (!isRecord(item) || typeof item.text !== 'string') {
      dropped = true
      continue
    }
    if (item.text.length > LIMITS.title) long = true
    if (typeof item.done !== 'boolean') dropped = true
    if (Object.keys(item).some((k) => k !== 'text' && k !== 'done')) extra = true
    items.push({ text: item.text.slice(0, LIMITS.title), done: item.done === true })
  }
  if (extra) warnings.add('ignoredKey', place)
  if (dropped) warnings.add('badField', place)
  if (long) warnings.add('longText', place)
  return items
}

/** One declared field: kept if it fits, shortened if too long, dropped (so the default shows) otherwise. */
function repairField(spec: FieldSpec, value: unknown, place: string, warnings: Warnings): FieldValue | undefined {
  // Lists are rebuilt item by item, so nothing but their declared shape reaches the board.
  if (spec.type === 'list' && Array.isArray(value)) return repairList(value, place, warnings)
  if (spec.type === 'checklist' && Array.isArray(value)) return repairChecklist(value, place, warnings)
  if (fieldSchema(spec).safeParse(value).success) return value as FieldValue
  if ((spec.type === 'text' || spec.type === 'longtext') && typeof value === 'string') {
    warnings.add('longText', place)
    return value.slice(0, LIMITS.title)
  }
  warnings.add('badField', place)
  return undefined
}

function repairFields(kind: string, raw: unknown, place: string, warnings: Warnings): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {}
  if (raw === undefined) {
    warnings.add('missingValue', `${place}, its fields`)
    return fields
  }
  if (!isRecord(raw)) {
    warnings.add('badField', `${place}, its fields`)
    return fields
  }
  const specs = new Map(cardKind(kind).fields.map((f) => [f.key, f]))
  for (const [key, value] of Object.entries(raw)) {
    const spec = specs.get(key)
    if (!spec) {
      warnings.add('unknownField', `${place}, field "${short(key, 30)}"`)
      continue
    }
    const repaired = repairField(spec, value, `${place}, field "${key}"`, warnings)
    if (repaired !== undefined) fields[key] = repaired
  }
  return fields
}

/** The keys every card has, whatever its kind; an unknown kind's card preserves the rest (colour and frame when usable here). */
const commonCardKeys = new Set(['id', 'title', 'x', 'y', 'width', 'height'])
const knownCardKeys = new Set([...commonCardKeys, 'kind', 'fields', 'color', 'container', 'pinned'])
const relationKeys = new Set(['id', 'kind', 'from', 'to', 'label'])

class Ids {
  private readonly used = new Set<string>()
  private counter = 0

  constructor(private readonly prefix: string) {}

  has(id: string): boolean {
    return this.used.has(id)
  }

  claim(id: string): void {
    this.used.add(id)
  }

  /** A new id, unused in this board: `card-repaired-1`, ... */
  fresh(): string {
    let id: string
    do id = `${this.prefix}-repaired-${++this.counter}`
    while (this.used.has(id))
    this.used.add(id)
    return id
  }
}

const usableId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= LIMITS.id

/** Ids first (two passes), so a card that repeats an earlier id never steals it from that card. */
function assignIds(raws: readonly Record<string, unknown>[], ids: Ids, places: readonly string[], duplicate: Category, warnings: Warnings): string[] {
  const result = raws.map((raw) => {
    const id = raw.id
    if (!usableId(id) || ids.has(id)) return null
    ids.claim(id)
    return id
  })
  return result.map((id, i) => {
    if (id !== null) return id
    const raw = raws[i]?.id
    warnings.add(usableId(raw) ? duplicate : 'missingId', places[i] ?? `[${i}]`)
    return ids.fresh()
  })
}

function noteIgnoredKeys(raw: Record<string, unknown>, known: ReadonlySet<string>, place: string, warnings: Warnings): void {
  for (const key of Object.keys(raw)) if (!known.has(key)) warnings.add('ignoredKey', `${place}, "${short(key, 30)}"`)
}

/** A card, and the frame it names (checked once every card is known; see repairContainers). */
interface RepairedCard {
  card: Card
  container?: string
}

function repairCard(raw: Record<string, unknown>, id: string, place: string, warnings: Warnings): RepairedCard {
  const kind = typeof raw.kind === 'string' && isCardKind(raw.kind) ? raw.kind : UNKNOWN_KIND
  const spec = cardKind(kind)
  const card: Card = {
    id,
    kind,
    title: repairText(raw.title, `${place}, its title`, warnings),
    x: repairCoordinate(raw.x, 0, `${place}, x`, warnings),
    y: repairCoordinate(raw.y, 0, `${place}, y`, warnings),
    width: repairSize(raw.width, spec.defaultSize.width, `${place}, width`, warnings),
    height: repairSize(raw.height, spec.defaultSize.height, `${place}, height`, warnings),
    fields: {}
  }
  const color = typeof raw.color === 'string' && isCardColor(raw.color) ? raw.color : undefined
  if (color) card.color = color
  const container = usableId(raw.container) ? raw.container : undefined
  if (kind === UNKNOWN_KIND) {
    const preserved: Record<string, JsonValue> = {}
    for (const [key, value] of Object.entries(raw)) {
      if (commonCardKeys.has(key) || (key === 'color' && color) || (key === 'container' && container)) continue
      // JSON text can only produce JSON values, except numbers like 1e999 that parse as Infinity.
      preserved[key] = isPlainJson(value, LIMITS.depth) ? value : null
    }
    card.preserved = preserved
    const named = typeof raw.kind === 'string' ? `"${short(raw.kind, 30)}"` : 'no kind'
    warnings.add('unknownKind', `${place} (${named})`)
  } else {
    card.fields = repairFields(kind, raw.fields, place, warnings)
    if (raw.color !== undefined && !color) warnings.add('badColor', place)
    if (raw.pinned === true) card.pinned = true
    else if (raw.pinned !== undefined && raw.pinned !== false) warnings.add('badPinned', place)
    if (raw.container !== undefined && !container) warnings.add('badContainer', place)
    noteIgnoredKeys(raw, knownCardKeys, place, warnings)
  }
  return container === undefined ? { card } : { card, container }
}

/**
 * Puts each card in the frame or garden it names, if that is a frame or garden on
 * the board and no chain of frames leads back to the card. Linear, so a hostile
 * chain of thousands of frames costs no more than the cards themselves.
 */
function repairContainers(repaired: readonly RepairedCard[], places: readonly string[], warnings: Warnings): void {
  const byId = new Map(repaired.map((r) => [r.card.id, r]))
  const refuse = (r: RepairedCard, place: string): void => {
    // An unknown kind's card keeps what it named for the file; a known kind's card leaves the frame, with a warning.
    if (r.card.preserved && r.container !== undefined) r.card.preserved.container = r.container
    else warnings.add('badContainer', place)
    delete r.container
  }
  repaired.forEach((r, i) => {
    if (r.container === undefined) return
    const parent = byId.get(r.container)
    if (!parent || !cardKind(parent.card.kind).container) refuse(r, places[i] ?? `cards[${i}]`)
  })
  const indexOf = new Map(repaired.map((r, i) => [r.card.id, i]))
  // Absent: not seen yet; 1: on the chain being walked; 2: done (its chain ends on the open board).
  const state = new Map<string, 1 | 2>()
  for (const start of repaired) {
    const chain: string[] = []
    let at: string | undefined = start.card.id
    while (at !== undefined && !state.has(at)) {
      state.set(at, 1)
      chain.push(at)
      at = byId.get(at)?.container
    }
    // The walk came back to a card on this chain: the last card walked closes the circle, so it leaves its frame.
    if (at !== undefined && state.get(at) === 1) {
      const last = chain[chain.length - 1] as string
      const i = indexOf.get(last) as number
      refuse(repaired[i] as RepairedCard, places[i] ?? `cards[${i}]`)
    }
    for (const id of chain) state.set(id, 2)
  }
  for (const r of repaired) if (r.container !== undefined) r.card.container = r.container
}

function repairViewport(raw: unknown, warnings: Warnings): Viewport {
  const fallback: Viewport = { x: 0, y: 0, zoom: 1 }
  if (raw === undefined) {
    warnings.add('missingValue', 'the view')
    return fallback
  }
  if (!isRecord(raw)) {
    warnings.add('badNumber', 'the view')
    return fallback
  }
  const far = LIMITS.coordinate * 10
  const coordinate = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= far ? v : null)
  const zoom = typeof raw.zoom === 'number' && Number.isFinite(raw.zoom) && raw.zoom >= 0.01 && raw.zoom <= 100 ? raw.zoom : null
  const x = coordinate(raw.x)
  const y = coordinate(raw.y)
  if (x === null || y === null || zoom === null) {
    warnings.add('badNumber', 'the view')
    return fallback
  }
  return { x, y, zoom }
}

function list(doc: Record<string, unknown>, key: 'cards' | 'relations', max: number, warnings: Warnings): unknown[] | { problem: string; where: string } {
  const value = doc[key]
  if (value === undefined) {
    warnings.add('missingValue', `the ${key} list`)
    return []
  }
  if (!Array.isArray(value)) return { problem: `its "${key}" is not a list`, where: key }
  if (value.length > max) {
    return {
      problem: `it has ${value.length.toLocaleString('en-US')} ${key}; Orgboard opens boards of up to ${max.toLocaleString('en-US')}`,
      where: key
    }
  }
  return value
}

const topLevelKeys = new Set(['format', 'version', 'viewport', 'cards', 'relations', 'voting', 'checkpoints'])

/**
 * Repairs a migrated document into a board. `removedKeys` are the forbidden keys
 * the loader already deleted, reported here with the other repairs.
 */
export function repairBoard(doc: Record<string, unknown>, removedKeys: readonly JsonPath[] = []): RepairResult {
  const warnings = new Warnings()
  for (const path of removedKeys) warnings.add('forbiddenKey', formatPath(path))

  const rawCards = list(doc, 'cards', LIMITS.cards, warnings)
  if (!Array.isArray(rawCards)) return { ok: false, ...rawCards }
  const rawRelations = list(doc, 'relations', LIMITS.relations, warnings)
  if (!Array.isArray(rawRelations)) return { ok: false, ...rawRelations }

  const cardEntries = rawCards.flatMap((raw, index) => {
    if (isRecord(raw)) return [{ raw, index }]
    warnings.add('notAnItem', `cards[${index}]`)
    return []
  })
  const cardPlaces = cardEntries.map(({ raw, index }) => cardPlace(index, raw))
  const cardIds = assignIds(
    cardEntries.map((e) => e.raw),
    new Ids('card'),
    cardPlaces,
    'duplicateCardId',
    warnings
  )
  const repairedCards = cardEntries.map(({ raw }, i) => repairCard(raw, cardIds[i] as string, cardPlaces[i] as string, warnings))
  repairContainers(repairedCards, cardPlaces, warnings)
  const cards = repairedCards.map((r) => r.card)
  const onBoard = new Set(cards.map((c) => c.id))

  const relationEntries = rawRelations.flatMap((raw, index) => {
    if (!isRecord(raw)) {
      warnings.add('notAnItem', `relations[${index}]`)
      return []
    }
    const place = `relations[${index}]`
    if (typeof raw.kind !== 'string' || !isRelationKind(raw.kind)) {
      warnings.add('unknownRelationKind', `${place}${typeof raw.kind === 'string' ? ` ("${short(raw.kind, 30)}")` : ''}`)
      return []
    }
    if (typeof raw.from !== 'string' || typeof raw.to !== 'string' || !onBoard.has(raw.from) || !onBoard.has(raw.to)) {
      warnings.add('danglingRelation', place)
      return []
    }
    return [{ raw, kind: raw.kind, from: raw.from, to: raw.to, place }]
  })
  const relationIds = assignIds(
    relationEntries.map((e) => e.raw),
    new Ids('rel'),
    relationEntries.map((e) => e.place),
    'duplicateRelationId',
    warnings
  )
  const relations: Relation[] = relationEntries.map(({ raw, kind, from, to, place }, i) => {
    noteIgnoredKeys(raw, relationKeys, place, warnings)
    return { id: relationIds[i] as string, kind, from, to, label: repairText(raw.label, `${place}, its label`, warnings) }
  })

  for (const key of Object.keys(doc)) {
    if (!topLevelKeys.has(key)) warnings.add('ignoredKey', `"${short(key, 30)}" at the top level`)
  }

  const board: Board = {
    format: BOARD_FORMAT,
    version: BOARD_VERSION,
    viewport: repairViewport(doc.viewport, warnings),
    cards,
    relations
  }
  // Checked, not repaired: the schema refuses a voting round or checkpoint that does not fit, naming where.
  if (doc.voting !== undefined) board.voting = doc.voting as Board['voting']
  if (doc.checkpoints !== undefined) board.checkpoints = doc.checkpoints as Board['checkpoints']
  return { ok: true, board, warnings: warnings.list() }
}
