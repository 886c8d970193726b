import type { BoardApiMethods, DiscardAnswer, OpenOutcome, SaveOutcome, TemplateList, TemplateOutcome, WindowState } from '../shared/api'
import { boardNameFromPath } from '../shared/api'
import type { Board } from '../shared/board'
import { readBoardFile, writeBoardFile } from './files/boardFiles'
import { listTemplates, readTemplate } from './files/templates'

/** What the handlers need from the windowing system; Electron in the app, scripted answers in tests. */
export interface WindowHost {
  chooseOpenPath(): Promise<string | null>
  chooseSavePath(suggestedName: string): Promise<string | null>
  confirmDiscard(name: string): Promise<DiscardAnswer>
  setWindowState(state: WindowState & { path: string | null }): void
  close(): void
}

export interface HandlerOptions {
  /** The folder of shipped templates (resources/templates); without it there are none to offer. */
  templatesDir?: string
}

/**
 * The handlers behind boardApi for one window. Plain Node: the Electron glue
 * registers them on ipcMain, the browser test harness calls them directly.
 * The window's file path lives here, so the renderer never names a path to write.
 */
export function createBoardHandlers(host: WindowHost, options: HandlerOptions = {}): BoardApiMethods & { currentPath(): string | null } {
  let path: string | null = null
  /** What Save suggests for a board without a file: the template's name, once one was opened. */
  let untitledName = 'Untitled'

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
        target = await host.chooseSavePath(path ? boardNameFromPath(path) : untitledName)
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
      untitledName = 'Untitled'
    },

    confirmDiscard: ({ name }) => host.confirmDiscard(name),

    async setWindowState(state: WindowState): Promise<void> {
      host.setWindowState({ ...state, path })
    },

    async closeWindow(): Promise<void> {
      host.close()
    },

    async listTemplates(): Promise<TemplateList> {
      if (!options.templatesDir) return { status: 'failed', message: 'This copy of Orgboard has no templates folder.' }
      return listTemplates(options.templatesDir)
    },

    async openTemplate({ id }: { id: string }): Promise<TemplateOutcome> {
      if (!options.templatesDir) return { status: 'failed', message: 'This copy of Orgboard has no templates folder.' }
      const outcome = await readTemplate(options.templatesDir, id)
      // The new board has no file: Save asks where, so the template itself is never written over.
      if (outcome.status === 'opened') {
        path = null
        untitledName = outcome.name
      }
      return outcome
    }
  }
}
