import { basename } from 'node:path'
import type {
  BoardApiEvents,
  BoardApiMethods,
  DiscardAnswer,
  ExportFormat,
  ExportOutcome,
  ImportFormat,
  ImportOutcome,
  OpenOutcome,
  RecentBoard,
  SaveOutcome,
  TemplateList,
  TemplateOutcome,
  TextExportFormat,
  WindowState
} from '../shared/api'
import { boardNameFromPath, interopFormats } from '../shared/api'
import type { Board } from '../shared/board'
import type { RecentBoards } from './desktop/recentBoards'
import { hasBoardExtension, isPlausiblePath } from './desktop/paths'
import { readBoardFile, writeBoardFile } from './files/boardFiles'
import { withExtension, writeExportFile } from './files/exportFiles'
import { listTemplates, readTemplate } from './files/templates'
import { readTextFile, writeTextFile } from './files/textFiles'

/** What the handlers need from the windowing system; Electron in the app, scripted answers in tests. */
export interface WindowHost {
  chooseOpenPath(): Promise<string | null>
  chooseSavePath(suggestedName: string): Promise<string | null>
  /** Where to write an export (an image, or Mermaid / JSON Canvas text); `suggestedName` has no extension. */
  chooseExportPath(suggestedName: string, format: ExportFormat | TextExportFormat): Promise<string | null>
  confirmDiscard(name: string): Promise<DiscardAnswer>
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

/** What all windows share. */
export interface AppServices {
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
}

export interface HandlerOptions {
  /** The folder of shipped templates (resources/templates); without it there are none to offer. */
  templatesDir?: string
}

/**
 * The handlers behind boardApi for one window. Plain Node: the Electron glue
 * registers them on ipcMain, the browser test harness calls them directly.
 * The window's file path lives here, so the renderer never names a path to write,
 * and it only opens paths that came from a dialog, main's offer, the recent list
 * or a file the user dropped.
 */
export function createBoardHandlers(host: WindowHost, services: AppServices, options: HandlerOptions = {}): BoardHandlers {
  let path: string | null = null
  /** What Save suggests for a board without a file: the template's name, once one was opened. */
  let untitledName = 'Untitled'
  /** Paths offered to this window and not opened yet. */
  const offered = new Set<string>()
  /** Offers waiting for the renderer to listen. */
  const waiting: string[] = []
  let rendererListening = false

  const open = async (chosen: string): Promise<OpenOutcome> => {
    if (host.showElsewhere(chosen)) return { status: 'elsewhere', path: chosen, name: boardNameFromPath(chosen) }
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
    await services.recent.add(chosen)
    return { status: 'opened', path: chosen, name: boardNameFromPath(chosen), board: result.board, notices: result.notices }
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
      let target = saveAs ? null : path
      if (!target) {
        target = await host.chooseSavePath(path ? boardNameFromPath(path) : untitledName)
        if (!target) return { status: 'cancelled' }
        if (!/\.orgboard$/i.test(target)) target += '.orgboard'
      }
      const result = await writeBoardFile(target, board)
      if (!result.ok) return { status: 'failed', path: target, message: result.message }
      path = target
      await services.recent.add(target)
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
      if (outcome.status === 'opened') {
        path = null
        untitledName = outcome.name
      }
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
    }
  }
}
