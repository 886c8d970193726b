import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { RecoveryEntry } from '../../shared/api'
import type { Board } from '../../shared/board'
import { parseBoardText } from '../../shared/load'
import { LIMITS } from '../../shared/schema'
import { atomicWrite, errorCode } from './atomicWrite'

/**
 * Recovery copies of unsaved boards, in the app's own folder (`<userData>/Recovery`),
 * never beside the facilitator's file: one JSON file per window, rewritten about a
 * second after each change, deleted when the board is saved or its changes are
 * deliberately discarded. A file still there when the app starts belongs to a
 * window that died with unsaved work (a crash, a kill, a power cut).
 *
 * One store per running app: it knows which ids belong to live windows, so a
 * window never offers another live window's work as "left behind". (The app holds
 * Electron's single-instance lock, so no other process writes here.)
 */

export const RECOVERY_FORMAT = 'orgboard-recovery'

/** What a window last knew about its unsaved board. */
export interface RecoverySnapshot {
  /** The board as file text (validated and serialised by the caller, as for a save). */
  text: string
  cards: number
  name: string
  /** The board's file, or null before its first save. */
  path: string | null
  /** Hash of the file as this window last read or wrote it, to notice conflicts after a restore. */
  baseHash: string | null
  /** When the board last changed, in ms since 1970. */
  changedAt: number
}

/** The file on disk. The board is kept as its file text, so a restore reads it like any board file. */
const recoveryFile = z.object({
  format: z.literal(RECOVERY_FORMAT),
  version: z.literal(1),
  name: z.string().max(1000),
  path: z.string().max(10_000).nullable(),
  baseHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  changedAt: z.number().finite(),
  cards: z.number().int().min(0),
  board: z.string()
})

type RecoveryFile = z.infer<typeof recoveryFile>

/** Ids are 32 hex digits, so an id from the renderer can never name another path. */
const ID = /^[0-9a-f]{32}$/
const EXTENSION = '.json'

export type RecoveredBoard =
  | { ok: true; board: Board; warnings: string[]; name: string; path: string | null; baseHash: string | null }
  | { ok: false; message: string }

export interface RecoveryStore {
  readonly folder: string
  /** A fresh id for a new window, counted as live from now on. */
  newId(): string
  /** The window is gone for good (closed normally); its id stops being live. */
  release(id: string): void
  write(id: string, snapshot: RecoverySnapshot): Promise<void>
  discard(id: string): Promise<void>
  /** Unsaved boards of windows that are not live, newest first. Unreadable files are skipped (and kept). */
  list(): Promise<RecoveryEntry[]>
  /** Reads one of them and makes it live (owned by the restoring window). */
  claim(id: string): Promise<RecoveredBoard>
}

export function isRecoveryId(id: unknown): id is string {
  return typeof id === 'string' && ID.test(id)
}

export function createRecoveryStore(folder: string): RecoveryStore {
  const live = new Set<string>()
  const pathOf = (id: string): string => {
    if (!isRecoveryId(id)) throw new Error(`Not a recovery id: ${String(id).slice(0, 40)}`)
    return join(folder, `${id}${EXTENSION}`)
  }

  async function readEntry(id: string): Promise<RecoveryFile | null> {
    try {
      const stat = await fs.stat(pathOf(id))
      if (!stat.isFile() || stat.size > LIMITS.fileBytes * 2) return null
      const parsed = recoveryFile.safeParse(JSON.parse(await fs.readFile(pathOf(id), 'utf8')))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  return {
    folder,

    newId() {
      const id = randomBytes(16).toString('hex')
      live.add(id)
      return id
    },

    release(id) {
      live.delete(id)
    },

    async write(id, snapshot) {
      const file: RecoveryFile = {
        format: RECOVERY_FORMAT,
        version: 1,
        name: snapshot.name,
        path: snapshot.path,
        baseHash: snapshot.baseHash,
        changedAt: snapshot.changedAt,
        cards: snapshot.cards,
        board: snapshot.text
      }
      await fs.mkdir(folder, { recursive: true })
      // Atomic like a board save: a kill mid-write leaves the previous recovery copy, never half of one.
      await atomicWrite(pathOf(id), JSON.stringify(file), { backup: false })
    },

    async discard(id) {
      await fs.rm(pathOf(id), { force: true })
    },

    async list() {
      let names: string[]
      try {
        names = await fs.readdir(folder)
      } catch (err) {
        if (errorCode(err) === 'ENOENT') return []
        throw err
      }
      const ids = names.filter((n) => n.endsWith(EXTENSION)).map((n) => n.slice(0, -EXTENSION.length))
      const entries: RecoveryEntry[] = []
      for (const id of ids.filter((i) => isRecoveryId(i) && !live.has(i))) {
        const file = await readEntry(id)
        if (file) entries.push({ id, name: file.name, path: file.path, changedAt: file.changedAt, cards: file.cards })
      }
      return entries.sort((a, b) => b.changedAt - a.changedAt)
    },

    async claim(id) {
      if (!isRecoveryId(id) || live.has(id)) return { ok: false, message: 'That unsaved board is not available any more.' }
      const file = await readEntry(id)
      if (!file) return { ok: false, message: 'That unsaved board could not be read; it may have been removed.' }
      const result = parseBoardText(file.board)
      if (!result.ok) return { ok: false, message: `The unsaved board "${file.name}" could not be restored: ${result.problem}.` }
      live.add(id)
      return { ok: true, board: result.board, warnings: result.warnings, name: file.name, path: file.path, baseHash: file.baseHash }
    }
  }
}
