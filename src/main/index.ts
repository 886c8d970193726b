import { app, BrowserWindow, Menu, session } from 'electron'
import { eventChannels } from '../shared/api'
import { registerAppScheme, serveApp } from './appProtocol'
import { commands } from '../shared/commands'
import { registerIpc } from './ipc'
import { menuTemplate, type SendCommand } from './menu'
import { isAppUrl, rendererEntry } from './rendererEntry'
import { hardenSession, hardenWebContents } from './security'
import { boardContentsOf, createBoardWindow, handlersFor, holdQuitForUnsavedWork, isQuitRequested } from './window'

/** The built renderer, or the Vite dev server under `electron-vite dev`. */
const entry = rendererEntry(process.env.ELECTRON_RENDERER_URL, __dirname)

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox()

// One Orgboard process per user: the recovery copies in the user-data folder are this
// process's to write and to offer back after a crash. A second start focuses this one.
if (!app.requestSingleInstanceLock()) app.exit(0)
app.on('second-instance', () => {
  const window = BrowserWindow.getAllWindows()[0]
  if (!window) return
  if (window.isMinimized()) window.restore()
  window.focus()
})

if (entry.kind === 'app') registerAppScheme()

// Every webContents, ours or not, as soon as it exists: no popups, no webviews, no navigating away.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, entry))

/** A menu command goes to the window the menu belongs to (or the focused one). */
const sendCommand: SendCommand = (commandId, window) => {
  const contents = boardContentsOf(window) ?? boardContentsOf(BrowserWindow.getFocusedWindow())
  if (contents) contents.send(eventChannels.command, commandId)
  // macOS keeps running without windows; New Board then opens one.
  else if (commandId === 'board.new') createBoardWindow(entry)
}

app
  .whenReady()
  .then(() => {
    app.setAboutPanelOptions({ applicationName: 'Orgboard', applicationVersion: app.getVersion() })
    hardenSession(session.defaultSession, entry)
    if (entry.kind === 'app') serveApp(session.defaultSession, entry)
    registerIpc({ handlersFor, isAppUrl: (url) => isAppUrl(url, entry) })
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(commands, { platform: process.platform, isPackaged: app.isPackaged, appName: 'Orgboard' }, sendCommand)
      )
    )
    createBoardWindow(entry)

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createBoardWindow(entry)
    })
  })
  .catch((error: unknown) => {
    console.error('Orgboard could not start', error)
    app.exit(1)
  })

// Quitting asks every window's renderer first (unsaved changes); the quit resumes when the last one closes.
app.on('before-quit', (event) => {
  if (holdQuitForUnsavedWork()) event.preventDefault()
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin' || isQuitRequested()) app.quit()
})
