import type { BoardApiMethods, DiscardAnswer, ImportOutcome, InteropFormat, OpenOutcome, SaveOutcome, WindowState } from '../shared/api'
import { boardNameFromPath, interopFormats } from '../shared/api'
import type { Board } from '../shared/board'
import { readBoardFile, writeBoardFile } from './files/boardFiles'
import { readTextFile, writeTextFile } from './files/textFiles'

/** What the handlers need from the windowing system; Electron in the app, scripted answers in tests. */
export interface WindowHost {
  chooseOpenPath(): Promise<string | null>
  chooseSavePath(suggestedName: string): Promise<string | null>
  confirmDiscard(name: string): Promise<DiscardAnswer>
  setWindowState(state: WindowState & { path: string | null }): void
  close(): void
  /** Where to save an export of `format` (a `.mmd`, a `.canvas`); null when cancelled. */
  chooseExportPath(suggestedName: string, format: InteropFormat): Promise<string | null>
  /** Which file of `format` to import; null when cancelled. */
  chooseImportPath(format: InteropFormat): Promise<string | null>
}

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path

/**
 * The handlers behind boardApi for one window. Plain Node: the Electron glue
 * registers them on ipcMain, the browser test harness calls them directly.
 * The window's file path lives here, so the renderer never names a path to write.
 */
export function createBoardHandlers(host: WindowHost): BoardApiMethods & { currentPath(): string | null } {
  let path: string | null = null

  return {
    currentPath: () => path,

    async openBoard(): Promise<OpenOutcome> {
      const chosen = await host.chooseOpenPath()
      if (!chosen) return { status: 'cancelled' }
      const result = await readBoardFile(chosen)
      if (!result.ok) return { status: 'failed', path: chosen, message: result.message }
      path = chosen
      return { status: 'opened', path: chosen, name: boardNameFromPath(chosen), board: result.board, notices: result.notices }
    },

    async saveBoard({ board, saveAs }: { board: Board; saveAs: boolean }): Promise<SaveOutcome> {
      let target = saveAs ? null : path
      if (!target) {
        target = await host.chooseSavePath(path ? boardNameFromPath(path) : 'Untitled')
        if (!target) return { status: 'cancelled' }
        if (!/\.orgboard$/i.test(target)) target += '.orgboard'
      }
      const result = await writeBoardFile(target, board)
      if (!result.ok) return { status: 'failed', path: target, message: result.message }
      path = target
      return { status: 'saved', path: target, name: boardNameFromPath(target) }
    },

    async newBoard(): Promise<void> {
      path = null
    },

    confirmDiscard: ({ name }) => host.confirmDiscard(name),

    async setWindowState(state: WindowState): Promise<void> {
      host.setWindowState({ ...state, path })
    },

    async closeWindow(): Promise<void> {
      host.close()
    },

    async exportText({ format, text, suggestedName }): Promise<SaveOutcome> {
      let target = await host.chooseExportPath(suggestedName, format)
      if (!target) return { status: 'cancelled' }
      const extension = `.${interopFormats[format].extension}`
      if (!target.toLowerCase().endsWith(extension)) target += extension
      const result = await writeTextFile(target, text)
      if (!result.ok) return { status: 'failed', path: target, message: result.message }
      return { status: 'saved', path: target, name: fileName(target) }
    },

    async importFile({ format }): Promise<ImportOutcome> {
      const chosen = await host.chooseImportPath(format)
      if (!chosen) return { status: 'cancelled' }
      const result = await readTextFile(chosen)
      if (!result.ok) return { status: 'failed', path: chosen, message: result.message }
      const name = fileName(chosen).replace(/\.[^.]+$/, '') || fileName(chosen)
      return { status: 'read', path: chosen, name, text: result.text }
    }
  }
}
