import type { Board } from './board'

/**
 * The contract between the renderer and the main process. The preload builds
 * `window.boardApi` from `invokeChannels` and `eventChannels`; the main process
 * registers one handler per invoke channel; the browser test harness serves the
 * same handlers. Channels are `area:verb` and carry the `orgboard:` prefix the
 * preload checks.
 */

export type OpenOutcome =
  | { status: 'cancelled' }
  | { status: 'opened'; path: string; name: string; board: Board; notices: string[] }
  | { status: 'failed'; path: string; message: string }

export type SaveOutcome =
  | { status: 'cancelled' }
  | { status: 'saved'; path: string; name: string }
  | { status: 'failed'; path: string; message: string }

export type DiscardAnswer = 'save' | 'discard' | 'cancel'

/** Files Orgboard exchanges with other tools (see src/shared/interop). */
export const interopFormats = {
  mermaid: { name: 'Mermaid flowchart', extension: 'mmd' },
  jsonCanvas: { name: 'JSON Canvas', extension: 'canvas' },
  csv: { name: 'CSV of initiatives', extension: 'csv' }
} as const
export type InteropFormat = keyof typeof interopFormats
export type ExportFormat = 'mermaid' | 'jsonCanvas'
export type ImportFormat = 'jsonCanvas' | 'csv'

export type ImportOutcome =
  | { status: 'cancelled' }
  | { status: 'read'; path: string; name: string; text: string }
  | { status: 'failed'; path: string; message: string }

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
  /** Asks where to save an export (Mermaid, JSON Canvas) and writes its text there. */
  exportText(args: { format: ExportFormat; text: string; suggestedName: string }): Promise<SaveOutcome>
  /** Asks for a file to import (JSON Canvas, CSV) and returns its text; the renderer converts it. */
  importFile(args: { format: ImportFormat }): Promise<ImportOutcome>
}

export const invokeChannels = {
  openBoard: 'orgboard:board:open',
  saveBoard: 'orgboard:board:save',
  newBoard: 'orgboard:board:new',
  confirmDiscard: 'orgboard:dialog:confirmDiscard',
  setWindowState: 'orgboard:window:setState',
  closeWindow: 'orgboard:window:close',
  exportText: 'orgboard:interop:exportText',
  importFile: 'orgboard:interop:importFile'
} as const satisfies Record<keyof BoardApiMethods, `orgboard:${string}`>

/** Messages from the main process to the renderer. */
export interface BoardApiEvents {
  /** A native menu item was chosen: run the action with this id. */
  command: string
  /** The user asked to close the window; the renderer answers with closeWindow() or not at all. */
  closeRequested: null
}

export const eventChannels = {
  command: 'orgboard:menu:command',
  closeRequested: 'orgboard:window:closeRequested'
} as const satisfies Record<keyof BoardApiEvents, `orgboard:${string}`>

export type Unsubscribe = () => void

export type BoardApi = BoardApiMethods & {
  on<E extends keyof BoardApiEvents>(event: E, listener: (payload: BoardApiEvents[E]) => void): Unsubscribe
}

export type Invoke = (channel: string, arg: unknown) => Promise<unknown>
export type Listen = (channel: string, listener: (payload: unknown) => void) => Unsubscribe

/** Builds boardApi from a transport: ipcRenderer in the preload, a Playwright binding in tests. */
export function createBoardApi(invoke: Invoke, listen: Listen): BoardApi {
  const methods = Object.fromEntries(
    Object.entries(invokeChannels).map(([method, channel]) => [method, (arg?: unknown) => invoke(channel, arg)])
  ) as unknown as BoardApiMethods
  return {
    ...methods,
    on: (event, listener) => listen(eventChannels[event], listener as (payload: unknown) => void)
  }
}

/** A board's display name from its path: the file name without `.orgboard`. */
export function boardNameFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path
  return base.replace(/\.orgboard$/i, '') || base
}
