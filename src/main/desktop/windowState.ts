import { isRecord, readJsonFile, serialQueue, writeJsonFile } from './jsonFile'
import { pathKey } from './paths'

/**
 * Where windows go. Each board's window comes back where it was (size, position,
 * maximised); a new board's window where the last one was. A place saved on a
 * monitor that is gone, or off the edge of one, is moved back on screen.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** A window's place as remembered. */
export interface SavedWindow {
  /** The bounds when not maximised (screen coordinates, DIP). */
  bounds: Rect
  /** It was maximised (or full screen) when last seen. */
  maximized: boolean
}

/** window-state.json in the user-data folder. */
export interface WindowStateFile {
  /** Format of this file, for a later change. */
  version: 1
  /** The window closed or moved most recently: where a new board's window goes. */
  last: SavedWindow | null
  /** Per board file (by path), most recently used first. */
  boards: { path: string; window: SavedWindow }[]
}

export const MAX_REMEMBERED_BOARDS = 50

export interface Sizes {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** Where to open a window: bounds always on one display. */
export interface Placement {
  bounds: Rect
  maximized: boolean
}

/** How far a window opening on top of another is moved down and right. */
export const CASCADE_STEP = 24

/**
 * Places a window: the saved place if it is still on a display (moved fully onto
 * it, and shrunk to fit); the saved size centred on the primary display if its
 * monitor is gone; the default size centred there if nothing was saved.
 * `occupied` are the top-left corners of the windows already open: a new one
 * never lands exactly on top of one of them, it cascades.
 */
export function placeWindow(
  saved: SavedWindow | null,
  displays: readonly Rect[],
  primary: Rect,
  occupied: readonly { x: number; y: number }[],
  sizes: Sizes
): Placement {
  // The display showing most of the saved window; none when its monitor is gone.
  const shownOn = saved ? bestDisplay(saved.bounds, displays) : null
  const display = shownOn ?? primary
  const size = fitSize(saved ? saved.bounds : sizes, display, sizes)
  let bounds = saved && shownOn ? moveInside({ ...size, x: saved.bounds.x, y: saved.bounds.y }, display) : centred(size, display)
  const taken = (r: Rect): boolean => occupied.some((o) => o.x === r.x && o.y === r.y)
  for (let i = 0; i < 20 && taken(bounds); i++) {
    const next = { ...bounds, x: bounds.x + CASCADE_STEP, y: bounds.y + CASCADE_STEP }
    // Walked off the display: go on from its top-left corner.
    bounds = fits(next, display) ? next : moveInside({ ...bounds, x: display.x, y: display.y }, display)
  }
  return { bounds, maximized: saved?.maximized ?? false }
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  return moveInside({ ...size, x: area.x + (area.width - size.width) / 2, y: area.y + (area.height - size.height) / 2 }, area)
}

/** The display that shows most of `rect`, or null if none shows any of it. */
export function bestDisplay(rect: Rect, displays: readonly Rect[]): Rect | null {
  let best: Rect | null = null
  let bestArea = 0
  for (const display of displays) {
    const area = overlap(rect, display)
    if (area > bestArea) {
      best = display
      bestArea = area
    }
  }
  return best
}

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function fitSize(size: { width: number; height: number }, area: Rect, sizes: Sizes): { width: number; height: number } {
  // The minimum wins over a display smaller than it: the OS then lets the window overhang.
  return {
    width: Math.round(Math.max(sizes.minWidth, Math.min(size.width, area.width))),
    height: Math.round(Math.max(sizes.minHeight, Math.min(size.height, area.height)))
  }
}

function fits(rect: Rect, area: Rect): boolean {
  return rect.x >= area.x && rect.y >= area.y && rect.x + rect.width <= area.x + area.width && rect.y + rect.height <= area.y + area.height
}

/** Moves a rect (not larger than the area) fully inside it; top-left wins when it is larger. */
function moveInside(rect: Rect, area: Rect): Rect {
  const x = Math.max(area.x, Math.min(rect.x, area.x + area.width - rect.width))
  const y = Math.max(area.y, Math.min(rect.y, area.y + area.height - rect.height))
  return { ...rect, x: Math.round(x), y: Math.round(y) }
}

/** A window place read from disk, or null when it does not make sense. */
export function parseSavedWindow(value: unknown): SavedWindow | null {
  if (!isRecord(value) || !isRecord(value.bounds)) return null
  const { x, y, width, height } = value.bounds
  const finite = [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 100_000)
  if (!finite || (width as number) <= 0 || (height as number) <= 0) return null
  return {
    bounds: { x: x as number, y: y as number, width: width as number, height: height as number },
    maximized: value.maximized === true
  }
}

export function parseWindowStateFile(value: unknown): WindowStateFile {
  const empty: WindowStateFile = { version: 1, last: null, boards: [] }
  if (!isRecord(value)) return empty
  const boards: WindowStateFile['boards'] = []
  if (Array.isArray(value.boards)) {
    for (const item of value.boards) {
      if (!isRecord(item) || typeof item.path !== 'string' || item.path.length === 0) continue
      const window = parseSavedWindow(item.window)
      if (window) boards.push({ path: item.path, window })
    }
  }
  return { version: 1, last: parseSavedWindow(value.last), boards: boards.slice(0, MAX_REMEMBERED_BOARDS) }
}

/** Remembers a window's place: as the last one, and for its board if it has a file. */
export function rememberWindow(
  state: WindowStateFile,
  window: SavedWindow,
  path: string | null,
  platform: NodeJS.Platform
): WindowStateFile {
  if (!path) return { ...state, last: window }
  const key = pathKey(path, platform)
  const others = state.boards.filter((b) => pathKey(b.path, platform) !== key)
  return { ...state, last: window, boards: [{ path, window }, ...others].slice(0, MAX_REMEMBERED_BOARDS) }
}

/** Where a window for this board (or a new board, `path` null) was last. */
export function savedWindowFor(state: WindowStateFile, path: string | null, platform: NodeJS.Platform): SavedWindow | null {
  if (path) {
    const key = pathKey(path, platform)
    const board = state.boards.find((b) => pathKey(b.path, platform) === key)
    if (board) return board.window
  }
  return state.last
}

/** window-state.json, loaded once at startup (windows are placed synchronously) and written on every change. */
export class WindowStateStore {
  private state: WindowStateFile = { version: 1, last: null, boards: [] }
  private readonly queue = serialQueue()

  constructor(
    readonly file: string,
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly onProblem: (message: string) => void = () => undefined
  ) {}

  async load(): Promise<void> {
    const read = await readJsonFile(this.file)
    if (!read.ok && !read.missing) this.onProblem(`Window places ignored: ${read.problem}`)
    this.state = read.ok ? parseWindowStateFile(read.value) : { version: 1, last: null, boards: [] }
  }

  savedFor(path: string | null): SavedWindow | null {
    return savedWindowFor(this.state, path, this.platform)
  }

  remember(window: SavedWindow, path: string | null): Promise<void> {
    this.state = rememberWindow(this.state, window, path, this.platform)
    const snapshot = this.state
    return this.queue(async () => {
      try {
        await writeJsonFile(this.file, snapshot)
      } catch (err) {
        this.onProblem(`Could not save window places to ${this.file}: ${err instanceof Error ? err.message : String(err)}`)
      }
    })
  }
}
