import type { Board } from './board'
import { BOARD_FORMAT } from './board'
import { FORBIDDEN_KEYS, formatPath, nestingDepth, removeForbiddenKeys } from './jsonSafety'
import { migrate, migrations, type Migration } from './migrate'
import { repairBoard } from './repair'
import { boardSchema, LIMITS } from './schema'

export type LoadResult =
  | {
      ok: true
      board: Board
      /** What each migration step did, oldest first. */
      migrated: string[]
      /** What repairBoard fixed, one readable line per kind of repair; empty for a sound file. */
      warnings: string[]
    }
  | { ok: false; problem: string; where?: string }

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

/** A zod issue path as people read it: `cards[2].fields.stage` (clipboard.ts reads pasted fragments with it too). */
export { formatPath }

/** Where a `__proto__`-style key hides in parsed JSON, if anywhere (clipboard.ts refuses a fragment with one). */
export function findForbiddenKey(value: unknown, path: PropertyKey[] = [], depth = 0): string | undefined {
  if (depth > LIMITS.depth) return formatPath(path)
  if (value === null || typeof value !== 'object') return undefined
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(k)) return formatPath([...path, k])
    const found = findForbiddenKey(v, [...path, Array.isArray(value) ? Number(k) : k], depth + 1)
    if (found) return found
  }
  return undefined
}

/**
 * Reads board file text: size check → parse → check marker → migrate → repair →
 * validate. Pure, so the main process, tests and the browser harness all load
 * files the same way, and it never throws: any text gives a board or a reason.
 *
 * Refused (nothing can be opened): empty, binary, over the size limit, nested
 * deeply enough to threaten the stack, not JSON, cut off, not an Orgboard board,
 * a version this build cannot read, a dot-voting round or checkpoint that does
 * not fit the format (named by where it is). Repaired with a warning (see
 * repair.ts): everything else, including `__proto__`-style keys, which are
 * dropped before any other code sees the document.
 */
export function parseBoardText(text: string, steps: readonly Migration[] = migrations): LoadResult {
  try {
    return load(text, steps)
  } catch (err) {
    // A migration step that throws is a bug; it must not take the caller down with it.
    return { ok: false, problem: `it could not be read (${err instanceof Error ? err.message : String(err)})` }
  }
}

function load(text: string, steps: readonly Migration[]): LoadResult {
  // Each UTF-16 unit is at least one byte of UTF-8, so this never refuses a file within the limit.
  if (text.length > LIMITS.fileBytes) return { ok: false, problem: `it is larger than the ${LIMITS.fileBytes / (1024 * 1024)} MB limit for a board file` }
  if (text.trim() === '') return { ok: false, problem: 'the file is empty' }
  if (text.includes('\u0000')) return { ok: false, problem: 'it is a binary file, not a board' }
  if (nestingDepth(text, LIMITS.depth) > LIMITS.depth) {
    return { ok: false, problem: `it is nested too deeply to be a board (more than ${LIMITS.depth} levels of lists and objects)` }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    return { ok: false, ...jsonError(text, err) }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problem: 'it is JSON, but not an Orgboard board (expected an object at the top level)' }
  }
  const removedKeys = removeForbiddenKeys(raw)
  const doc = raw as Record<string, unknown>
  if (doc.format !== BOARD_FORMAT) {
    return { ok: false, problem: `it is JSON, but not an Orgboard board (its "format" is ${JSON.stringify(doc.format) ?? 'missing'}, expected "${BOARD_FORMAT}")` }
  }
  const migrated = migrate(doc, steps)
  if (!migrated.ok) return { ok: false, problem: migrated.message }
  const repaired = repairBoard(migrated.doc, removedKeys)
  if (!repaired.ok) return repaired
  // repairBoard promises a valid board; the schema still has the last word, so a bug there refuses instead of half-loading.
  const result = boardSchema.safeParse(repaired.board)
  if (!result.success) {
    // Voting and checkpoints are not repaired (a broken one is refused, naming where); a problem elsewhere is a bug in repair.ts.
    const issue = result.error.issues[0]
    const more = result.error.issues.length - 1
    return {
      ok: false,
      problem: `${issue?.message ?? 'it does not match the board format'}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`,
      where: formatPath(issue?.path ?? [])
    }
  }
  return { ok: true, board: result.data, migrated: migrated.applied, warnings: repaired.warnings }
}
