import fs from 'node:fs/promises'
import { dirname } from 'node:path'
import { atomicWrite, errorCode } from '../files/atomicWrite'

/**
 * The app's own small JSON files in the user-data folder (recent boards, window
 * places, settings). A missing or damaged file must never stop the app: reading
 * gives `undefined` and says why, and the next write replaces it.
 */

export type JsonRead = { ok: true; value: unknown } | { ok: false; missing: boolean; problem: string }

/** Files this size are not ours; refuse rather than parse megabytes at startup. */
const MAX_BYTES = 1024 * 1024

export async function readJsonFile(path: string): Promise<JsonRead> {
  let text: string
  try {
    const stat = await fs.stat(path)
    if (!stat.isFile()) return { ok: false, missing: false, problem: `${path} is not a file` }
    if (stat.size > MAX_BYTES) return { ok: false, missing: false, problem: `${path} is ${stat.size} bytes, too large to be ours` }
    text = await fs.readFile(path, 'utf8')
  } catch (err) {
    const code = errorCode(err)
    const missing = code === 'ENOENT' || code === 'ENOTDIR'
    return { ok: false, missing, problem: `${path} could not be read (${code ?? String(err)})` }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (err) {
    return { ok: false, missing: false, problem: `${path} is not valid JSON (${err instanceof Error ? err.message : String(err)})` }
  }
}

/** Written atomically, so a crash mid-write leaves the previous version. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true })
  await atomicWrite(path, `${JSON.stringify(value, null, 2)}\n`, { backup: false })
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Runs tasks one after another: two windows saving at once must not interleave
 * a read-modify-write of the same file.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return (task) => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}
