import fs from 'node:fs/promises'
import { boardNameFromPath, type RecentBoard } from '../../shared/api'
import { errorCode } from '../files/atomicWrite'
import { isRecord, readJsonFile, serialQueue, writeJsonFile } from './jsonFile'
import { hasBoardExtension, isPlausiblePath, pathApi, samePath } from './paths'

/**
 * The recent boards list (File > Open Recent, and the start screen later).
 *
 * Rules: most recent first; a board appears once (same file, however spelled);
 * at most MAX_RECENT; opening or saving a board moves it to the top; a board
 * that is gone stays listed, marked missing, until the facilitator removes it
 * (the disk may just not be connected). Removing never touches the file.
 */

export const MAX_RECENT = 10

export interface RecentEntry {
  /** Absolute path of the board file. */
  path: string
  /** When it was last opened or saved (ISO 8601). */
  usedAt: string
}

/** recent.json in the user-data folder. */
export interface RecentFile {
  /** Format of this file, for a later change. */
  version: 1
  /** Most recent first. */
  boards: RecentEntry[]
}

export function addRecent(list: readonly RecentEntry[], path: string, now: Date, platform: NodeJS.Platform): RecentEntry[] {
  return [{ path, usedAt: now.toISOString() }, ...removeRecent(list, path, platform)].slice(0, MAX_RECENT)
}

export function removeRecent(list: readonly RecentEntry[], path: string, platform: NodeJS.Platform): RecentEntry[] {
  return list.filter((entry) => !samePath(entry.path, path, platform))
}

export function includesRecent(list: readonly RecentEntry[], path: string, platform: NodeJS.Platform): boolean {
  return list.some((entry) => samePath(entry.path, path, platform))
}

/** Reads recent.json's content, keeping every entry that makes sense and dropping the rest. */
export function parseRecentFile(value: unknown, platform: NodeJS.Platform): RecentEntry[] {
  if (!isRecord(value) || !Array.isArray(value.boards)) return []
  const list: RecentEntry[] = []
  for (const item of value.boards) {
    if (!isRecord(item) || typeof item.path !== 'string') continue
    if (!isPlausiblePath(item.path, platform) || !hasBoardExtension(item.path)) continue
    if (includesRecent(list, item.path, platform)) continue
    const usedAt = typeof item.usedAt === 'string' && !Number.isNaN(Date.parse(item.usedAt)) ? item.usedAt : new Date(0).toISOString()
    list.push({ path: item.path, usedAt })
  }
  return list.slice(0, MAX_RECENT)
}

export function toRecentFile(list: readonly RecentEntry[]): RecentFile {
  return { version: 1, boards: [...list] }
}

/** Is the board there? Only "not found" counts as missing: a file we may not read is still there. */
export async function isMissing(path: string): Promise<boolean> {
  try {
    return !(await fs.stat(path)).isFile()
  } catch (err) {
    const code = errorCode(err)
    return code === 'ENOENT' || code === 'ENOTDIR'
  }
}

export function recentBoardView(entry: RecentEntry, missing: boolean, platform: NodeJS.Platform): RecentBoard {
  return { path: entry.path, name: boardNameFromPath(entry.path), folder: pathApi(platform).dirname(entry.path), missing }
}

/** What changed, for the OS's own recent documents (app.addRecentDocument) and the native menu. */
export type RecentChange = { kind: 'added'; path: string } | { kind: 'removed'; path: string } | { kind: 'cleared' }

export interface RecentBoardsOptions {
  platform?: NodeJS.Platform
  now?: () => Date
  /** Problems reading recent.json (it is then treated as empty) and writing it. */
  onProblem?: (message: string) => void
}

/** The list, kept in recent.json; one per app (the main process), shared by its windows. */
export class RecentBoards {
  private entries: RecentEntry[] | null = null
  private readonly listeners = new Set<(change: RecentChange) => void>()
  private readonly queue = serialQueue()
  private readonly platform: NodeJS.Platform
  private readonly now: () => Date
  private readonly onProblem: (message: string) => void

  constructor(
    /** The recent.json file. */
    readonly file: string,
    options: RecentBoardsOptions = {}
  ) {
    this.platform = options.platform ?? process.platform
    this.now = options.now ?? (() => new Date())
    this.onProblem = options.onProblem ?? (() => undefined)
  }

  /** Called after every change (to rebuild the native Open Recent menu). */
  subscribe(listener: (change: RecentChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  entriesNow(): Promise<RecentEntry[]> {
    return this.queue(() => this.load())
  }

  async list(): Promise<RecentBoard[]> {
    const entries = await this.entriesNow()
    return Promise.all(entries.map(async (e) => recentBoardView(e, await isMissing(e.path), this.platform)))
  }

  async has(path: string): Promise<boolean> {
    return includesRecent(await this.entriesNow(), path, this.platform)
  }

  add(path: string): Promise<void> {
    return this.update((list) => addRecent(list, path, this.now(), this.platform), { kind: 'added', path })
  }

  remove(path: string): Promise<void> {
    return this.update((list) => removeRecent(list, path, this.platform), { kind: 'removed', path })
  }

  clear(): Promise<void> {
    return this.update(() => [], { kind: 'cleared' })
  }

  private async load(): Promise<RecentEntry[]> {
    if (this.entries) return this.entries
    const read = await readJsonFile(this.file)
    if (!read.ok && !read.missing) this.onProblem(`Recent boards list ignored: ${read.problem}`)
    this.entries = read.ok ? parseRecentFile(read.value, this.platform) : []
    return this.entries
  }

  private async update(change: (list: RecentEntry[]) => RecentEntry[], what: RecentChange): Promise<void> {
    await this.queue(async () => {
      this.entries = change(await this.load())
      try {
        await writeJsonFile(this.file, toRecentFile(this.entries))
      } catch (err) {
        // The list still works for this session; only remembering it failed.
        this.onProblem(`Could not save the recent boards list to ${this.file}: ${err instanceof Error ? err.message : String(err)}`)
      }
    })
    for (const listener of this.listeners) listener(what)
  }
}
