import { join } from 'node:path'
import { app, BrowserWindow, nativeTheme, screen, type BaseWindow, type WebContents } from 'electron'
import { eventChannels } from '../shared/api'
import { mainLog } from './appLog'
import type { WindowStateStore } from './desktop/windowState'
import { placeWindow } from './desktop/windowState'
import { chooseWindowForFile, quitOrder, windowShowing, type WindowInfo } from './desktop/windowRules'
import { createBoardHandlers, type AppServices, type BoardHandlers } from './handlers'
import type { RendererEntry } from './rendererEntry'
import { createWindowHost } from './windowHost'

/**
 * Board windows: one board per window, created with secure defaults where the
 * board's window was last; the handlers behind each window's boardApi; which
 * window a file from outside opens in; and the close guard that lets each
 * renderer deal with unsaved changes before its window closes or the app quits.
 * The decisions are in desktop/ (plain Node, unit tested); this is the wiring.
 */

interface BoardWindow {
  readonly window: BrowserWindow
  readonly handlers: BoardHandlers
  /** Unsaved changes, as the renderer last reported. */
  edited: boolean
  focusedAt: number
  /** True once the renderer agreed to close (or could not be asked): the close guard lets it go. */
  isCloseConfirmed(): boolean
  /** Asks the renderer to close; it answers with closeWindow(), or not at all (the user cancelled). */
  requestClose(): void
}

export interface WindowDeps {
  entry: RendererEntry
  services: AppServices
  places: WindowStateStore
}

const sizes = { width: 1280, height: 800, minWidth: 900, minHeight: 600 }

/** Our windows, by their webContents id (which is what an IPC event names). */
const boardWindows = new Map<number, BoardWindow>()
let deps: WindowDeps | null = null
let focusClock = 0

/** A quit is waiting for renderers to agree; when the last window closes, it goes on (macOS included). */
let quitRequested = false
/** Windows still to be asked, one at a time, during a quit. */
let quitQueue: number[] = []

export function initWindows(windowDeps: WindowDeps): void {
  deps = windowDeps
}

function required(): WindowDeps {
  if (!deps) throw new Error('initWindows() must run before windows are created')
  return deps
}

/** A new window with a new board; `offer` is a board file it opens as soon as its renderer listens. */
export function createBoardWindow(offer?: string): BrowserWindow {
  const { entry, services, places } = required()
  const occupied = [...boardWindows.values()].map((b) => b.window.getNormalBounds())
  const placement = placeWindow(
    places.savedFor(offer ?? null),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
    occupied,
    sizes
  )
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: sizes.minWidth,
    minHeight: sizes.minHeight,
    show: false,
    title: 'Untitled — Orgboard',
    // The renderer's --bg in the system's theme (the default), so no flash before the first paint.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181e' : '#f6f7f9',
    // Electron's security checklist, spelled out even where it is the default, so Electronegativity
    // (npm run security, part of npm test) and a reader both see it.
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK: our own sandboxed preload; it only exposes boardApi (src/preload/index.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click must not open a link in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: !app.isPackaged
    }
  })
  const contents = window.webContents
  const contentsId = contents.id

  /** The page loaded and its renderer is alive, so it can be asked about unsaved changes. */
  let rendererReady = false
  let closeConfirmed = false

  const closeForReal = (): void => {
    closeConfirmed = true
    if (!window.isDestroyed()) window.close()
  }
  const requestClose = (): void => {
    if (!rendererReady || contents.isCrashed()) closeForReal()
    else contents.send(eventChannels.closeRequested, null)
  }
  const handlers = createBoardHandlers(
    createWindowHost(window, {
      closeForReal,
      showElsewhere: (path) => {
        const id = windowShowing(path, windowInfos(), process.platform, contentsId)
        const other = id === null ? undefined : boardWindows.get(id)
        if (other) focusWindow(other.window)
        return other !== undefined
      },
      newWindow: () => void createBoardWindow(),
      stateChanged: ({ edited }) => {
        board.edited = edited
      }
    }),
    services,
    // resources/ sits beside package.json: the project folder under electron-vite, app.asar once packaged.
    { templatesDir: join(app.getAppPath(), 'resources', 'templates') }
  )
  const board: BoardWindow = {
    window,
    handlers,
    edited: false,
    focusedAt: ++focusClock,
    isCloseConfirmed: () => closeConfirmed,
    requestClose
  }
  boardWindows.set(contentsId, board)
  if (offer) handlers.offerPath(offer)

  contents.on('did-start-navigation', (details) => {
    if (!details.isMainFrame || details.isSameDocument) return
    rendererReady = false
    handlers.rendererGone()
  })
  contents.on('did-finish-load', () => {
    rendererReady = true
  })
  contents.on('did-fail-load', (_event, _code, description, url, isMainFrame) => {
    if (!isMainFrame) return
    rendererReady = false
    mainLog().error(`Could not load ${url}: ${description}`)
    window.show()
  })
  contents.on('render-process-gone', (_event, details) => {
    rendererReady = false
    handlers.rendererGone()
    mainLog().error(`A window's renderer is gone (${details.reason}, exit code ${details.exitCode})`)
  })

  // The window title says which board is open (see WindowHost.setWindowState), not index.html's <title>.
  window.on('page-title-updated', (event) => event.preventDefault())
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    window.show()
  })
  window.on('focus', () => {
    board.focusedAt = ++focusClock
  })

  // Remember where the window is, for its board: after each move or resize settles, and when it closes.
  let placeTimer: NodeJS.Timeout | undefined
  const rememberPlace = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return
    void places.remember(
      { bounds: window.getNormalBounds(), maximized: window.isMaximized() || window.isFullScreen() },
      handlers.currentPath()
    )
  }
  const rememberSoon = (): void => {
    clearTimeout(placeTimer)
    placeTimer = setTimeout(rememberPlace, 500)
  }
  window.on('resize', rememberSoon)
  window.on('move', rememberSoon)
  window.on('maximize', rememberSoon)
  window.on('unmaximize', rememberSoon)

  window.on('close', (event) => {
    if (closeConfirmed) {
      clearTimeout(placeTimer)
      rememberPlace()
      return
    }
    // The user closed this window: any earlier quit was cancelled, or this close would not be asked.
    quitRequested = false
    quitQueue = []
    if (!rendererReady || contents.isCrashed()) {
      closeConfirmed = true
      rememberPlace()
      return
    }
    event.preventDefault()
    requestClose()
  })
  window.on('closed', () => {
    clearTimeout(placeTimer)
    boardWindows.delete(contentsId)
    handlers.dispose()
    if (quitRequested) askNextToClose()
  })

  // app://orgboard/index.html (see appProtocol.ts), or the dev server.
  const loading = window.loadURL(entry.url)
  loading.catch((error: unknown) => mainLog().error('A window failed to load', error))
  return window
}

function windowInfos(): WindowInfo[] {
  return [...boardWindows.entries()].map(([id, b]) => ({
    id,
    path: b.handlers.currentPath(),
    pendingPath: b.handlers.offeredPaths()[0] ?? null,
    edited: b.edited,
    focusedAt: b.focusedAt
  }))
}

export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
  if (process.platform === 'darwin') app.focus({ steal: true })
}

/**
 * A board file from outside the app (command line, double-click, second launch):
 * the window that shows it comes to the front, or an untouched new board takes
 * it, or it gets a window of its own.
 */
export function openFileInApp(path: string): void {
  const choice = chooseWindowForFile(path, windowInfos(), process.platform)
  const target = choice.kind === 'new' ? undefined : boardWindows.get(choice.id)
  if (!target) {
    createBoardWindow(path)
    return
  }
  if (choice.kind === 'reuse') target.handlers.offerPath(path)
  focusWindow(target.window)
}

/** File > Open Recent in the native menu: in the window the menu belongs to (its renderer asks about unsaved changes). */
export function openRecentInWindow(path: string, window: BaseWindow | undefined): void {
  const showing = windowShowing(path, windowInfos(), process.platform)
  const board = showing === null ? boardOf(window ?? BrowserWindow.getFocusedWindow()) : boardWindows.get(showing)
  if (!board) {
    createBoardWindow(path)
    return
  }
  if (showing === null) board.handlers.offerPath(path)
  focusWindow(board.window)
}

/** Brings the most recently used window to the front, or opens one (a second launch without files). */
export function focusOrCreateWindow(): void {
  const latest = [...boardWindows.values()].sort((a, b) => b.focusedAt - a.focusedAt)[0]
  if (latest) focusWindow(latest.window)
  else createBoardWindow()
}

function boardOf(window: BaseWindow | null | undefined): BoardWindow | undefined {
  if (!window) return undefined
  return [...boardWindows.values()].find((b) => b.window === window && !b.window.isDestroyed())
}

/** The handlers of the window this webContents belongs to, if it is one of ours. */
export function handlersFor(contents: WebContents): BoardHandlers | undefined {
  return boardWindows.get(contents.id)?.handlers
}

/** The webContents of one of our windows (a menu's window, or the focused one). */
export function boardContentsOf(window: BaseWindow | null | undefined): WebContents | undefined {
  return boardOf(window)?.window.webContents
}

/**
 * For app 'before-quit': true when the quit must wait. Windows whose renderer
 * has not agreed yet are asked one at a time (boards with unsaved changes first,
 * each brought to the front); when the last one has closed, index.ts quits
 * again (see isQuitRequested). Cancelling one question stops the quit there.
 */
export function holdQuitForUnsavedWork(): boolean {
  const waiting = windowInfos().filter((w) => !boardWindows.get(w.id)?.isCloseConfirmed())
  if (waiting.length === 0) return false
  // Each quit starts over: an earlier one may have been cancelled in a dialog, which main is not told.
  // (A renderer already asking ignores the repeated request.)
  quitRequested = true
  quitQueue = quitOrder(waiting)
  askNextToClose()
  return true
}

function askNextToClose(): void {
  while (quitQueue.length > 0) {
    const board = boardWindows.get(quitQueue.shift() as number)
    if (!board || board.isCloseConfirmed() || board.window.isDestroyed()) continue
    focusWindow(board.window)
    board.requestClose()
    return
  }
}

export function isQuitRequested(): boolean {
  return quitRequested
}
