import { z } from 'zod'
import { emptyBoard, type Board, type Card, type Relation } from '../board'
import { assignContainers } from '../edits'
import { cardKind, isCardColor, isCardKind, isRelationKind, type CardColor, type CardKind, type RelationKind } from '../kinds'
import { LIMITS, boardSchema } from '../schema'
import { produce } from 'immer'

/**
 * JSON Canvas 1.0 (jsoncanvas.org), the open format Obsidian's canvases use.
 *
 * What both formats hold travels both ways: every card's place and size, its
 * title as the node's text, frames and gardens as groups with their title as
 * the label, relations as edges with their label and direction, and the
 * sticky-note colours. What only Orgboard knows (a card's kind and fields, a
 * relation's kind, pins) rides along in an `orgboard` key on the node or edge,
 * which other tools keep or ignore; without it, a text node becomes a note, a
 * group a frame, an edge "relates to".
 */

/** Orgboard's sticky-note colours as JSON Canvas presets ("1" red … "6" purple) or hex. */
const toCanvasColor: Record<CardColor, string> = {
  red: '1',
  orange: '2',
  yellow: '3',
  green: '4',
  teal: '5',
  purple: '6',
  pink: '#be185d',
  blue: '#1d4ed8',
  grey: '#475569'
}
const fromCanvasColor = new Map<string, CardColor>(Object.entries(toCanvasColor).map(([k, v]) => [v.toLowerCase(), k as CardColor]))

type Side = 'top' | 'right' | 'bottom' | 'left'

/** The side of `a` that faces `b`, so edges leave and arrive where a reader expects. */
function facing(a: Card, b: Card): Side {
  const dx = b.x + b.width / 2 - (a.x + a.width / 2)
  const dy = b.y + b.height / 2 - (a.y + a.height / 2)
  if (Math.abs(dx) * (a.height + b.height) >= Math.abs(dy) * (a.width + b.width)) return dx >= 0 ? 'right' : 'left'
  return dy >= 0 ? 'bottom' : 'top'
}

export function boardToJsonCanvas(board: Board): string {
  const byId = new Map(board.cards.map((c) => [c.id, c]))
  // Groups first: JSON Canvas draws later nodes on top.
  const ordered = [...board.cards].sort((a, b) => Number(cardKind(b.kind).container) - Number(cardKind(a.kind).container))
  const nodes = ordered.map((card) => {
    const common = {
      id: card.id,
      x: card.x,
      y: card.y,
      width: card.width,
      height: card.height,
      ...(card.color ? { color: toCanvasColor[card.color] } : {}),
      orgboard: { kind: card.kind, fields: card.fields, ...(card.pinned ? { pinned: true } : {}) }
    }
    return cardKind(card.kind).container ? { ...common, type: 'group', label: card.title } : { ...common, type: 'text', text: card.title }
  })
  const edges = board.relations
    .filter((r) => byId.has(r.from) && byId.has(r.to))
    .map((r) => {
      const [a, b] = [byId.get(r.from) as Card, byId.get(r.to) as Card]
      return {
        id: r.id,
        fromNode: r.from,
        fromSide: facing(a, b),
        toNode: r.to,
        toSide: facing(b, a),
        toEnd: 'arrow',
        ...(r.label ? { label: r.label } : {}),
        orgboard: { kind: r.kind }
      }
    })
  return JSON.stringify({ nodes, edges }, null, 2) + '\n'
}

const finite = z.number().finite().min(-LIMITS.coordinate).max(LIMITS.coordinate)
const size = z.number().finite().min(1).max(LIMITS.maxSize)
const canvasNode = z.object({
  id: z.string().min(1).max(LIMITS.id),
  type: z.string(),
  x: finite,
  y: finite,
  width: size,
  height: size,
  color: z.string().max(20).optional(),
  text: z.string().max(LIMITS.title).optional(),
  label: z.string().max(LIMITS.title).optional(),
  file: z.string().max(LIMITS.title).optional(),
  url: z.string().max(LIMITS.title).optional(),
  orgboard: z.object({ kind: z.string(), fields: z.record(z.string(), z.unknown()).optional(), pinned: z.boolean().optional() }).optional()
})
const canvasEdge = z.object({
  id: z.string().min(1).max(LIMITS.id),
  fromNode: z.string(),
  toNode: z.string(),
  fromEnd: z.enum(['none', 'arrow']).optional(),
  toEnd: z.enum(['none', 'arrow']).optional(),
  label: z.string().max(LIMITS.title).optional(),
  orgboard: z.object({ kind: z.string() }).optional()
})
const canvasFile = z.object({
  nodes: z.array(z.unknown()).max(LIMITS.cards).optional(),
  edges: z.array(z.unknown()).max(LIMITS.relations).optional()
})

export type CanvasImport = { ok: true; board: Board; notices: string[] } | { ok: false; problem: string }

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]
  return `${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'not what JSON Canvas allows'}`
}

/** Reads `.canvas` text into a new board; bad input gets a message naming the node or edge. */
export function jsonCanvasToBoard(text: string): CanvasImport {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    return { ok: false, problem: `it is not valid JSON (${err instanceof Error ? err.message : String(err)})` }
  }
  const file = canvasFile.safeParse(raw)
  if (!file.success || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problem: 'it is not a JSON Canvas file (expected an object with "nodes" and "edges")' }
  }
  const notices: string[] = []
  const cards: Card[] = []
  const ids = new Set<string>()
  const skipped = new Map<string, number>()
  for (const [i, item] of (file.data.nodes ?? []).entries()) {
    const parsed = canvasNode.safeParse(item)
    if (!parsed.success) return { ok: false, problem: `node ${i + 1} is not valid (${issueText(parsed.error)})` }
    const node = parsed.data
    if (ids.has(node.id)) return { ok: false, problem: `node ${i + 1} repeats the id "${node.id}"` }
    const fallback: CardKind | undefined = node.type === 'group' ? 'frame' : ['text', 'file', 'link'].includes(node.type) ? 'note' : undefined
    if (!fallback) {
      skipped.set(node.type, (skipped.get(node.type) ?? 0) + 1)
      continue
    }
    const wanted = node.orgboard?.kind
    const kind: CardKind = wanted && isCardKind(wanted) && cardKind(wanted).container === (fallback === 'frame') ? wanted : fallback
    const title = node.type === 'group' ? (node.label ?? '') : node.type === 'file' ? (node.file ?? '') : node.type === 'link' ? (node.url ?? '') : (node.text ?? '')
    const color = node.color ? fromCanvasColor.get(node.color.toLowerCase()) : undefined
    ids.add(node.id)
    cards.push({
      id: node.id,
      kind,
      title,
      x: Math.round(node.x),
      y: Math.round(node.y),
      width: Math.max(LIMITS.minSize, Math.round(node.width)),
      height: Math.max(LIMITS.minSize, Math.round(node.height)),
      fields: kind === wanted ? (node.orgboard?.fields as Card['fields'] | undefined) ?? {} : {},
      ...(color && isCardColor(color) ? { color } : {}),
      ...(node.orgboard?.pinned ? { pinned: true } : {})
    })
  }
  for (const [type, count] of skipped) notices.push(`Left out ${count} “${type}” node${count === 1 ? '' : 's'}: Orgboard has no card for them.`)

  const relations: Relation[] = []
  const relationIds = new Set<string>()
  let dangling = 0
  for (const [i, item] of (file.data.edges ?? []).entries()) {
    const parsed = canvasEdge.safeParse(item)
    if (!parsed.success) return { ok: false, problem: `edge ${i + 1} is not valid (${issueText(parsed.error)})` }
    const edge = parsed.data
    if (!ids.has(edge.fromNode) || !ids.has(edge.toNode) || edge.fromNode === edge.toNode) {
      dangling++
      continue
    }
    if (relationIds.has(edge.id)) return { ok: false, problem: `edge ${i + 1} repeats the id "${edge.id}"` }
    relationIds.add(edge.id)
    // The arrowhead marks `to`; an edge drawn with its arrow at the start reads the other way round.
    const reversed = (edge.fromEnd ?? 'none') === 'arrow' && (edge.toEnd ?? 'arrow') === 'none'
    const wanted = edge.orgboard?.kind
    const kind: RelationKind = wanted && isRelationKind(wanted) ? wanted : 'relatesTo'
    relations.push({
      id: edge.id,
      kind,
      from: reversed ? edge.toNode : edge.fromNode,
      to: reversed ? edge.fromNode : edge.toNode,
      label: edge.label ?? ''
    })
  }
  if (dangling) notices.push(`Left out ${dangling} edge${dangling === 1 ? '' : 's'} that did not join two cards.`)

  // Groups come first so the cards inside them stay clickable; then membership by where cards sit.
  cards.sort((a, b) => Number(cardKind(b.kind).container) - Number(cardKind(a.kind).container))
  const board = produce({ ...emptyBoard(), cards, relations }, (draft) => assignContainers(draft, draft.cards.map((c) => c.id)))
  const valid = boardSchema.safeParse(board)
  if (!valid.success) return { ok: false, problem: `it does not make a valid board (${issueText(valid.error)})` }
  return { ok: true, board: valid.data, notices }
}
