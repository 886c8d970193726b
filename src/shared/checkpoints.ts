import { FACILITATION_LIMITS, type Board, type Card, type Checkpoint, type Relation } from './board'

/**
 * Checkpoints: named moments of a board ("before", "after"), and what changed
 * between two of them. Pure, so the diff is tested without a browser.
 */

/** What a checkpoint keeps, and what the live board offers to compare with. */
export interface Snapshot {
  cards: readonly Card[]
  relations: readonly Relation[]
}

export type CheckpointProblem = 'no name' | 'too many'

/** Why a checkpoint cannot be added now, if it cannot. */
export function checkpointProblem(board: Pick<Board, 'checkpoints'>, name: string): CheckpointProblem | undefined {
  if (!name.trim()) return 'no name'
  if ((board.checkpoints?.length ?? 0) >= FACILITATION_LIMITS.checkpoints) return 'too many'
  return undefined
}

/**
 * Adds a checkpoint of the board as it is now. The snapshot shares the board's
 * (immutable) card and relation objects, so taking one costs nothing in memory;
 * the file holds a copy.
 */
export function addCheckpoint(board: Board, snapshot: Snapshot, meta: { id: string; name: string; time: string }): void {
  const name = meta.name.trim().slice(0, FACILITATION_LIMITS.name)
  if (checkpointProblem(board, name)) return
  const checkpoint: Checkpoint = { id: meta.id, name, time: meta.time, cards: [...snapshot.cards], relations: [...snapshot.relations] }
  if (board.checkpoints) board.checkpoints.push(checkpoint)
  else board.checkpoints = [checkpoint]
}

export function removeCheckpoint(board: Board, id: string): void {
  if (!board.checkpoints) return
  const kept = board.checkpoints.filter((c) => c.id !== id)
  if (kept.length === board.checkpoints.length) return
  if (kept.length) board.checkpoints = kept
  else delete board.checkpoints
}

export function renameCheckpoint(board: Board, id: string, name: string): void {
  const checkpoint = board.checkpoints?.find((c) => c.id === id)
  const trimmed = name.trim().slice(0, FACILITATION_LIMITS.name)
  if (checkpoint && trimmed && checkpoint.name !== trimmed) checkpoint.name = trimmed
}

/** A seedling counts as graduated when it is marked so or has grown into something ("graduates into"). */
function graduatedSeedlings(snapshot: Snapshot): Set<string> {
  const out = new Set<string>()
  for (const card of snapshot.cards) if (card.kind === 'seedling' && card.fields.graduated === true) out.add(card.id)
  const seedlings = new Set(snapshot.cards.filter((c) => c.kind === 'seedling').map((c) => c.id))
  for (const r of snapshot.relations) if (r.kind === 'graduatesInto' && seedlings.has(r.from)) out.add(r.from)
  return out
}

/**
 * Which cards are blocked, and by which walls: a wall "blocks" a card, and
 * whatever depends on a blocked card (transitively) is blocked by the same walls.
 */
export function blockedBy(snapshot: Snapshot): Map<string, Set<string>> {
  const ids = new Set(snapshot.cards.map((c) => c.id))
  const dependents = new Map<string, string[]>()
  for (const r of snapshot.relations) {
    if (r.kind !== 'dependsOn' || !ids.has(r.from) || !ids.has(r.to)) continue
    const list = dependents.get(r.to) ?? []
    list.push(r.from)
    dependents.set(r.to, list)
  }
  const blocked = new Map<string, Set<string>>()
  for (const r of snapshot.relations) {
    if (r.kind !== 'blocks' || !ids.has(r.from) || !ids.has(r.to)) continue
    const queue = [r.to]
    const reached = new Set<string>()
    while (queue.length) {
      const at = queue.pop() as string
      if (reached.has(at) || at === r.from) continue
      reached.add(at)
      const walls = blocked.get(at) ?? new Set<string>()
      walls.add(r.from)
      blocked.set(at, walls)
      queue.push(...(dependents.get(at) ?? []))
    }
  }
  return blocked
}

export interface Unblocked {
  card: Card
  /** The walls that blocked it before (as they were then); each is gone or no longer in the way. */
  walls: Card[]
  /** Walls among them that were taken down (removed from the board). */
  removedWalls: Card[]
}

export interface CheckpointDiff {
  /** Cards on the later board that the earlier one did not have. */
  added: Card[]
  /** Cards on the earlier board that are gone. */
  removed: Card[]
  /** Seedlings that graduated in between (marked graduated, or now grow into something). */
  graduated: Card[]
  /** Cards blocked (directly or through what they depend on) before, and free now. */
  unblocked: Unblocked[]
  /** Cards on both boards whose title or fields changed (moves and resizes do not count). */
  changed: Card[]
  relationsAdded: Relation[]
  relationsRemoved: Relation[]
}

const sameContent = (a: Card, b: Card): boolean =>
  a === b || (a.title === b.title && a.kind === b.kind && a.color === b.color && JSON.stringify(a.fields) === JSON.stringify(b.fields))

const relationKey = (r: Relation): string => `${r.kind}\u0000${r.from}\u0000${r.to}\u0000${r.label}`

/** What changed from `before` to `after`, in the later board's order. */
export function diffSnapshots(before: Snapshot, after: Snapshot): CheckpointDiff {
  const was = new Map(before.cards.map((c) => [c.id, c]))
  const now = new Map(after.cards.map((c) => [c.id, c]))
  const added = after.cards.filter((c) => !was.has(c.id))
  const removed = before.cards.filter((c) => !now.has(c.id))
  const changed = after.cards.filter((c) => {
    const old = was.get(c.id)
    return old !== undefined && !sameContent(old, c)
  })

  const graduatedBefore = graduatedSeedlings(before)
  const graduatedAfter = graduatedSeedlings(after)
  const graduated = after.cards.filter((c) => graduatedAfter.has(c.id) && !graduatedBefore.has(c.id))

  const blockedBefore = blockedBy(before)
  const blockedAfter = blockedBy(after)
  const unblocked: Unblocked[] = []
  for (const card of after.cards) {
    const walls = blockedBefore.get(card.id)
    if (!walls || blockedAfter.has(card.id)) continue
    const wallCards = [...walls].map((id) => was.get(id)).filter((c): c is Card => c !== undefined)
    unblocked.push({ card, walls: wallCards, removedWalls: wallCards.filter((w) => !now.has(w.id)) })
  }

  const oldRelations = new Set(before.relations.map(relationKey))
  const newRelations = new Set(after.relations.map(relationKey))
  return {
    added,
    removed,
    graduated,
    unblocked,
    changed,
    relationsAdded: after.relations.filter((r) => !oldRelations.has(relationKey(r))),
    relationsRemoved: before.relations.filter((r) => !newRelations.has(relationKey(r)))
  }
}

/** Nothing to tell between the two moments. */
export function isEmptyDiff(diff: CheckpointDiff): boolean {
  return Object.values(diff).every((list: readonly unknown[]) => list.length === 0)
}
