import { applyPatches, enableArrayMethods, enablePatches, freeze, produceWithPatches, type Draft, type Objectish, type Patch } from 'immer'

enablePatches()
// find/some/indexOf on a draft array then read the base values instead of making a proxy per element:
// renaming one card on a 5,000-card board no longer drafts every card before it.
enableArrayMethods()

/** One undoable change: the patches that made it and the inverse patches that take it back. */
export interface HistoryEntry {
  /** Unique, so "is the board as saved?" survives undo and redo. */
  id: number
  label: string
  /** Steps with the same key in a row become one step (adding a card, then naming it). */
  mergeKey?: string
  patches: Patch[]
  inverse: Patch[]
}

export interface History<T> {
  present: T
  past: HistoryEntry[]
  future: HistoryEntry[]
}

const LIMIT = 500
let nextId = 1

/**
 * Freezes the loaded document once, deeply: immer would otherwise do it on the first
 * edit, which then cost 40–240 ms on a 5,000-card board instead of a few.
 */
export function createHistory<T extends Objectish>(present: T): History<T> {
  return { present: freeze(present, true), past: [], future: [] }
}

type Container = Record<PropertyKey, unknown>

/**
 * applyPatches for the common undo/redo case, a list of `replace`s of plain values
 * (moving 1,000 cards is 2,000 of them): copies each container on the path once and
 * sets the values, without immer's proxies. Anything else goes to immer. Like immer,
 * it shares everything untouched and returns a frozen result.
 */
function applyReplaces<T extends Objectish>(base: T, patches: readonly Patch[]): T {
  const simple = patches.every(
    (p) => p.op === 'replace' && p.path.length > 0 && (p.value === null || typeof p.value !== 'object')
  )
  if (!simple) return applyPatches(base, patches as Patch[])
  const copies = new Set<unknown>()
  const copy = (value: unknown): Container => {
    const c = (Array.isArray(value) ? value.slice() : { ...(value as Container) }) as Container
    copies.add(c)
    return c
  }
  const root = copy(base)
  for (const patch of patches) {
    let parent = root
    for (let i = 0; i < patch.path.length - 1; i++) {
      const key = patch.path[i] as PropertyKey
      const child = parent[key]
      if (child === null || typeof child !== 'object') return applyPatches(base, patches as Patch[])
      parent = copies.has(child) ? (child as Container) : (parent[key] = copy(child))
    }
    parent[patch.path[patch.path.length - 1] as PropertyKey] = patch.value
  }
  for (const c of copies) Object.freeze(c)
  return root as T
}

/**
 * Applies `recipe` as one undoable step; a recipe that changes nothing records nothing.
 * With the same `mergeKey` as the step before, both become one step (with a new id, so
 * a save in between still counts as unsaved).
 */
export function record<T extends Objectish>(
  history: History<T>,
  label: string,
  recipe: (draft: Draft<T>) => void,
  mergeKey?: string
): History<T> {
  const [present, patches, inverse] = produceWithPatches(history.present, recipe)
  if (patches.length === 0) return history
  const last = history.past.at(-1)
  const merge = mergeKey !== undefined && last?.mergeKey === mergeKey
  const entry: HistoryEntry = merge
    ? { id: nextId++, label: last.label, mergeKey, patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse] }
    : { id: nextId++, label, ...(mergeKey ? { mergeKey } : {}), patches, inverse }
  const past = [...(merge ? history.past.slice(0, -1) : history.past), entry]
  return { present, past: past.length > LIMIT ? past.slice(-LIMIT) : past, future: [] }
}

export function undo<T extends Objectish>(history: History<T>): History<T> {
  const entry = history.past.at(-1)
  if (!entry) return history
  return {
    present: applyReplaces(history.present, entry.inverse),
    past: history.past.slice(0, -1),
    future: [entry, ...history.future]
  }
}

export function redo<T extends Objectish>(history: History<T>): History<T> {
  const entry = history.future[0]
  if (!entry) return history
  return {
    present: applyReplaces(history.present, entry.patches),
    past: [...history.past, entry],
    future: history.future.slice(1)
  }
}

/** Identifies the current state for dirty tracking: the id of the last applied entry, 0 for none. */
export function revisionOf(history: History<Objectish>): number {
  return history.past.at(-1)?.id ?? 0
}
