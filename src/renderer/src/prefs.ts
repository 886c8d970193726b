/**
 * The facilitator's view preferences: kept in the renderer's localStorage (they
 * belong to this computer, not to a board file), never in history.
 */

export type ThemeChoice = 'system' | 'light' | 'dark'

export interface Prefs {
  /** Dragged, nudged and pasted cards land on the dot grid. */
  snapToGrid: boolean
  /** "system" follows the operating system's light or dark appearance. */
  theme: ThemeChoice
}

/** The dot grid's spacing in board units; snapping uses the same step. */
export const GRID = 24

export const defaultPrefs: Prefs = { snapToGrid: false, theme: 'system' }

const KEY = 'orgboard.prefs'

/** Reads saved preferences; anything missing or malformed falls back to its default. */
export function loadPrefs(storage: Pick<Storage, 'getItem'> | undefined): Prefs {
  let saved: unknown
  try {
    saved = JSON.parse(storage?.getItem(KEY) ?? 'null')
  } catch {
    saved = null
  }
  const s = saved !== null && typeof saved === 'object' ? (saved as Record<string, unknown>) : {}
  return {
    snapToGrid: typeof s.snapToGrid === 'boolean' ? s.snapToGrid : defaultPrefs.snapToGrid,
    theme: s.theme === 'light' || s.theme === 'dark' || s.theme === 'system' ? s.theme : defaultPrefs.theme
  }
}

export function savePrefs(storage: Pick<Storage, 'setItem'> | undefined, prefs: Prefs): void {
  try {
    storage?.setItem(KEY, JSON.stringify(prefs))
  } catch {
    // Storage full or switched off: the preference lasts for this session only.
  }
}
