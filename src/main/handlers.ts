import { join } from 'node:path'
import type {
  BoardApiMethods,
  ConflictAnswer,
  DiscardAnswer,
  OpenOutcome,
  RecoveryEntry,
  RestoreOutcome,
  SaveOutcome,
  VersionEntry,
  VersionOutcome,
  WindowState
} from '../shared/api'
import { boardNameFromPath } from '../shared/api'
import type { Board } from '../shared/board'
import { serializeBoard } from '../shared/serialize'
import { MAX_BOARD_FILE_BYTES, boardFileText, diskState, readBoardFile, writeBoardFile } from './files/boardFiles'
import { createRecoveryStore, isRecoveryId, type RecoveryStore } from './files/recoveryStore'
import { createVersionStore, type VersionStore } from './files/versionStore'

/** What the handlers need from the windowing system; Electron in the app, scripted answers in tests. */
export interface WindowHost {
  chooseOpenPath(): Promise<string | null>
  chooseSavePath(suggestedName: string): Promise<string | null>
  confirmDiscard(name: string): Promise<DiscardAnswer>
  /** Save found the file changed on disk by another program since it was opened or last saved. */
  confirmConflict(name: string): Promise<ConflictAnswer>
  setWindowState(state: WindowState & { path: string | null }): void
  close(): void
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

/** The app-wide stores every window shares, kept in the app's own user-data folder. */
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

export type BoardHandlers = BoardApiMethods & {
  currentPath(): string | null
  /** The window is gone (closed, or its renderer died): stop counting its recovery copy as live. */
  dispose(): void
}

/**
 * The handlers behind boardApi for one window. Plain Node: the Electron glue
 * registers them on ipcMain, the browser test harness calls them directly.
 * The window's file path lives here, so the renderer never names a path to write.
 */
export function createBoardHandlers(host: WindowHost, services: BoardServices): BoardHandlers {
  const { recovery, versions } = services
  let path: string | null = null
  /** Hash of the file as this window last read or wrote it; Save compares it with the disk. */
  let baseHash: string | null = null
  let recoveryId = recovery.newId()

  /** Recovery writes and deletes run one at a time, in the order the renderer asked. */
  let queue: Promise<unknown> = Promise.resolve()
  const inOrder = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task)
    queue = next.catch(() => {})
    return next
  }
  const dropRecovery = (): Promise<void> => inOrder(() => recovery.discard(recoveryId))

  async function write(target: string, board: Board, notices: string[]): Promise<SaveOutcome> {
    const result = await writeBoardFile(target, board)
    if (!result.ok) return { status: 'failed', path: target, message: result.message }
    path = target
    baseHash = result.hash
    await versions.record(target, result.text, board.cards.length)
    await dropRecovery()
    return { status: 'saved', path: target, name: boardNameFromPath(target), ...(notices.length ? { notices } : {}) }
  }

  async function chooseAndWrite(board: Board): Promise<SaveOutcome> {
    let target = await host.chooseSavePath(path ? boardNameFromPath(path) : 'Untitled')
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

    dispose() {
      recovery.release(recoveryId)
    },

    async openBoard(): Promise<OpenOutcome> {
      const chosen = await host.chooseOpenPath()
      if (!chosen) return { status: 'cancelled' }
      const result = await readBoardFile(chosen)
      if (!result.ok) return { status: 'failed', path: chosen, message: result.message }
      path = chosen
      baseHash = result.hash
      return {
        status: 'opened',
        path: chosen,
        name: boardNameFromPath(chosen),
        board: result.board,
        notices: result.notices,
        warnings: result.warnings
      }
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
      path = null
      baseHash = null
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
