import { samePath } from './paths'

/**
 * Which window a board opens in, and in which order windows are asked about
 * unsaved changes when the app quits. Plain data in, a decision out.
 */

export interface WindowInfo {
  id: number
  /** The board file the window shows; null for a new board. */
  path: string | null
  /** A file already on its way to this window (offered, not loaded yet). */
  pendingPath: string | null
  /** Unsaved changes, as the renderer last reported. */
  edited: boolean
  /** When it last had focus (any increasing number); the larger, the more recent. */
  focusedAt: number
}

export type WindowChoice =
  /** The board is already open there (or on its way): bring that window to the front. */
  | { kind: 'focus'; id: number }
  /** An untouched new board: open the file in it instead of leaving it behind. */
  | { kind: 'reuse'; id: number }
  | { kind: 'new' }

/**
 * For a file from outside (command line, double-click, second launch): one board
 * per window, never the same board in two windows, and an empty window is used
 * rather than left behind.
 */
export function chooseWindowForFile(path: string, windows: readonly WindowInfo[], platform: NodeJS.Platform): WindowChoice {
  const showing = windowShowing(path, windows, platform)
  if (showing !== null) return { kind: 'focus', id: showing }
  const untouched = byRecentFocus(windows.filter((w) => w.path === null && w.pendingPath === null && !w.edited))
  const reuse = untouched[0]
  return reuse ? { kind: 'reuse', id: reuse.id } : { kind: 'new' }
}

/** The window (most recently focused, if several) that shows or is about to show this file; `except` is left out. */
export function windowShowing(path: string, windows: readonly WindowInfo[], platform: NodeJS.Platform, except?: number): number | null {
  const matches = windows.filter(
    (w) =>
      w.id !== except &&
      ((w.path !== null && samePath(w.path, path, platform)) || (w.pendingPath !== null && samePath(w.pendingPath, path, platform)))
  )
  return byRecentFocus(matches)[0]?.id ?? null
}

/**
 * The order in which quitting asks windows to close: boards with unsaved changes
 * first (most recently used first), so that cancelling one of those questions
 * leaves every other window open; the rest close without a question.
 */
export function quitOrder(windows: readonly WindowInfo[]): number[] {
  const edited = byRecentFocus(windows.filter((w) => w.edited))
  const clean = byRecentFocus(windows.filter((w) => !w.edited))
  return [...edited, ...clean].map((w) => w.id)
}

function byRecentFocus(windows: readonly WindowInfo[]): WindowInfo[] {
  return [...windows].sort((a, b) => b.focusedAt - a.focusedAt)
}
