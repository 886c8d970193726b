import { basename } from 'node:path'
import type { BoardApiMethods, DiscardAnswer, ExportFormat, ExportOutcome, OpenOutcome, SaveOutcome, WindowState } from '../shared/api'
import { boardNameFromPath } from '../shared/api'
import type { Board } from '../shared/board'
import { readBoardFile, writeBoardFile } from './files/boardFiles'
import { withExtension, writeExportFile } from './files/exportFiles'

/** What the handlers need from the windowing system; Electron in the app, scripted answers in tests. */
export interface WindowHost {
  chooseOpenPath(): Promise<string | null>
  chooseSavePath(suggestedName: string): Promise<string | null>
  /** Where to write an exported image; `suggestedName` has no extension. */
  chooseExportPath(suggestedName: string, format: ExportFormat): Promise<string | null>
  confirmDiscard(name: string): Promise<DiscardAnswer>
  setWindowState(state: WindowState & { path: string | null }): void
  close(): void
}

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
      if (result.source !== 'board') {
        // The image is not the board's file: Save must not write board JSON over a picture.
        path = null
        const name = basename(chosen).replace(/\.(png|svg)$/i, '') || 'Untitled'
        const notice = `Opened the board saved inside "${basename(chosen)}". Save will ask where to keep it as an Orgboard file.`
        return { status: 'opened', path: chosen, name, board: result.board, notices: [notice, ...result.notices], fromImage: result.source }
      }
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

    async exportImage({ format, data, suggestedName }): Promise<ExportOutcome> {
      const chosen = await host.chooseExportPath(suggestedName, format)
      if (!chosen) return { status: 'cancelled' }
      const target = withExtension(chosen, format)
      const result = await writeExportFile(target, data)
      if (!result.ok) return { status: 'failed', path: target, message: result.message }
      return { status: 'exported', path: target, name: basename(target) }
    }
  }
}
