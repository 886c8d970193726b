import { z } from 'zod'
import { BOARD_FORMAT, BOARD_VERSION, FACILITATION_LIMITS, type Board } from './board'
import { isPlainJson } from './jsonSafety'
import { cardColors, cardKind, cardKinds, isCardKind, UNKNOWN_KIND, type FieldSpec } from './kinds'

/** Limits that keep a hostile or corrupt file from freezing the canvas. */
export const LIMITS = {
  coordinate: 1_000_000,
  minSize: 8,
  maxSize: 100_000,
  title: 10_000,
  id: 200,
  cards: 50_000,
  relations: 100_000,
  /** Items in one list or checklist field. */
  listItems: 1000,
  /** The largest board file Orgboard opens or writes, in bytes. */
  fileBytes: 50 * 1024 * 1024,
  /**
   * Nesting of objects and arrays in a board file. A board needs 6 levels; beyond
   * this a file is refused before parsing, so nothing recursive can overflow the stack.
   */
  depth: 64
} as const

const finite = (max: number) => z.number().finite().min(-max).max(max)
const id = z.string().min(1).max(LIMITS.id)
const text = z.string().max(LIMITS.title)

// Strict: fields are checked, not rebuilt, so an extra key here would otherwise reach the file.
const checklistItem = z.strictObject({ text, done: z.boolean() })

const fieldSchemas = new WeakMap<FieldSpec, z.ZodType>()

/** What one field of a kind may hold, from its declaration (built once per declaration). */
export function fieldSchema(spec: FieldSpec): z.ZodType {
  let schema = fieldSchemas.get(spec)
  if (!schema) fieldSchemas.set(spec, (schema = buildFieldSchema(spec)))
  return schema
}

function buildFieldSchema(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case 'text':
    case 'longtext':
      return text
    case 'enum':
      return z.enum(spec.options.map((o) => o.value) as [string, ...string[]])
    case 'list':
      return z.array(text).max(LIMITS.listItems)
    case 'checklist':
      return z.array(checklistItem).max(LIMITS.listItems)
    case 'boolean':
      return z.boolean()
    case 'number':
      return z.number().finite().min(spec.min).max(spec.max)
  }
}

/** Each kind's fields are checked against its declaration; fields a kind does not declare are refused. */
const fieldsByKind = new Map(
  cardKinds.map((k) => [
    k.id,
    z.strictObject(Object.fromEntries(k.fields.map((f: FieldSpec) => [f.key, fieldSchema(f).optional()])))
  ])
)

/** What an unknown-kind card carries for the file: plain JSON only, bounded depth. */
const preserved = z.custom<Record<string, unknown>>(
  (value) => isPlainJson(value, LIMITS.depth) && typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'must be plain JSON data' }
)

/** One card as the file format allows it; also checks pasted cards (clipboard.ts). */
export const cardSchema = z
  .object({
    id,
    kind: z.string().refine((k) => isCardKind(k) || k === UNKNOWN_KIND, { message: 'is not a kind of card Orgboard knows' }),
    title: text,
    x: finite(LIMITS.coordinate),
    y: finite(LIMITS.coordinate),
    width: z.number().finite().min(LIMITS.minSize).max(LIMITS.maxSize),
    height: z.number().finite().min(LIMITS.minSize).max(LIMITS.maxSize),
    fields: z.record(z.string(), z.unknown()),
    color: z.enum(cardColors.map((c) => c.id) as [string, ...string[]]).optional(),
    container: id.optional(),
    pinned: z.boolean().optional(),
    preserved: preserved.optional()
  })
  .superRefine((card, ctx) => {
    if (card.kind === UNKNOWN_KIND) {
      if (!card.preserved) ctx.addIssue({ code: 'custom', message: 'a card of an unknown kind must keep what the file said', path: ['preserved'] })
      if (Object.keys(card.fields).length > 0) ctx.addIssue({ code: 'custom', message: 'a card of an unknown kind has no fields of its own', path: ['fields'] })
      return
    }
    if (card.preserved !== undefined) ctx.addIssue({ code: 'custom', message: 'only a card of an unknown kind keeps file data', path: ['preserved'] })
    const schema = fieldsByKind.get(card.kind)
    if (!schema) return
    const result = schema.safeParse(card.fields)
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['fields', ...issue.path] })
      }
    }
  })

/** One relation, without the check that its ends exist (the board or fragment schema does that). */
export const relationSchema = z.object({
  id,
  kind: z.enum(['dependsOn', 'blocks', 'drives', 'constrains', 'graduatesInto', 'relatesTo']),
  from: id,
  to: id,
  label: text
})

const cardKindId = z.string().refine(isCardKind, { message: 'is not a kind of card Orgboard knows' })

const votingSchema = z
  .object({
    votesPerPerson: z.number().int().min(1).max(FACILITATION_LIMITS.votesPerPerson),
    kinds: z.array(cardKindId).min(1).max(cardKinds.length),
    status: z.enum(['open', 'revealed']),
    ballots: z
      .array(z.object({ voter: z.string().max(FACILITATION_LIMITS.name), cards: z.array(id).max(FACILITATION_LIMITS.votesPerPerson) }))
      .max(FACILITATION_LIMITS.ballots)
  })
  .superRefine((voting, ctx) => {
    voting.ballots.forEach((ballot, i) => {
      if (ballot.cards.length > voting.votesPerPerson)
        ctx.addIssue({ code: 'custom', message: `casts ${ballot.cards.length} votes, more than the ${voting.votesPerPerson} each person has`, path: ['ballots', i, 'cards'] })
    })
  })

const checkpointSchema = z
  .object({
    id,
    name: z.string().min(1).max(FACILITATION_LIMITS.name),
    time: z.iso.datetime(),
    cards: z.array(cardSchema).max(LIMITS.cards),
    relations: z.array(relationSchema).max(LIMITS.relations)
  })
  .superRefine((checkpoint, ctx) => {
    const seen = new Set<string>()
    checkpoint.cards.forEach((card, i) => {
      if (seen.has(card.id)) ctx.addIssue({ code: 'custom', message: `duplicate card id "${card.id}"`, path: ['cards', i, 'id'] })
      seen.add(card.id)
    })
  })

/** A chain of containers that leads back to where it started, if there is one. */
function containerCycle(cards: readonly { id: string; container?: string | undefined }[]): string[] | undefined {
  const parent = new Map(cards.map((c) => [c.id, c.container]))
  for (const card of cards) {
    const seen: string[] = []
    let at: string | undefined = card.id
    while (at !== undefined) {
      if (seen.includes(at)) return [...seen.slice(seen.indexOf(at)), at]
      seen.push(at)
      at = parent.get(at)
    }
  }
  return undefined
}

export const boardSchema = z
  .object({
    format: z.literal(BOARD_FORMAT),
    version: z.literal(BOARD_VERSION),
    viewport: z.object({
      x: finite(LIMITS.coordinate * 10),
      y: finite(LIMITS.coordinate * 10),
      zoom: z.number().finite().min(0.01).max(100)
    }),
    cards: z.array(cardSchema).max(LIMITS.cards),
    relations: z.array(relationSchema).max(LIMITS.relations),
    voting: votingSchema.optional(),
    checkpoints: z.array(checkpointSchema).max(FACILITATION_LIMITS.checkpoints).optional()
  })
  .superRefine((board, ctx) => {
    const seen = new Set<string>()
    board.cards.forEach((card, i) => {
      if (seen.has(card.id)) ctx.addIssue({ code: 'custom', message: `duplicate card id "${card.id}"`, path: ['cards', i, 'id'] })
      seen.add(card.id)
    })
    const kinds = new Map(board.cards.map((c) => [c.id, c.kind]))
    board.cards.forEach((card, i) => {
      if (card.container === undefined) return
      const kind = kinds.get(card.container)
      if (!kind || !cardKind(kind).container)
        ctx.addIssue({ code: 'custom', message: `names "${card.container}" as its container, which is not a frame or garden on the board`, path: ['cards', i, 'container'] })
    })
    const cycle = containerCycle(board.cards)
    if (cycle) ctx.addIssue({ code: 'custom', message: `frames contain each other in a circle (${cycle.join(' → ')})`, path: ['cards'] })
    const relationIds = new Set<string>()
    board.relations.forEach((rel, i) => {
      if (relationIds.has(rel.id))
        ctx.addIssue({ code: 'custom', message: `duplicate relation id "${rel.id}"`, path: ['relations', i, 'id'] })
      relationIds.add(rel.id)
      for (const end of ['from', 'to'] as const) {
        if (!seen.has(rel[end]))
          ctx.addIssue({ code: 'custom', message: `points to card "${rel[end]}", which is not on the board`, path: ['relations', i, end] })
      }
    })
    const checkpointIds = new Set<string>()
    board.checkpoints?.forEach((checkpoint, i) => {
      if (checkpointIds.has(checkpoint.id))
        ctx.addIssue({ code: 'custom', message: `duplicate checkpoint id "${checkpoint.id}"`, path: ['checkpoints', i, 'id'] })
      checkpointIds.add(checkpoint.id)
    })
  }) as unknown as z.ZodType<Board>
// The cast: zod infers `kind: string` and `fields: Record<string, unknown>`; the refinements above narrow both.
