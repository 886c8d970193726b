import type { Board } from './board'
import { BOARD_FORMAT } from './board'
import { migrate, migrations, type Migration } from './migrate'
import { boardSchema } from './schema'

export type LoadResult = { ok: true; board: Board; migrated: string[] } | { ok: false; problem: string; where?: string }

/** Keys that could reach an object's prototype if code ever copied them naively. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = position - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}

function jsonError(text: string, err: unknown): { problem: string; where?: string } {
  const message = err instanceof Error ? err.message : String(err)
  if (err instanceof RangeError) return { problem: 'it is nested too deeply to be a board' }
  const pos = /position (\d+)/.exec(message)
  const end = text.trimEnd().length
  const at = pos ? Number(pos[1]) : undefined
  // Node reports a cut-off file either as "end of input" or as an error at its very last character.
  const truncated = /end of (JSON|data) input|Unterminated/i.test(message) || (at !== undefined && at >= end)
  const where = at !== undefined ? lineAndColumn(text, Math.min(at, end)) : truncated ? lineAndColumn(text, end) : undefined
  return {
    problem: truncated ? 'it ends too early: the file looks truncated' : `it is not valid JSON (${message})`,
    ...(where ? { where } : {})
  }
}

/** A zod issue path as people read it: `cards[2].fields.stage`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part)
  return out || 'the top level'
}

/** Where a `__proto__`-style key hides in parsed JSON, if anywhere. */
export function findForbiddenKey(value: unknown, path: PropertyKey[] = [], depth = 0): string | undefined {
  if (depth > 64) return formatPath(path)
  if (value === null || typeof value !== 'object') return undefined
  for (const [k, v] of Object.entries(value)) {
    if (forbiddenKeys.has(k)) return formatPath([...path, k])
    const found = findForbiddenKey(v, [...path, Array.isArray(value) ? Number(k) : k], depth + 1)
    if (found) return found
  }
  return undefined
}

/**
 * Reads board file text: parse → check marker → migrate → validate. Pure, so the
 * main process, tests and the browser harness all load files the same way.
 */
export function parseBoardText(text: string, steps: readonly Migration[] = migrations): LoadResult {
  if (text.trim() === '') return { ok: false, problem: 'the file is empty' }
  if (text.includes('\u0000')) return { ok: false, problem: 'it is a binary file, not a board' }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    return { ok: false, ...jsonError(text, err) }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problem: 'it is JSON, but not an Orgboard board (expected an object at the top level)' }
  }
  const doc = raw as Record<string, unknown>
  if (doc.format !== BOARD_FORMAT) {
    return { ok: false, problem: `it is JSON, but not an Orgboard board (its "format" is ${JSON.stringify(doc.format) ?? 'missing'}, expected "${BOARD_FORMAT}")` }
  }
  const forbidden = findForbiddenKey(doc)
  if (forbidden) return { ok: false, problem: 'it contains a key that is not allowed or is nested too deeply', where: forbidden }
  const migrated = migrate(doc, steps)
  if (!migrated.ok) return { ok: false, problem: migrated.message }
  const result = boardSchema.safeParse(migrated.doc)
  if (!result.success) {
    const issue = result.error.issues[0]
    const more = result.error.issues.length - 1
    return {
      ok: false,
      problem: `${issue?.message ?? 'it does not match the board format'}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`,
      where: formatPath(issue?.path ?? [])
    }
  }
  return { ok: true, board: result.data, migrated: migrated.applied }
}
