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
  | {
      status: 'opened'
      path: string
      name: string
      board: Board
      /** Upgrades from older file versions, one line each. */
      notices: string[]
      /** What was repaired while opening, one readable line per kind of repair. */
      warnings?: string[]
    }
  | { status: 'failed'; path: string; message: string }

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

export type DiscardAnswer = 'save' | 'discard' | 'cancel'

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
