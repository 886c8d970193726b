import { join } from 'node:path'
import { app, BrowserWindow, type BaseWindow, type WebContents } from 'electron'
import { eventChannels, type BoardApiMethods } from '../shared/api'
import { createBoardHandlers, createBoardServices, type BoardHandlers, type BoardServices } from './handlers'
import type { RendererEntry } from './rendererEntry'
import { createWindowHost } from './windowHost'

/**
 * Board windows: creation with secure defaults, the handlers behind each
 * window's boardApi, and the close guard that lets the renderer deal with
 * unsaved changes before a window closes or the app quits.
 */

interface BoardWindow {
  readonly window: BrowserWindow
  readonly handlers: BoardHandlers
  /** True once the renderer agreed to close (or could not be asked): the close guard lets it go. */
  isCloseConfirmed(): boolean
  /** Asks the renderer to close; it answers with closeWindow(), or not at all (the user cancelled). */
  requestClose(): void
}

/** Our windows, by their webContents id (which is what an IPC event names). */
const boardWindows = new Map<number, BoardWindow>()

/** A quit is waiting for renderers to agree; when the last window closes, it goes on (macOS included). */
let quitRequested = false

/** Recovery copies and version history, in the app's user-data folder; one set for all windows. */
let services: BoardServices | undefined
const boardServices = (): BoardServices => (services ??= createBoardServices(app.getPath('userData')))

export function createBoardWindow(entry: RendererEntry): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Untitled — Orgboard',
    backgroundColor: '#f6f7f9', // the renderer's --bg, so no flash before the first paint
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
  const handlers = createBoardHandlers(createWindowHost(window, closeForReal), boardServices())
  boardWindows.set(contentsId, {
    window,
    handlers,
    isCloseConfirmed: () => closeConfirmed,
    requestClose
  })

  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) rendererReady = false
  })
  contents.on('did-finish-load', () => {
    rendererReady = true
  })
  contents.on('did-fail-load', (_event, _code, description, url, isMainFrame) => {
    if (!isMainFrame) return
    rendererReady = false
    console.error(`Orgboard: could not load ${url}: ${description}`)
    window.show()
  })
  contents.on('render-process-gone', (_event, details) => {
    rendererReady = false
    console.error(`Orgboard: the window's renderer is gone (${details.reason})`)
  })

  // The window title says which board is open (see WindowHost.setWindowState), not index.html's <title>.
  window.on('page-title-updated', (event) => event.preventDefault())
  window.once('ready-to-show', () => window.show())

  window.on('close', (event) => {
    if (closeConfirmed) return
    // The user closed this window: any earlier quit was cancelled, or this close would not be asked.
    quitRequested = false
    if (!rendererReady || contents.isCrashed()) {
      closeConfirmed = true
      return
    }
    event.preventDefault()
    requestClose()
  })
  window.on('closed', () => {
    boardWindows.delete(contentsId)
    handlers.dispose()
  })

  // app://orgboard/index.html (see appProtocol.ts), or the dev server.
  const loading = window.loadURL(entry.url)
  loading.catch((error: unknown) => console.error('Orgboard: the window failed to load', error))
  return window
}

/** The handlers of the window this webContents belongs to, if it is one of ours. */
export function handlersFor(contents: WebContents): BoardApiMethods | undefined {
  return boardWindows.get(contents.id)?.handlers
}

/** The webContents of one of our windows (a menu's window, or the focused one). */
export function boardContentsOf(window: BaseWindow | null | undefined): WebContents | undefined {
  if (!window) return undefined
  for (const board of boardWindows.values()) {
    if (board.window === window && !board.window.isDestroyed()) return board.window.webContents
  }
  return undefined
}

/**
 * For app 'before-quit': true when the quit must wait. Every window whose
 * renderer has not agreed yet is asked to close; when the last one has closed,
 * index.ts quits again (see isQuitRequested).
 */
export function holdQuitForUnsavedWork(): boolean {
  const waiting = [...boardWindows.values()].filter((board) => !board.isCloseConfirmed())
  if (waiting.length === 0) return false
  quitRequested = true
  for (const board of waiting) board.requestClose()
  return true
}

export function isQuitRequested(): boolean {
  return quitRequested
}
