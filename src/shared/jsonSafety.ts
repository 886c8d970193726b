import type { JsonValue } from './board'

/**
 * Guards for JSON read from disk or received from the renderer: nesting that
 * would blow the stack of any recursive code after the parse, keys that could
 * reach an object's prototype if some code ever copied them naively, and
 * values JSON cannot hold. Everything here is iterative, so hostile input cannot
 * overflow the stack of the checks themselves.
 */

/** Keys that could reach an object's prototype if code ever copied them naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * The deepest nesting of objects and arrays in JSON text, counted without
 * parsing (brackets inside strings do not count). Stops counting once past
 * `limit`, so it is linear and cheap even on hostile text.
 */
export function nestingDepth(text: string, limit = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
      continue
    }
    if (c === QUOTE) inString = true
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return deepest
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--
  }
  return deepest
}

export type JsonPath = (string | number)[]

/**
 * Deletes every `__proto__`, `constructor` and `prototype` key, at any depth,
 * from a value fresh out of JSON.parse (where they are plain own properties),
 * and returns where each one was.
 */
export function removeForbiddenKeys(root: unknown): JsonPath[] {
  const removed: JsonPath[] = []
  // Each entry knows its parent, so a path is only built for a key that is removed (almost never), not for every value.
  const stack: Visit[] = [{ value: root, key: '', parent: undefined }]
  while (stack.length > 0) {
    const visit = stack.pop() as Visit
    const value = visit.value
    if (value === null || typeof value !== 'object') continue
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i]
        if (item !== null && typeof item === 'object') stack.push({ value: item, key: i, parent: visit })
      }
      continue
    }
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (FORBIDDEN_KEYS.has(key)) {
        delete record[key]
        removed.push([...pathOf(visit), key])
        continue
      }
      const item = record[key]
      if (item !== null && typeof item === 'object') stack.push({ value: item, key, parent: visit })
    }
  }
  return removed.sort((a, b) => formatPath(a).localeCompare(formatPath(b)))
}

/** An object or array on the way through removeForbiddenKeys, and where it sits. */
interface Visit {
  value: unknown
  key: string | number
  parent: Visit | undefined
}

function pathOf(visit: Visit): JsonPath {
  const path: JsonPath = []
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.push(at.key)
  return path.reverse()
}

/**
 * True when `value` is plain JSON (null, booleans, finite numbers, strings, arrays
 * and plain objects), nested at most `maxDepth` deep, with no forbidden key.
 */
export function isPlainJson(value: unknown, maxDepth: number): value is JsonValue {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number }
    const v = item.value
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false
      continue
    }
    if (typeof v !== 'object' || item.depth >= maxDepth) return false
    if (Array.isArray(v)) {
      for (const x of v) stack.push({ value: x, depth: item.depth + 1 })
      continue
    }
    const proto = Object.getPrototypeOf(v) as unknown
    if (proto !== Object.prototype && proto !== null) return false
    for (const [k, x] of Object.entries(v)) {
      if (FORBIDDEN_KEYS.has(k)) return false
      stack.push({ value: x, depth: item.depth + 1 })
    }
  }
  return true
}

/** `cards[0].fields.drivers`, as the warnings and messages name a place in a file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part)
  return out || 'the top level'
}
