import type { Board, Card, Relation } from '../board'
import type { Rect } from '../geometry'
import { cardKind } from '../kinds'
import { columnLayout } from './columns'
import { essentialEdges } from './reduce'

/**
 * Auto-layout: a layered drawing, left to right along dependencies, made by ELK
 * (elkjs). Frames and gardens are laid out from the inside out: first their
 * cards, then the container as one box (sized to fit them) among its
 * neighbours, with relations that cross its border counted as the container's.
 * (ELK can lay out the nesting in one pass, but that is far too slow for a
 * 2,000-card board.) Pure: ELK is handed in (a web worker in the app, the
 * bundled engine under Vitest), and the result is a set of rectangles to commit.
 *
 * What stays put:
 * - a pinned card;
 * - a frame or garden holding a card that stays put (so that card stays inside
 *   it); its other cards are laid out inside it, and it grows if they need room;
 * - for "tidy selection", every card outside the selection (a selected frame or
 *   garden brings its cards along).
 * Cards that move are laid out as one block per container, anchored at the
 * top-left of where they were, and moved down past any card that stays put and
 * would be in the way, so nothing ends up under a pinned card.
 */

/** The slice of elkjs's API the layout uses (its `ELK` class fits). */
export interface ElkEngine {
  layout(graph: ElkGraph): Promise<ElkGraph>
}

/** The slice of ELK's JSON graph the layout sends and reads back. */
export interface ElkGraph {
  id: string
  x?: number
  y?: number
  width?: number
  height?: number
  children?: ElkGraph[]
  edges?: { id: string; sources: string[]; targets: string[] }[]
  layoutOptions?: Record<string, string>
}

export interface LayoutOptions {
  /** Tidy selection: lay out only these cards (and what is inside the frames and gardens among them). */
  only?: ReadonlySet<string>
}

/** Space for a container's title above its cards, and a margin around them. */
export const CONTAINER_PADDING = { top: 64, left: 28, bottom: 28, right: 28 } as const
/** Minimum gap between cards, and between a laid-out block and cards that stayed put. */
export const GAP = 40

const elkOptions: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  // One layering for all chains: the columns are then the phases of the whole map (and it is much faster).
  'elk.separateConnectedComponents': 'false',
  'elk.spacing.nodeNode': String(GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP * 2),
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES'
}

const ROOT = '\u0000root'

function intersects(a: Rect, b: Rect, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
}

interface Box {
  id: string
  width: number
  height: number
}

/** An edge between boxes; dependencies are firm (they win when relations disagree). */
interface LayoutEdge {
  id: string
  source: string
  target: string
  firm: boolean
}

interface Arranged {
  /** Top-left of each box, relative to the arrangement. */
  at: Map<string, { x: number; y: number }>
  width: number
  height: number
}

/**
 * ELK's layered layout gives the tidiest drawing but its time grows with every
 * long edge it routes: a dense 2,000-card map takes it half a minute of CPU.
 * Past these sizes the quick column layout (columns.ts) takes over: the same
 * columns, a simpler order within them, in milliseconds.
 */
export const ELK_LIMIT = 300
export const QUICK_FROM_CARDS = 600

/**
 * Boxes with relations between them go to ELK as one layered graph; boxes
 * with none (notes, teams, …) are packed in rows below it, in board order, so
 * they neither stretch the first column nor cost ELK a component each.
 */
async function arrange(
  boxes: readonly Box[],
  allEdges: readonly LayoutEdge[],
  elk: ElkEngine,
  quick: boolean
): Promise<Arranged> {
  const edges = essentialEdges(
    boxes.map((b) => b.id),
    allEdges,
    (e) => e.firm
  )
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]))
  const at = new Map<string, { x: number; y: number }>()
  let width = 0
  let height = 0
  const connected = boxes.filter((b) => linked.has(b.id))
  if (connected.length > 0 && (quick || connected.length > ELK_LIMIT)) {
    const laid = columnLayout(connected, edges, GAP)
    for (const [id, p] of laid.at) at.set(id, p)
    width = laid.width
    height = laid.height
  } else if (connected.length > 0) {
    const laid = await elk.layout({
      id: ROOT,
      layoutOptions: elkOptions,
      children: connected.map((b) => ({ id: b.id, width: b.width, height: b.height })),
      edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }))
    })
    for (const child of laid.children ?? []) at.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 })
    width = laid.width ?? 0
    height = laid.height ?? 0
  }
  const loose = boxes.filter((b) => !linked.has(b.id))
  if (loose.length > 0) {
    const area = loose.reduce((sum, b) => sum + (b.width + GAP) * (b.height + GAP), 0)
    const rowWidth = Math.max(width, Math.sqrt(area * 1.6), ...loose.map((b) => b.width))
    let x = 0
    let y = height > 0 ? height + GAP * 2 : 0
    let rowHeight = 0
    for (const b of loose) {
      if (x > 0 && x + b.width > rowWidth) {
        x = 0
        y += rowHeight + GAP
        rowHeight = 0
      }
      at.set(b.id, { x, y })
      x += b.width + GAP
      rowHeight = Math.max(rowHeight, b.height)
      width = Math.max(width, x - GAP)
    }
    height = y + rowHeight
  }
  return { at, width, height }
}

/** Where layout puts each card that changes: its new rectangle. Cards that do not change are left out. */
export async function layoutBoard(board: Board, elk: ElkEngine, options: LayoutOptions = {}): Promise<Map<string, Rect>> {
  const byId = new Map(board.cards.map((c) => [c.id, c]))
  const parentOf = (card: Card): string => (card.container !== undefined && byId.has(card.container) ? card.container : ROOT)
  const children = new Map<string, Card[]>()
  for (const card of board.cards) {
    const list = children.get(parentOf(card))
    if (list) list.push(card)
    else children.set(parentOf(card), [card])
  }
  const isContainer = (card: Card): boolean => cardKind(card.kind).container

  // What is in scope: everything, or the selection with the contents of selected containers.
  const inScope = new Set<string>()
  const addScope = (card: Card): void => {
    if (inScope.has(card.id)) return
    inScope.add(card.id)
    for (const child of children.get(card.id) ?? []) addScope(child)
  }
  for (const card of board.cards) if (!options.only || options.only.has(card.id)) addScope(card)

  // A card moves when it is in scope, not pinned, and (for a container) everything inside it moves too.
  const movable = new Map<string, boolean>()
  const canMove = (card: Card): boolean => {
    const known = movable.get(card.id)
    if (known !== undefined) return known
    let ok = inScope.has(card.id) && card.pinned !== true
    for (const child of children.get(card.id) ?? []) ok = canMove(child) && ok
    movable.set(card.id, ok)
    return ok
  }
  for (const card of board.cards) canMove(card)

  // One layout per container (or the open board) whose own cards move while it stays put.
  const groups = new Map<string, Card[]>()
  for (const card of board.cards) {
    const parent = parentOf(card)
    if (!movable.get(card.id) || (parent !== ROOT && movable.get(parent))) continue
    const list = groups.get(parent)
    if (list) list.push(card)
    else groups.set(parent, [card])
  }
  const depth = (id: string): number => {
    let d = 0
    for (let at = byId.get(id); at && parentOf(at) !== ROOT && d < 100; at = byId.get(parentOf(at))) d++
    return id === ROOT ? -1 : d
  }
  // Innermost first: a container that grows is then the right size where its own parent is laid out.
  const order = [...groups.keys()].sort((a, b) => depth(b) - depth(a))

  const rects = new Map<string, Rect>(board.cards.map((c) => [c.id, { x: c.x, y: c.y, width: c.width, height: c.height }]))
  const relationsByCard = new Map<string, Relation[]>()
  for (const r of board.relations) {
    for (const end of [r.from, r.to]) {
      const list = relationsByCard.get(end)
      if (list) list.push(r)
      else relationsByCard.set(end, [r])
    }
  }

  const quick = [...movable.values()].filter(Boolean).length > QUICK_FROM_CARDS
  const minSize = (card: Card): { width: number; height: number } => (isContainer(card) ? { width: 200, height: 120 } : { width: 0, height: 0 })
  /** Lays out what is inside each moving container, innermost first; its size follows. */
  const arrangeLevel = async (members: readonly Card[]): Promise<{ placed: Map<string, Rect>; width: number; height: number }> => {
    const placed = new Map<string, Rect>()
    const boxes: Box[] = []
    const topOf = new Map<string, string>()
    for (const card of members) {
      const inside = children.get(card.id) ?? []
      const mark = (c: Card): void => {
        topOf.set(c.id, card.id)
        for (const child of children.get(c.id) ?? []) mark(child)
      }
      mark(card)
      if (isContainer(card) && inside.length > 0) {
        const sub = await arrangeLevel(inside)
        const width = Math.max(minSize(card).width, Math.round(sub.width + CONTAINER_PADDING.left + CONTAINER_PADDING.right))
        const height = Math.max(minSize(card).height, Math.round(sub.height + CONTAINER_PADDING.top + CONTAINER_PADDING.bottom))
        for (const [id, r] of sub.placed) placed.set(id, { ...r, x: r.x + CONTAINER_PADDING.left, y: r.y + CONTAINER_PADDING.top })
        boxes.push({ id: card.id, width, height })
      } else {
        boxes.push({ id: card.id, width: card.width, height: card.height })
      }
    }
    // Relations between cards inside different members count as relations between those members.
    const edges = new Map<string, LayoutEdge>()
    for (const id of topOf.keys()) {
      for (const r of relationsByCard.get(id) ?? []) {
        const [a, b] = [topOf.get(r.from), topOf.get(r.to)]
        if (!a || !b || a === b) continue
        // Along dependencies: what is needed first stands to the left. Other relations read as drawn.
        const [source, target] = r.kind === 'dependsOn' ? [b, a] : [a, b]
        const firm = r.kind === 'dependsOn'
        const key = `${source}>${target}`
        const known = edges.get(key)
        if (known) known.firm ||= firm
        else edges.set(key, { id: r.id, source, target, firm })
      }
    }
    const arranged = await arrange(boxes, [...edges.values()], elk, quick)
    // Offsets inside members become offsets inside this level.
    for (const [id, r] of placed) {
      const top = arranged.at.get(topOf.get(id) as string) ?? { x: 0, y: 0 }
      placed.set(id, { ...r, x: r.x + top.x, y: r.y + top.y })
    }
    for (const box of boxes) {
      const p = arranged.at.get(box.id) ?? { x: 0, y: 0 }
      placed.set(box.id, { x: p.x, y: p.y, width: box.width, height: box.height })
    }
    return { placed, width: arranged.width, height: arranged.height }
  }

  for (const parent of order) {
    const members = groups.get(parent) as Card[]
    const { placed, ...block } = await arrangeLevel(members)

    // Anchor at the top-left of where the cards were, inside their container if it stays put.
    let ax = Math.min(...members.map((m) => m.x))
    let ay = Math.min(...members.map((m) => m.y))
    const frame = parent === ROOT ? undefined : rects.get(parent)
    if (frame) {
      ax = Math.max(ax, frame.x + CONTAINER_PADDING.left)
      ay = Math.max(ay, frame.y + CONTAINER_PADDING.top)
    }
    // If cards that stay put at this level would be covered, move the block down or right past
    // them, whichever is the shorter move.
    const obstacles = (children.get(parent) ?? []).filter((c) => !movable.get(c.id)).map((c) => rects.get(c.id) as Rect)
    const clear = (x: number, y: number): boolean => !obstacles.some((o) => intersects({ x, y, ...block }, o, GAP))
    if (!clear(ax, ay)) {
      const xs = [ax, ...obstacles.map((o) => o.x + o.width + GAP).filter((x) => x > ax)]
      const ys = [ay, ...obstacles.map((o) => o.y + o.height + GAP).filter((y) => y > ay)]
      let best: { x: number; y: number } | undefined
      for (const x of xs) {
        for (const y of ys) {
          if ((x === ax || y === ay) && (!best || x - ax + (y - ay) < best.x - ax + (best.y - ay)) && clear(x, y)) best = { x, y }
        }
      }
      // Below everything always works.
      best ??= { x: ax, y: Math.max(...ys) }
      ax = best.x
      ay = best.y
    }

    for (const [id, rel] of placed) {
      rects.set(id, { x: Math.round(ax + rel.x), y: Math.round(ay + rel.y), width: Math.round(rel.width), height: Math.round(rel.height) })
    }
    if (frame) {
      const right = Math.round(ax + block.width + CONTAINER_PADDING.right)
      const bottom = Math.round(ay + block.height + CONTAINER_PADDING.bottom)
      rects.set(parent, { ...frame, width: Math.max(frame.width, right - frame.x), height: Math.max(frame.height, bottom - frame.y) })
    }
  }

  const changed = new Map<string, Rect>()
  for (const card of board.cards) {
    const r = rects.get(card.id) as Rect
    if (r.x !== card.x || r.y !== card.y || r.width !== card.width || r.height !== card.height) changed.set(card.id, r)
  }
  return changed
}

/** Commits a layout: one immer recipe, so the whole layout is one undoable step. */
export function applyLayout(board: Board, rects: ReadonlyMap<string, Rect>): void {
  for (const card of board.cards) {
    const r = rects.get(card.id)
    if (!r) continue
    card.x = r.x
    card.y = r.y
    card.width = r.width
    card.height = r.height
  }
}
