import type { Board } from './board'
import type { BoardPreview } from './preview'

/**
 * The contract between the renderer and the main process. The preload builds
 * `window.boardApi` from `invokeChannels` and `eventChannels`; the main process
 * registers one handler per invoke channel; the browser test harness serves the
 * same handlers. Channels are `area:verb` and carry the `orgboard:` prefix the
 * preload checks.
 */

export type OpenOutcome =
  | { status: 'cancelled' }
  | {
      status: 'opened'
      path: string
      name: string
      board: Board
      /** Upgrades from older file versions, one line each. */
      notices: string[]
      /** What was repaired while opening, one readable line per kind of repair. */
      warnings?: string[]
      /** Set when the board came out of an exported image: it has no board file yet, so Save asks where. */
      fromImage?: 'png' | 'svg'
    }
  | { status: 'failed'; path: string; message: string }
  /** Another window already shows this board; it came to the front and this window keeps its own. */
  | { status: 'elsewhere'; path: string; name: string }

/** One entry of the recent boards list (File > Open Recent). */
export interface RecentBoard {
  path: string
  /** The file name without `.orgboard`. */
  name: string
  /** The folder it is in, to tell boards with the same name apart. */
  folder: string
  /** The file is not there any more (moved, deleted, or on a disk that is not connected). */
  missing: boolean
}

/**
 * A file the user dropped on the window (a DOM File). Only the preload can turn
 * it into a path (Electron's webUtils.getPathForFile), so the renderer never
 * names a path for main to open.
 */
export interface DroppedFile {
  readonly name: string
}

export type SaveOutcome =
  | { status: 'cancelled' }
  | {
      status: 'saved'
      path: string
      name: string
      /** Something the facilitator should know, e.g. the file had been deleted and was written again. */
      notices?: string[]
    }
  | {
      /** The file had changed on disk and the facilitator chose to reload it: this is the board now on disk. */
      status: 'reloaded'
      path: string
      name: string
      board: Board
      notices: string[]
      warnings: string[]
    }
  | { status: 'failed'; path: string; message: string }

/** A board shipped with Orgboard to start a workshop from. */
export interface TemplateInfo {
  /** Stable id (the file name without extension); what openTemplate takes. */
  id: string
  name: string
  /** One or two sentences: what the room does with it. */
  description: string
  preview: BoardPreview
}

export type TemplateList =
  /** `problems`: templates that could not be read (left out of the list). */
  | { status: 'listed'; templates: TemplateInfo[]; problems: string[] }
  | { status: 'failed'; message: string }

/** A template opened as a new, untitled board: it has no file, so Save asks where to put it. */
export type TemplateOutcome = { status: 'opened'; name: string; board: Board } | { status: 'failed'; message: string }
/** An exported image's content: SVG text, or PNG or PDF bytes in parts. */
export type ExportData = string | Uint8Array[]
/** Image formats of File > Export. */
export type ExportFormat = 'png' | 'svg' | 'pdf'

export type ExportOutcome =
  | { status: 'cancelled' }
  | { status: 'exported'; path: string; name: string }
  | { status: 'failed'; path: string; message: string }

export type DiscardAnswer = 'save' | 'discard' | 'cancel'

/** Files Orgboard exchanges with other tools (see src/shared/interop). */
export const interopFormats = {
  mermaid: { name: 'Mermaid flowchart', extension: 'mmd' },
  jsonCanvas: { name: 'JSON Canvas', extension: 'canvas' },
  csv: { name: 'CSV of initiatives', extension: 'csv' }
} as const
export type InteropFormat = keyof typeof interopFormats
/** Text formats of File > Export as Mermaid / JSON Canvas (images are `ExportFormat`). */
export type TextExportFormat = 'mermaid' | 'jsonCanvas'
export type ImportFormat = 'jsonCanvas' | 'csv'

export type ImportOutcome =
  | { status: 'cancelled' }
  | { status: 'read'; path: string; name: string; text: string }
  | { status: 'failed'; path: string; message: string }

/** The answer when Save finds the file changed by another program since it was opened. */
export type ConflictAnswer = 'overwrite' | 'saveAs' | 'reload' | 'cancel'

/** A board with unsaved changes that a window was holding when the app stopped (crash, kill, power cut). */
export interface RecoveryEntry {
  id: string
  /** The board's name as its window showed it. */
  name: string
  /** Its file, or null for a board that was never saved. */
  path: string | null
  /** When it was last changed, in ms since 1970. */
  changedAt: number
  cards: number
}

export type RestoreOutcome =
  | { status: 'restored'; name: string; path: string | null; board: Board; warnings: string[] }
  | { status: 'failed'; message: string }

/** One earlier saved version of the window's board file. */
export interface VersionEntry {
  id: string
  /** When that version was saved, in ms since 1970. */
  savedAt: number
  bytes: number
  cards: number
}

export type VersionOutcome = { status: 'read'; board: Board; savedAt: number; warnings: string[] } | { status: 'failed'; message: string }

export interface WindowState {
  /** The board's name, without extension ("Untitled" for a new board). */
  name: string
  /** Unsaved changes. */
  edited: boolean
}

/** Each method the renderer may call, with its argument and result. */
export interface BoardApiMethods {
  /** Asks for a board file and opens it. */
  openBoard(): Promise<OpenOutcome>
  /** Saves to the board's file, or asks for one (always with `saveAs`). */
  saveBoard(args: { board: Board; saveAs: boolean }): Promise<SaveOutcome>
  /** Forgets the board's file, for File > New. */
  newBoard(): Promise<void>
  /** Asks whether to save unsaved changes before they would be lost. */
  confirmDiscard(args: { name: string }): Promise<DiscardAnswer>
  /** Title and edited marker of the window. */
  setWindowState(state: WindowState): Promise<void>
  /** Closes the window once the renderer has dealt with unsaved changes. */
  closeWindow(): Promise<void>
  /** Opens a path main offered this window with an `openFile` event (command line, OS, second launch, menu). */
  openPath(args: { path: string }): Promise<OpenOutcome>
  /** Opens a board from the recent list; refused for any other path. */
  openRecent(args: { path: string }): Promise<OpenOutcome>
  /** Main's side of openDroppedFile: the preload sends the dropped file's path. Not on the renderer's boardApi. */
  openDropped(args: { path: string }): Promise<OpenOutcome>
  /** The recent boards, most recent first, each checked on disk. */
  listRecent(): Promise<RecentBoard[]>
  /** Removes one entry from the recent list (the file is not touched); returns the new list. */
  removeRecent(args: { path: string }): Promise<RecentBoard[]>
  /** Empties the recent list; returns it (empty). */
  clearRecent(): Promise<RecentBoard[]>
  /** The renderer listens for events now: main sends what waited for it (a file to open). */
  rendererReady(): Promise<void>
  /** Opens another window with a new board. */
  newWindow(): Promise<void>
  /** The templates shipped with Orgboard, for the start screen. */
  listTemplates(): Promise<TemplateList>
  /** Starts a new board from a template; the window forgets its file, so Save never writes over the template. */
  openTemplate(args: { id: string }): Promise<TemplateOutcome>
  /**
   * Asks where to save an exported image and writes it; the board is not touched. SVG comes as text, PNG and
   * PDF as bytes in parts, written one after another: a PNG's bands need not be joined into one copy first.
   */
  exportImage(args: { format: ExportFormat; data: ExportData; suggestedName: string }): Promise<ExportOutcome>
  /** Asks where to save an export (Mermaid, JSON Canvas) and writes its text there. */
  exportText(args: { format: TextExportFormat; text: string; suggestedName: string }): Promise<SaveOutcome>
  /** Asks for a file to import (JSON Canvas, CSV) and returns its text; the renderer converts it. */
  importFile(args: { format: ImportFormat }): Promise<ImportOutcome>
  /** Keeps a recovery copy of the unsaved board in the app's own folder (never the board's file). */
  saveRecovery(args: { board: Board; name: string; changedAt: number }): Promise<void>
  /** Drops this window's recovery copy: the board was saved, or its changes deliberately discarded. */
  discardRecovery(): Promise<void>
  /** Unsaved boards left by windows that are gone (the app crashed or was killed). */
  listRecovery(): Promise<RecoveryEntry[]>
  /** Takes one of those boards into this window, still unsaved. */
  restoreRecovery(args: { id: string }): Promise<RestoreOutcome>
  /** Deletes one of those boards for good. */
  deleteRecovery(args: { id: string }): Promise<void>
  /** Earlier saved versions of this window's board file, newest first. */
  listVersions(): Promise<VersionEntry[]>
  /** Reads one of those versions. */
  readVersion(args: { id: string }): Promise<VersionOutcome>
}

export const invokeChannels = {
  openBoard: 'orgboard:board:open',
  saveBoard: 'orgboard:board:save',
  newBoard: 'orgboard:board:new',
  confirmDiscard: 'orgboard:dialog:confirmDiscard',
  setWindowState: 'orgboard:window:setState',
  closeWindow: 'orgboard:window:close',
  openPath: 'orgboard:board:openPath',
  openRecent: 'orgboard:board:openRecent',
  openDropped: 'orgboard:board:openDropped',
  listRecent: 'orgboard:recent:list',
  removeRecent: 'orgboard:recent:remove',
  clearRecent: 'orgboard:recent:clear',
  rendererReady: 'orgboard:window:ready',
  newWindow: 'orgboard:window:new',
  listTemplates: 'orgboard:templates:list',
  openTemplate: 'orgboard:templates:open',
  exportImage: 'orgboard:board:export',
  exportText: 'orgboard:interop:exportText',
  importFile: 'orgboard:interop:importFile',
  saveRecovery: 'orgboard:recovery:save',
  discardRecovery: 'orgboard:recovery:discard',
  listRecovery: 'orgboard:recovery:list',
  restoreRecovery: 'orgboard:recovery:restore',
  deleteRecovery: 'orgboard:recovery:delete',
  listVersions: 'orgboard:versions:list',
  readVersion: 'orgboard:versions:read'
} as const satisfies Record<keyof BoardApiMethods, `orgboard:${string}`>

/** Messages from the main process to the renderer. */
export interface BoardApiEvents {
  /** A native menu item was chosen: run the action with this id. */
  command: string
  /** The user asked to close the window; the renderer answers with closeWindow() or not at all. */
  closeRequested: null
  /** Main offers this window a board to open (after the unsaved-changes guard, with openPath). */
  openFile: { path: string }
}

export const eventChannels = {
  command: 'orgboard:menu:command',
  closeRequested: 'orgboard:window:closeRequested',
  openFile: 'orgboard:board:openFile'
} as const satisfies Record<keyof BoardApiEvents, `orgboard:${string}`>

export type Unsubscribe = () => void

/** What the renderer sees: the methods, except that a dropped file goes in as a File, never as a path. */
export type BoardApi = Omit<BoardApiMethods, 'openDropped'> & {
  /** Opens a board file the user dropped on the window. */
  openDroppedFile(file: DroppedFile): Promise<OpenOutcome>
  on<E extends keyof BoardApiEvents>(event: E, listener: (payload: BoardApiEvents[E]) => void): Unsubscribe
}

export type Invoke = (channel: string, arg: unknown) => Promise<unknown>
export type Listen = (channel: string, listener: (payload: unknown) => void) => Unsubscribe
/** A dropped file's path on disk, or "" when it has none (Electron's webUtils.getPathForFile). */
export type PathForFile = (file: DroppedFile) => string

/** Builds boardApi from a transport: ipcRenderer in the preload, a Playwright binding in tests. */
export function createBoardApi(invoke: Invoke, listen: Listen, pathForFile: PathForFile): BoardApi {
  const { openDropped: _mainOnly, ...methods } = Object.fromEntries(
    Object.entries(invokeChannels).map(([method, channel]) => [method, (arg?: unknown) => invoke(channel, arg)])
  ) as unknown as BoardApiMethods
  return {
    ...methods,
    openDroppedFile: async (file) => {
      const path = pathForFile(file)
      if (!path) return { status: 'failed', path: '', message: notOnDiskMessage(file.name) }
      return invoke(invokeChannels.openDropped, { path }) as Promise<OpenOutcome>
    },
    on: (event, listener) => listen(eventChannels[event], listener as (payload: unknown) => void)
  }
}

/** A dropped "file" that is not on disk: dragged out of a browser or a mail, say. */
export function notOnDiskMessage(name: string): string {
  return `Could not open "${name}": it is not a file on this computer. Save it to a folder first, then drop it from there.`
}

/** A board's display name from its path: the file name without `.orgboard`. */
export function boardNameFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path
  return base.replace(/\.orgboard$/i, '') || base
}
