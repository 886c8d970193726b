import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { VersionEntry } from '../../shared/api'
import type { Board } from '../../shared/board'
import { parseBoardText } from '../../shared/load'
import { atomicWrite, errorCode } from './atomicWrite'

/**
 * Earlier versions of each saved board, in the app's own folder
 * (`<userData>/Versions/<key of the board's path>/`): every save adds a timed
 * snapshot of what it wrote; older ones are thinned out by time, and the oldest
 * go once a board has more than `maxVersions` or they add up to more than `maxBytes`. File > Restore a
 * Previous Version… reads them. The `.bak` beside the file keeps one version
 * where the facilitator can see it; these keep the rest out of the way.
 */

export interface VersionLimits {
  maxVersions: number
  maxBytes: number
  /** The newest this many are all kept (default 10)... */
  recent?: number
  /** ...and of older ones, one per this many ms (default 15 minutes). */
  spacingMs?: number
}

export const DEFAULT_VERSION_LIMITS: VersionLimits = { maxVersions: 20, maxBytes: 25 * 1024 * 1024, recent: 10, spacingMs: 15 * 60_000 }

/**
 * Which versions to keep, given their times and sizes newest first. Thinned by time so a
 * facilitator who saves every minute still finds how the board looked when the workshop
 * began: the newest `recent` all, older ones spaced out, then the count and size limits.
 */
export function versionsToKeep(versions: readonly { savedAt: number; bytes: number }[], limits: VersionLimits): boolean[] {
  const recent = limits.recent ?? 10
  const spacing = limits.spacingMs ?? 15 * 60_000
  let lastKept = Infinity
  let count = 0
  let total = 0
  return versions.map((v, i) => {
    const spaced = i < recent || lastKept - v.savedAt >= spacing
    if (!spaced || count + 1 > limits.maxVersions || total + v.bytes > limits.maxBytes) return false
    lastKept = v.savedAt
    count += 1
    total += v.bytes
    return true
  })
}

/** `<ms since 1970>-<cards>-<8 hex of content hash>`; the renderer sends it back, so it is checked. */
const ID = /^(\d{13})-(\d{1,6})-([0-9a-f]{8})$/
const EXTENSION = '.orgboard'

export type ReadVersionResult = { ok: true; board: Board; savedAt: number; warnings: string[] } | { ok: false; message: string }

export interface VersionStore {
  /** After a successful save of `text` to `path`. Never throws: a version not kept must not fail the save. */
  record(path: string, text: string, cards: number): Promise<void>
  list(path: string): Promise<VersionEntry[]>
  read(path: string, id: string): Promise<ReadVersionResult>
}

function keyOf(path: string): string {
  const normal = resolve(path)
  return createHash('sha256')
    .update(process.platform === 'win32' || process.platform === 'darwin' ? normal.toLowerCase() : normal)
    .digest('hex')
    .slice(0, 32)
}

export function createVersionStore(folder: string, limits: VersionLimits = DEFAULT_VERSION_LIMITS, now: () => number = Date.now): VersionStore {
  const dirOf = (path: string): string => join(folder, keyOf(path))

  async function entries(path: string): Promise<(VersionEntry & { file: string; hash: string })[]> {
    let names: string[]
    try {
      names = await fs.readdir(dirOf(path))
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return []
      throw err
    }
    const out: (VersionEntry & { file: string; hash: string })[] = []
    for (const name of names) {
      const match = name.endsWith(EXTENSION) ? ID.exec(name.slice(0, -EXTENSION.length)) : null
      if (!match) continue
      const file = join(dirOf(path), name)
      const stat = await fs.stat(file).catch(() => null)
      if (!stat?.isFile()) continue
      out.push({ id: name.slice(0, -EXTENSION.length), savedAt: Number(match[1]), cards: Number(match[2]), hash: match[3] as string, bytes: stat.size, file })
    }
    return out.sort((a, b) => b.savedAt - a.savedAt || b.id.localeCompare(a.id))
  }

  return {
    async record(path, text, cards) {
      try {
        const bytes = Buffer.byteLength(text, 'utf8')
        if (bytes > limits.maxBytes) return
        const hash = createHash('sha256').update(text).digest('hex').slice(0, 8)
        const existing = await entries(path)
        if (existing[0]?.hash === hash) return // saved again unchanged: nothing new to keep
        const savedAt = Math.max(now(), (existing[0]?.savedAt ?? 0) + 1)
        const dir = dirOf(path)
        await fs.mkdir(dir, { recursive: true })
        await atomicWrite(join(dir, 'source.txt'), `${resolve(path)}\n`, { backup: false })
        await atomicWrite(join(dir, `${savedAt}-${Math.min(cards, 999_999)}-${hash}${EXTENSION}`), text, { backup: false })
        const keep = versionsToKeep([{ savedAt, bytes }, ...existing], limits)
        for (const [i, entry] of existing.entries()) if (!keep[i + 1]) await fs.rm(entry.file, { force: true })
      } catch (err) {
        console.error('Orgboard: could not keep a version of', path, err)
      }
    },

    async list(path) {
      return (await entries(path)).map(({ id, savedAt, bytes, cards }) => ({ id, savedAt, bytes, cards }))
    },

    async read(path, id) {
      if (!ID.test(id)) return { ok: false, message: 'That version is not available.' }
      const entry = (await entries(path)).find((e) => e.id === id)
      if (!entry) return { ok: false, message: 'That version is not available any more.' }
      try {
        const result = parseBoardText(await fs.readFile(entry.file, 'utf8'))
        if (!result.ok) return { ok: false, message: `That version could not be read: ${result.problem}.` }
        return { ok: true, board: result.board, savedAt: entry.savedAt, warnings: result.warnings }
      } catch (err) {
        return { ok: false, message: `That version could not be read (${err instanceof Error ? err.message : String(err)}).` }
      }
    }
  }
}
