import { applyPatches, enablePatches, produceWithPatches, type Draft, type Objectish, type Patch } from 'immer'

enablePatches()

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

export function createHistory<T extends Objectish>(present: T): History<T> {
  return { present, past: [], future: [] }
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
    present: applyPatches(history.present, entry.inverse),
    past: history.past.slice(0, -1),
    future: [entry, ...history.future]
  }
}

export function redo<T extends Objectish>(history: History<T>): History<T> {
  const entry = history.future[0]
  if (!entry) return history
  return {
    present: applyPatches(history.present, entry.patches),
    past: [...history.past, entry],
    future: history.future.slice(1)
  }
}

/** Identifies the current state for dirty tracking: the id of the last applied entry, 0 for none. */
export function revisionOf(history: History<Objectish>): number {
  return history.past.at(-1)?.id ?? 0
}
