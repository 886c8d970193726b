import { basename, join } from 'node:path'
import type {
  BoardApiEvents,
  BoardApiMethods,
  ConflictAnswer,
  DiscardAnswer,
  ExportFormat,
  ExportOutcome,
  ImportFormat,
  ImportOutcome,
  OpenOutcome,
  RecentBoard,
  RecoveryEntry,
  RestoreOutcome,
  SaveOutcome,
  TemplateList,
  TemplateOutcome,
  TextExportFormat,
  VersionEntry,
  VersionOutcome,
  WindowState
} from '../shared/api'
import { boardNameFromPath, interopFormats } from '../shared/api'
import type { Board } from '../shared/board'
import { serializeBoard } from '../shared/serialize'
import type { RecentBoards } from './desktop/recentBoards'
import { hasBoardExtension, isPlausiblePath } from './desktop/paths'
import { MAX_BOARD_FILE_BYTES, boardFileText, diskState, readBoardFile, writeBoardFile } from './files/boardFiles'
import { withExtension, writeExportFile } from './files/exportFiles'
import { createRecoveryStore, isRecoveryId, type RecoveryStore } from './files/recoveryStore'
import { listTemplates, readTemplate } from './files/templates'
import { readTextFile, writeTextFile } from './files/textFiles'
import { createVersionStore, type VersionStore } from './files/versionStore'

/** What the handlers need from the windowing system; Electron in the app, scripted answers in tests. */
export interface WindowHost {
  chooseOpenPath(): Promise<string | null>
  chooseSavePath(suggestedName: string): Promise<string | null>
  /** Where to write an export (an image, or Mermaid / JSON Canvas text); `suggestedName` has no extension. */
  chooseExportPath(suggestedName: string, format: ExportFormat | TextExportFormat): Promise<string | null>
  confirmDiscard(name: string): Promise<DiscardAnswer>
  /** Save found the file changed on disk by another program since it was opened or last saved. */
  confirmConflict(name: string): Promise<ConflictAnswer>
  setWindowState(state: WindowState & { path: string | null }): void
  close(): void
  /** Sends an event to this window's renderer. */
  send<E extends keyof BoardApiEvents>(event: E, payload: BoardApiEvents[E]): void
  /** Another window shows this board: it comes to the front, and the answer is true. */
  showElsewhere(path: string): boolean
  /** Opens another window with a new board. */
  newWindow(): void
  /** Which file of `format` to import (a `.canvas`, a `.csv`); null when cancelled. */
  chooseImportPath(format: ImportFormat): Promise<string | null>
}

/** The stores of recovery copies and earlier versions, kept in the app's own user-data folder. */
export interface BoardServices {
  recovery: RecoveryStore
  versions: VersionStore
}

export function createBoardServices(userDataDir: string): BoardServices {
  return {
    recovery: createRecoveryStore(join(userDataDir, 'Recovery')),
    versions: createVersionStore(join(userDataDir, 'Versions'))
  }
}

/** What all windows share. */
export interface AppServices extends BoardServices {
  recent: RecentBoards
}

/** The renderer asked to open a path nobody gave it: a bug or a compromised renderer, never a user action. */
export class RefusedPathError extends Error {
  override name = 'RefusedPathError'
}

export type BoardHandlers = BoardApiMethods & {
  /** The board file this window shows (null for a new board). */
  currentPath(): string | null
  /**
   * Offers the window a file from outside (command line, OS, second launch,
   * native Open Recent): the renderer gets an `openFile` event once it listens,
   * and may then open exactly this path with openPath.
   */
  offerPath(path: string): void
  /** Offered paths the renderer has not opened yet. */
  offeredPaths(): string[]
  /** The page is reloading or its renderer is gone: hold events until it says it is ready again. */
  rendererGone(): void
  /** The window is gone (closed, or its renderer died): stop counting its recovery copy as live. */
  dispose(): void
}

export interface HandlerOptions {
  /** The folder of shipped templates (resources/templates); without it there are none to offer. */
  templatesDir?: string
}

/** File text of whatever board the renderer holds, for its recovery copy; throws if it cannot be written at all. */
function recoveryText(board: Board): string {
  let text: string
  try {
    text = serializeBoard(board)
  } catch (err) {
    throw new Error(`Recovery copy not written: the board could not be serialised (${err instanceof Error ? err.message : String(err)})`, { cause: err })
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_BOARD_FILE_BYTES) throw new Error('Recovery copy not written: the board is over the size limit')
  return text
}

/**
 * The handlers behind boardApi for one window. Plain Node: the Electron glue
 * registers them on ipcMain, the browser test harness calls them directly.
 * The window's file path lives here, so the renderer never names a path to write,
 * and it only opens paths that came from a dialog, main's offer, the recent list
 * or a file the user dropped.
 */
export function createBoardHandlers(host: WindowHost, services: AppServices, options: HandlerOptions = {}): BoardHandlers {
  const { recovery, versions } = services
  let path: string | null = null
  /** Hash of the file as this window last read or wrote it; Save compares it with the disk. */
  let baseHash: string | null = null
  /** What Save suggests for a board without a file: the template's name, once one was opened. */
  let untitledName = 'Untitled'
  /** Paths offered to this window and not opened yet. */
  const offered = new Set<string>()
  /** Offers waiting for the renderer to listen. */
  const waiting: string[] = []
  let rendererListening = false
  let recoveryId = recovery.newId()

  /** Recovery writes and deletes run one at a time, in the order the renderer asked. */
  let queue: Promise<unknown> = Promise.resolve()
  const inOrder = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task)
    queue = next.catch(() => {})
    return next
  }
  const dropRecovery = (): Promise<void> => inOrder(() => recovery.discard(recoveryId))

  /** This window's board has no file now (new board, template, a board read out of an image). */
  const forgetFile = (name = 'Untitled'): void => {
    path = null
    baseHash = null
    untitledName = name
  }

  const open = async (chosen: string): Promise<OpenOutcome> => {
    if (host.showElsewhere(chosen)) return { status: 'elsewhere', path: chosen, name: boardNameFromPath(chosen) }
    const result = await readBoardFile(chosen)
    if (!result.ok) return { status: 'failed', path: chosen, message: result.message }
    if (result.source !== 'board') {
      // The image is not the board's file: Save must not write board JSON over a picture.
      const name = basename(chosen).replace(/\.(png|svg)$/i, '') || 'Untitled'
      forgetFile()
      const notice = `Opened the board saved inside "${basename(chosen)}". Save will ask where to keep it as an Orgboard file.`
      return {
        status: 'opened',
        path: chosen,
        name,
        board: result.board,
        notices: [notice, ...result.notices],
        warnings: result.warnings,
        fromImage: result.source
      }
    }
    path = chosen
    baseHash = result.hash
    await services.recent.add(chosen)
    return { status: 'opened', path: chosen, name: boardNameFromPath(chosen), board: result.board, notices: result.notices, warnings: result.warnings }
  }

  async function write(target: string, board: Board, notices: string[]): Promise<SaveOutcome> {
    const result = await writeBoardFile(target, board)
    if (!result.ok) return { status: 'failed', path: target, message: result.message }
    path = target
    baseHash = result.hash
    await versions.record(target, result.text, board.cards.length)
    await dropRecovery()
    await services.recent.add(target)
    return { status: 'saved', path: target, name: boardNameFromPath(target), ...(notices.length ? { notices } : {}) }
  }

  async function chooseAndWrite(board: Board): Promise<SaveOutcome> {
    let target = await host.chooseSavePath(path ? boardNameFromPath(path) : untitledName)
    if (!target) return { status: 'cancelled' }
    if (!/\.orgboard$/i.test(target)) target += '.orgboard'
    return write(target, board, [])
  }

  /** The facilitator chose to reload a file changed on disk; the unsaved board is kept as a version first. */
  async function reload(target: string, unsaved: Board): Promise<SaveOutcome> {
    const result = await readBoardFile(target)
    if (!result.ok) return { status: 'failed', path: target, message: result.message }
    const text = boardFileText(unsaved)
    if (text.ok) await versions.record(target, text.text, unsaved.cards.length)
    baseHash = result.hash
    return {
      status: 'reloaded',
      path: target,
      name: boardNameFromPath(target),
      board: result.board,
      notices: [
        ...result.notices,
        ...(text.ok ? ['Your unsaved changes were kept: File > Restore a Previous Version… brings them back.'] : [])
      ],
      warnings: result.warnings
    }
  }

  return {
    currentPath: () => path,

    offerPath(offer: string): void {
      offered.add(offer)
      if (rendererListening) host.send('openFile', { path: offer })
      else waiting.push(offer)
    },

    offeredPaths: () => [...offered],

    rendererGone(): void {
      rendererListening = false
    },

    dispose() {
      recovery.release(recoveryId)
    },

    async rendererReady(): Promise<void> {
      rendererListening = true
      for (const offer of waiting.splice(0)) host.send('openFile', { path: offer })
    },

    async openBoard(): Promise<OpenOutcome> {
      const chosen = await host.chooseOpenPath()
      if (!chosen) return { status: 'cancelled' }
      return open(chosen)
    },

    async openPath({ path: offer }): Promise<OpenOutcome> {
      if (!offered.delete(offer)) throw new RefusedPathError('openPath: this path was not offered to this window')
      return open(offer)
    },

    async openRecent({ path: recent }): Promise<OpenOutcome> {
      if (!(await services.recent.has(recent))) throw new RefusedPathError('openRecent: this path is not in the recent boards list')
      return open(recent)
    },

    async openDropped({ path: dropped }): Promise<OpenOutcome> {
      // The path comes from the preload (webUtils.getPathForFile of a file the user dropped).
      if (!isPlausiblePath(dropped, process.platform)) throw new RefusedPathError('openDropped: not an absolute file path')
      if (!hasBoardExtension(dropped)) {
        const name = dropped.split(/[\\/]/).pop() ?? dropped
        return { status: 'failed', path: dropped, message: `Could not open "${name}": Orgboard opens board files (.orgboard).` }
      }
      return open(dropped)
    },

    async saveBoard({ board, saveAs }: { board: Board; saveAs: boolean }): Promise<SaveOutcome> {
      if (saveAs || !path) return chooseAndWrite(board)
      const target = path
      const name = boardNameFromPath(target)
      const disk = await diskState(target)
      if (disk.kind === 'missing') {
        return write(target, board, [`"${name}" had been deleted or moved since it was opened, so Orgboard saved it again at ${target}.`])
      }
      // Identical bytes are no conflict (a sync tool rewrote the same file); unreadable files are left to the save to report.
      if (disk.kind === 'file' && baseHash !== null && disk.hash !== baseHash) {
        const answer = await host.confirmConflict(name)
        if (answer === 'cancel') return { status: 'cancelled' }
        if (answer === 'reload') return reload(target, board)
        if (answer === 'saveAs') return chooseAndWrite(board)
      }
      return write(target, board, [])
    },

    async newBoard(): Promise<void> {
      forgetFile()
    },

    confirmDiscard: ({ name }) => host.confirmDiscard(name),

    async setWindowState(state: WindowState): Promise<void> {
      host.setWindowState({ ...state, path })
    },

    async closeWindow(): Promise<void> {
      // The renderer asks only once unsaved changes were saved or deliberately discarded.
      await dropRecovery()
      recovery.release(recoveryId)
      host.close()
    },

    listRecent: (): Promise<RecentBoard[]> => services.recent.list(),

    async removeRecent({ path: entry }): Promise<RecentBoard[]> {
      await services.recent.remove(entry)
      return services.recent.list()
    },

    async clearRecent(): Promise<RecentBoard[]> {
      await services.recent.clear()
      return services.recent.list()
    },

    async newWindow(): Promise<void> {
      host.newWindow()
    },

    async listTemplates(): Promise<TemplateList> {
      if (!options.templatesDir) return { status: 'failed', message: 'This copy of Orgboard has no templates folder.' }
      return listTemplates(options.templatesDir)
    },

    async openTemplate({ id }: { id: string }): Promise<TemplateOutcome> {
      if (!options.templatesDir) return { status: 'failed', message: 'This copy of Orgboard has no templates folder.' }
      const outcome = await readTemplate(options.templatesDir, id)
      // The new board has no file: Save asks where, so the template itself is never written over.
      if (outcome.status === 'opened') forgetFile(outcome.name)
      return outcome
    },

    async exportImage({ format, data, suggestedName }): Promise<ExportOutcome> {
      const chosen = await host.chooseExportPath(suggestedName, format)
      if (!chosen) return { status: 'cancelled' }
      const target = withExtension(chosen, format)
      const result = await writeExportFile(target, data)
      if (!result.ok) return { status: 'failed', path: target, message: result.message }
      return { status: 'exported', path: target, name: basename(target) }
    },

    async exportText({ format, text, suggestedName }): Promise<SaveOutcome> {
      let target = await host.chooseExportPath(suggestedName, format)
      if (!target) return { status: 'cancelled' }
      const extension = `.${interopFormats[format].extension}`
      if (!target.toLowerCase().endsWith(extension)) target += extension
      const result = await writeTextFile(target, text)
      if (!result.ok) return { status: 'failed', path: target, message: result.message }
      return { status: 'saved', path: target, name: basename(target) }
    },

    async importFile({ format }): Promise<ImportOutcome> {
      const chosen = await host.chooseImportPath(format)
      if (!chosen) return { status: 'cancelled' }
      const result = await readTextFile(chosen)
      if (!result.ok) return { status: 'failed', path: chosen, message: result.message }
      const name = basename(chosen).replace(/\.[^.]+$/, '') || basename(chosen)
      return { status: 'read', path: chosen, name, text: result.text }
    },

    async saveRecovery({ board, name, changedAt }): Promise<void> {
      // Not validated against the schema (that costs ~0.1 s per thousand cards, every second of editing):
      // a copy is kept even of a board a bug made invalid, and a restore reads it like any untrusted file.
      const text = recoveryText(board)
      const snapshot = { text, cards: board.cards.length, name, path, baseHash, changedAt: Math.min(changedAt, Date.now()) }
      await inOrder(() => recovery.write(recoveryId, snapshot))
    },

    discardRecovery: dropRecovery,

    listRecovery: (): Promise<RecoveryEntry[]> => recovery.list(),

    async restoreRecovery({ id }): Promise<RestoreOutcome> {
      const claimed = await recovery.claim(id)
      if (!claimed.ok) return { status: 'failed', message: claimed.message }
      // This window's own copy (of the board it is replacing) goes; the restored copy is its copy now.
      await dropRecovery()
      recovery.release(recoveryId)
      recoveryId = id
      path = claimed.path
      baseHash = claimed.baseHash
      untitledName = claimed.path ? 'Untitled' : claimed.name
      return { status: 'restored', name: claimed.name, path: claimed.path, board: claimed.board, warnings: claimed.warnings }
    },

    async deleteRecovery({ id }): Promise<void> {
      if (!isRecoveryId(id) || id === recoveryId) return
      if (!(await recovery.list()).some((entry) => entry.id === id)) return // a live window's copy is not ours to delete
      await recovery.discard(id)
    },

    async listVersions(): Promise<VersionEntry[]> {
      if (!path) return []
      const all = await versions.list(path)
      // The version that is the file as it is now is not a "previous" one.
      return all.filter((v, i) => !(i === 0 && baseHash !== null && baseHash.startsWith(v.id.slice(-8))))
    },

    async readVersion({ id }): Promise<VersionOutcome> {
      if (!path) return { status: 'failed', message: 'This board has no file yet, so it has no earlier versions.' }
      const result = await versions.read(path, id)
      return result.ok ? { status: 'read', board: result.board, savedAt: result.savedAt, warnings: result.warnings } : { status: 'failed', message: result.message }
    }
  }
}
