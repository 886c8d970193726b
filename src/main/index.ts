import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron'
import { eventChannels } from '../shared/api'
import { commands } from '../shared/commands'
import { registerAppScheme, serveApp } from './appProtocol'
import { mainLog } from './appLog'
import { aboutDetail, aboutMessage, type AboutFacts } from './desktop/about'
import { parseLaunchArgs, readSecondLaunch, secondLaunchData, type ArgContext } from './desktop/launchArgs'
import { RecentBoards } from './desktop/recentBoards'
import { WindowStateStore } from './desktop/windowState'
import { createBoardServices } from './handlers'
import { registerIpc } from './ipc'
import { menuTemplate, type SendCommand } from './menu'
import { isAppUrl, rendererEntry } from './rendererEntry'
import { hardenSession, hardenWebContents } from './security'
import {
  boardContentsOf,
  createBoardWindow,
  focusOrCreateWindow,
  handlersFor,
  holdQuitForUnsavedWork,
  initWindows,
  isQuitRequested,
  openFileInApp,
  openRecentInWindow
} from './window'

/** The built renderer, or the Vite dev server under `electron-vite dev`. */
const entry = rendererEntry(process.env.ELECTRON_RENDERER_URL, __dirname)

const argContext = (cwd: string): ArgContext => ({ cwd, platform: process.platform, defaultApp: process.defaultApp === true })
const launch = parseLaunchArgs(process.argv, argContext(process.cwd()))
// Before anything reads it: the single-instance lock, the log and the stores all live there.
if (launch.userDataDir) app.setPath('userData', launch.userDataDir)

// One Orgboard per user and profile: a second launch hands its files to the running app and quits.
if (app.requestSingleInstanceLock(secondLaunchData(process.argv, process.cwd()))) start()
else app.quit()

function start(): void {
  const log = mainLog()
  process.on('uncaughtException', (error) => log.error('Uncaught exception in the main process', error))
  process.on('unhandledRejection', (reason) => log.error('Unhandled promise rejection in the main process', reason))
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') log.error(`A ${details.type} process is gone (${details.reason}, exit code ${details.exitCode})`)
  })
  if (launch.ignored.length > 0) log.info(`Not board files, not opened: ${launch.ignored.join(' ')}`)
  const warn = (message: string): void => log.warn(message)

  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox()
  // app:// must be registered before the app is ready (see appProtocol.ts).
  if (entry.kind === 'app') registerAppScheme()

  // Every webContents, ours or not, as soon as it exists: no popups, no webviews, no navigating away.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, entry, shell))

  /** Files that arrive before the first window can take them: the command line, and macOS's open-file at launch. */
  const startupFiles = [...launch.files]
  let ready = false
  const openFiles = (files: readonly string[]): void => {
    if (ready) files.forEach(openFileInApp)
    else startupFiles.push(...files)
  }

  // macOS: a board double-clicked in Finder, dropped on the Dock icon, or chosen from the Dock's recent list.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openFiles([path])
  })

  app.on('second-instance', (_event, commandLine, workingDirectory, additionalData) => {
    const second = readSecondLaunch(additionalData, commandLine, workingDirectory)
    const args = parseLaunchArgs(second.argv, argContext(second.cwd))
    if (args.files.length > 0) openFiles(args.files)
    else if (ready) focusOrCreateWindow()
  })

  /** A menu command goes to the window the menu belongs to (or the focused one). */
  const sendCommand: SendCommand = (commandId, window) => {
    const contents = boardContentsOf(window) ?? boardContentsOf(BrowserWindow.getFocusedWindow())
    if (contents) contents.send(eventChannels.command, commandId)
    // macOS keeps running without windows; New Board and New Window then open one.
    else if (commandId === 'board.new' || commandId === 'window.new') createBoardWindow()
  }

  const aboutFacts = (): AboutFacts => ({
    appName: 'Orgboard',
    version: app.getVersion(),
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    logFile: log.file
  })

  const showLogFile = (): void => {
    log.info('Log file shown to the user') // so there is a file to show
    shell.showItemInFolder(log.file)
  }

  const showAbout = async (): Promise<void> => {
    const facts = aboutFacts()
    const options = {
      type: 'info' as const,
      title: `About ${facts.appName}`,
      message: aboutMessage(facts),
      detail: aboutDetail(facts),
      buttons: ['OK', 'Show Log File'],
      defaultId: 0,
      cancelId: 0,
      noLink: true
    }
    const parent = BrowserWindow.getFocusedWindow()
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
    if (response === 1) showLogFile()
  }

  app
    .whenReady()
    .then(async () => {
      const userData = app.getPath('userData')
      const recent = new RecentBoards(join(userData, 'recent.json'), { onProblem: warn })
      const places = new WindowStateStore(join(userData, 'window-state.json'), process.platform, warn)
      await places.load()

      const facts = aboutFacts()
      app.setAboutPanelOptions({
        applicationName: facts.appName,
        applicationVersion: facts.version,
        version: `Electron ${facts.electron}`,
        credits: `Log file: ${facts.logFile}`
      })
      hardenSession(session.defaultSession, entry)
      if (entry.kind === 'app') serveApp(session.defaultSession, entry)
      // Recovery copies and version history live beside the other stores, one set for all windows.
      initWindows({ entry, services: { recent, ...createBoardServices(userData) }, places })
      registerIpc({ handlersFor, isAppUrl: (url) => isAppUrl(url, entry) })

      let menuVersion = 0
      const rebuildMenu = async (): Promise<void> => {
        const version = ++menuVersion
        const boards = await recent.list()
        if (version !== menuVersion) return // a newer rebuild is on its way
        const template = menuTemplate(commands, { platform: process.platform, isPackaged: app.isPackaged, appName: 'Orgboard' }, sendCommand, {
          recent: boards,
          openRecent: openRecentInWindow,
          clearRecent: () => void recent.clear(),
          showAbout: () => void showAbout().catch((error: unknown) => log.error('The About dialog failed', error)),
          showLogFile
        })
        Menu.setApplicationMenu(Menu.buildFromTemplate(template))
      }
      recent.subscribe((change) => {
        // The OS's own lists: the Dock menu on macOS, the Jump List on Windows.
        if (change.kind === 'added') app.addRecentDocument(change.path)
        if (change.kind === 'cleared') app.clearRecentDocuments()
        rebuildMenu().catch((error: unknown) => log.error('Could not rebuild the menu', error))
      })
      await rebuildMenu()

      ready = true
      if (startupFiles.length === 0) createBoardWindow()
      startupFiles.splice(0).forEach(openFileInApp)

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createBoardWindow()
      })
    })
    .catch((error: unknown) => {
      log.error('Orgboard could not start', error)
      app.exit(1)
    })

  // Quitting asks the windows' renderers first (unsaved changes); the quit resumes when the last one closes.
  app.on('before-quit', (event) => {
    if (holdQuitForUnsavedWork()) event.preventDefault()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || isQuitRequested()) app.quit()
  })
}
