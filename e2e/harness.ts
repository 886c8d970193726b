import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Download, type Page } from '@playwright/test'
import { eventChannels, invokeChannels, notOnDiskMessage, type BoardApiEvents, type ConflictAnswer, type DiscardAnswer, type WindowState } from '../src/shared/api'
import { RecentBoards } from '../src/main/desktop/recentBoards'
import { createBoardHandlers, createBoardServices } from '../src/main/handlers'
import { serveFolder } from './staticServer'

/** Answers for the dialogs the app will show, in order. Push more at any time. */
export interface DialogAnswers {
  /** Paths to give File > Open (null = the user cancels). */
  open: (string | null)[]
  /** Paths to give Save / Save As (null = cancel). */
  save: (string | null)[]
  /** Answers to "Save changes?" */
  discard: DiscardAnswer[]
  /** Answers when Save finds the file changed on disk since it was opened. */
  conflict: ConflictAnswer[]
  /** Paths to give File > Export: images, Mermaid and JSON Canvas (null = cancel). */
  export: (string | null)[]
  /** Paths to give File > Import JSON Canvas / Initiatives from CSV (null = cancel). */
  import: (string | null)[]
}

export interface LaunchOptions {
  /**
   * The app's own user-data folder (recovery copies, version history); a fresh
   * temporary one if absent. Launch again with the same folder to start the app
   * again after a crash.
   */
  userDataDir?: string
  answerDialogs?: Partial<DialogAnswers>
  /** Reuse a running browser (faster for suites); otherwise one is launched and closed with the session. */
  browser?: Browser
  /** The built renderer; defaults to out/renderer. */
  rendererDir?: string
  /** The shipped templates; defaults to resources/templates. */
  templatesDir?: string
  /**
   * The start screen the app shows on launch: "dismiss" (the default) closes it with Escape,
   * so the test starts on an empty untitled board; "keep" leaves it for the test.
   */
  startScreen?: 'dismiss' | 'keep'
  /** Runs before the app's page loads: install `page.clock`, or add init scripts that observe the page. */
  beforeLoad?(page: Page): Promise<void>
}

export interface BoardSession {
  page: Page
  context: BoardContext
  userDataDir: string
  dialogs: DialogAnswers
  /** Every dialog the app asked for, in order: "open", "save", "export:<format>", "import:<format>", "discard:<name>" or "conflict:<name>". */
  dialogLog: string[]
  /** Requests to anything but the app's own files; a fully offline app leaves this empty. */
  foreignRequests: string[]
  /** The window title and edited flag the app last set, and whether it asked to close. */
  window: WindowState & { title: string; closed: boolean }
  /** Sends a main-process event, as the native menu or the close button would. */
  emit<E extends keyof BoardApiEvents>(event: E, payload: BoardApiEvents[E]): Promise<void>
  /** Runs an action as the native menu would. */
  menu(commandId: string): Promise<void>
  /**
   * Offers the window a board file as main does for the command line, a
   * double-click, a second launch or the native Open Recent: the app gets an
   * `openFile` event and may open exactly this path.
   */
  offerPath(path: string): Promise<void>
  /** Drags a file from the file manager over the canvas (the drop hint shows) without dropping it. */
  dragFile(path: string): Promise<void>
  /**
   * Drops a file on the canvas, as from the file manager. The page gets a File
   * whose path the harness's boardApi knows, like Electron's webUtils; with
   * `{ onDisk: false }` it has none (dragged out of a browser, say).
   */
  dropFile(path: string, options?: { onDisk?: boolean }): Promise<void>
  /** How many times the app asked for a new window (File > New Window). */
  newWindowRequests: number
  /** recent.json in the user-data folder, shared by sessions with the same userDataDir. */
  recent: RecentBoards
  close(): Promise<void>
}

type BoardContext = BrowserContext

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

/** Debian's Chromium where it is installed (this CI), otherwise Playwright's own browser. */
export async function launchChromium(): Promise<Browser> {
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
  return chromium.launch({ ...(system ? { executablePath: system } : {}), args: chromiumArgs })
}

/**
 * A Chromium whose process a test may kill outright (SIGKILL), to crash the app
 * the way a power cut or a force quit would: no close guard, no unload handlers.
 */
export async function launchKillableChromium(): Promise<{ browser: Browser; kill(): Promise<void> }> {
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
  const server = await chromium.launchServer({ ...(system ? { executablePath: system } : {}), args: chromiumArgs })
  const browser = await chromium.connect(server.wsEndpoint())
  return {
    browser,
    async kill() {
      const child = server.process()
      const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())))
      child.kill('SIGKILL')
      await exited
      await server.close().catch(() => {})
    }
  }
}

/**
 * Bytes the page hands to the "main process" (an exported PNG or PDF: 32 MB for a 1,000-card
 * board at 2×) arrive as downloads: the page saves them from a Blob under an id (see sendBytes in
 * the page) and the browser writes them to disk itself. Moving 400 MB from the page, Chromium's
 * stream of a Blob over CDP (IO.read, what this harness used before) ran at 80 MB/s, a request
 * body at 11–20 MB/s and a WebSocket at 55 MB/s; downloads, read back here, at 230 MB/s.
 * Electron's IPC hands the bytes over in memory instead.
 */
class PageBytes {
  private readonly waiting = new Map<string, { resolve(d: Download): void; promise: Promise<Download> }>()

  constructor(page: Page) {
    // Chromium may add an extension (".txt") to the name; the id has no dot.
    page.on('download', (download) => this.entry(download.suggestedFilename().split('.')[0] ?? '').resolve(download))
  }

  private entry(id: string) {
    let entry = this.waiting.get(id)
    if (!entry) {
      let resolve!: (d: Download) => void
      const promise = new Promise<Download>((r) => (resolve = r))
      entry = { resolve, promise }
      this.waiting.set(id, entry)
    }
    return entry
  }

  async take(id: string): Promise<Uint8Array> {
    const download = await this.entry(id).promise
    this.waiting.delete(id)
    const path = await download.path()
    const bytes = await readFile(path)
    await download.delete()
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  /** The argument with the bytes in place of their ids, as Electron's IPC hands them over. */
  async resolve(arg: unknown): Promise<unknown> {
    if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) return arg
    const out: Record<string, unknown> = { ...arg }
    for (const [key, value] of Object.entries(out)) {
      const sent = value as { __harnessBytes?: unknown; parts?: unknown } | null
      if (typeof sent?.__harnessBytes !== 'string') continue
      const bytes = await this.take(sent.__harnessBytes)
      out[key] = sent.parts ? [bytes] : bytes // parts (an exported image) arrive joined, as one
    }
    return out
  }
}

function take<T>(queue: T[], what: string): T {
  if (queue.length === 0) throw new Error(`The app showed a ${what} dialog, but the test gave no answer for it`)
  return queue.shift() as T
}

/**
 * Starts Orgboard's built renderer in Chromium with the real main-process
 * handlers and file services behind `window.boardApi`; only Electron's IPC
 * transport and native dialogs are replaced (dialogs by `answerDialogs`).
 */
export async function launchBoard(options: LaunchOptions = {}): Promise<BoardSession> {
  const rendererDir = resolve(options.rendererDir ?? join(__dirname, '..', 'out', 'renderer'))
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`No built renderer in ${rendererDir}: run npm run build first`)
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'orgboard-e2e-')))
  const ownsUserData = !options.userDataDir
  const dialogs: DialogAnswers = { open: [], save: [], discard: [], conflict: [], export: [], import: [], ...options.answerDialogs }
  const dialogLog: string[] = []
  const foreignRequests: string[] = []
  const windowState = { name: 'Untitled', edited: false, title: '', closed: false }

  const server = await serveFolder(rendererDir)
  const browser = options.browser ?? (await launchChromium())
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(server.origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
    foreignRequests.push(url)
    return route.abort('blockedbyclient')
  })

  // Late-bound: events go to the page once it exists (the app asks for them only after it loaded).
  let sendToPage: (channel: string, payload: unknown) => void = () => {
    throw new Error('The app asked for an event before its page existed')
  }
  let newWindowRequests = 0
  const recent = new RecentBoards(join(userDataDir, 'recent.json'))
  const handlers = createBoardHandlers(
    {
      chooseOpenPath: async () => (dialogLog.push('open'), take(dialogs.open, 'File > Open')),
      chooseSavePath: async () => (dialogLog.push('save'), take(dialogs.save, 'Save')),
      chooseExportPath: async (_name, format) => (dialogLog.push(`export:${format}`), take(dialogs.export, 'Export')),
      confirmDiscard: async (name) => (dialogLog.push(`discard:${name}`), take(dialogs.discard, '"Save changes?"')),
      confirmConflict: async (name) => (dialogLog.push(`conflict:${name}`), take(dialogs.conflict, '"Changed by another program"')),
      setWindowState: (state) => {
        Object.assign(windowState, state, { title: `${state.edited ? '• ' : ''}${state.name} — Orgboard` })
      },
      close: () => {
        windowState.closed = true
      },
      send: (event, payload) => sendToPage(eventChannels[event], payload),
      // One window per session: no other window can show the board.
      showElsewhere: () => false,
      newWindow: () => {
        newWindowRequests++
      },
      chooseImportPath: async (format) => (dialogLog.push(`import:${format}`), take(dialogs.import, 'Import'))
    },
    // The app's stores in the user-data folder: recent list, recovery copies, version history.
    { recent, ...createBoardServices(userDataDir) },
    { templatesDir: resolve(options.templatesDir ?? join(__dirname, '..', 'resources', 'templates')) }
  )
  const byChannel = new Map<string, (arg: never) => Promise<unknown>>(
    Object.entries(invokeChannels).map(([method, channel]) => [channel, handlers[method as keyof typeof invokeChannels] as (arg: never) => Promise<unknown>])
  )
  /** Calls still running in the "main process", so close() can let them finish before removing folders. */
  const inFlight = new Set<Promise<unknown>>()
  // Listening from the page's start: the page starts a download before it calls the binding.
  const bytesOf = new Map<Page, PageBytes>()
  context.on('page', (opened) => bytesOf.set(opened, new PageBytes(opened)))
  /** Resolves once the previous call reached its handler: Electron's ipcMain calls handlers in the order the renderer sent. */
  let previousStarted: Promise<void> = Promise.resolve()
  await context.exposeBinding('__orgboardInvoke', async ({ page: caller }, channel: string, arg: unknown) => {
    const handler = byChannel.get(channel)
    if (!handler) throw new Error(`Unknown channel ${channel}`)
    const bytes = bytesOf.get(caller)
    if (!bytes) throw new Error('A page the harness did not see open called boardApi')
    const turn = previousStarted
    let started!: () => void
    previousStarted = new Promise((resolve) => (started = resolve))
    // In flight from the start, reading the page's bytes too, so close() waits for all of it.
    const call = bytes.resolve(arg).then(
      async (read) => {
        await turn
        started()
        return handler(read as never)
      },
      async (err: unknown) => {
        await turn
        started()
        throw err
      }
    )
    inFlight.add(call)
    try {
      // As JSON text, parsed in the page: Electron's IPC hands over a 5,000-card board in tens of
      // milliseconds (structured clone), while Playwright's own serialiser of a value that size took
      // seconds, which the benchmark counted as Orgboard's time to open. Every result is JSON-safe
      // (plain data from files); arguments keep Playwright's serialiser, but for bytes (see sendBytes).
      const result = await call
      return result === undefined ? undefined : JSON.stringify(result)
    } finally {
      inFlight.delete(call)
    }
  })
  // The same shape the preload builds with createBoardApi, over the binding instead of IPC.
  await context.addInitScript(
    ({ invoke, events, notOnDisk }) => {
      type Listener = (payload: unknown) => void
      const w = globalThis as unknown as Record<string, unknown>
      const listeners = new Map<string, Set<Listener>>()
      const binding = w.__orgboardInvoke as (channel: string, arg: unknown) => Promise<string | undefined>
      // Bytes (an exported image) go as a download named by an id, which the harness reads from disk (see PageBytes).
      const sendBytes = (arg: unknown): { arg: unknown; urls: string[] } => {
        const urls: string[] = []
        if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) return { arg, urls }
        const out: Record<string, unknown> = { ...arg }
        for (const [key, value] of Object.entries(out)) {
          // Bytes, or bytes in parts (an exported image), which the Blob joins.
          const parts = Array.isArray(value) && value.length > 0 && value.every((part) => part instanceof Uint8Array)
          if (!(value instanceof Uint8Array) && !parts) continue
          const id = crypto.randomUUID()
          const link = document.createElement('a')
          link.href = URL.createObjectURL(new Blob(parts ? (value as Uint8Array<ArrayBuffer>[]) : [value as Uint8Array<ArrayBuffer>]))
          link.download = id
          link.click()
          urls.push(link.href)
          out[key] = { __harnessBytes: id, parts }
        }
        return { arg: out, urls }
      }
      const call = async (channel: string, arg: unknown): Promise<unknown> => {
        const sent = sendBytes(arg)
        try {
          const json = await binding(channel, sent.arg)
          return json === undefined ? undefined : JSON.parse(json)
        } finally {
          for (const url of sent.urls) URL.revokeObjectURL(url)
        }
      }
      const api: Record<string, unknown> = {}
      for (const [method, channel] of Object.entries(invoke)) {
        if (method !== 'openDropped') api[method] = (arg?: unknown) => call(channel, arg)
      }
      // Like webUtils.getPathForFile: only files the harness dropped have a path.
      const filePaths = new WeakMap<object, string>()
      w.__orgboardFilePaths = filePaths
      api.openDroppedFile = async (file: File) => {
        const path = filePaths.get(file) ?? ''
        if (!path) return { status: 'failed', path: '', message: notOnDisk.replace('{name}', file.name) }
        return call(invoke.openDropped as string, { path })
      }
      api.on = (event: string, listener: Listener) => {
        const channel = events[event]
        if (!channel) throw new Error(`Unknown event ${event}`)
        const set = listeners.get(channel) ?? new Set()
        listeners.set(channel, set)
        set.add(listener)
        return () => set.delete(listener)
      }
      w.boardApi = api
      w.__orgboardEmit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload))
    },
    {
      invoke: invokeChannels as Record<string, string>,
      events: eventChannels as Record<string, string>,
      notOnDisk: notOnDiskMessage('{name}')
    }
  )

  const page = await context.newPage()
  sendToPage = (channel, payload) => {
    void page
      .evaluate(
        ([c, p]) => (globalThis as unknown as { __orgboardEmit(c: string, p: unknown): void }).__orgboardEmit(c, p),
        [channel, payload] as const
      )
      .catch(() => undefined) // the page was closed meanwhile
  }
  await options.beforeLoad?.(page)
  await page.goto(`${server.origin}/index.html`)
  await page.locator('.react-flow').waitFor()
  if (options.startScreen !== 'keep') {
    const start = page.getByTestId('start-screen')
    await start.waitFor()
    await page.keyboard.press('Escape')
    await start.waitFor({ state: 'detached' })
  }

  const emit = async <E extends keyof BoardApiEvents>(event: E, payload: BoardApiEvents[E]): Promise<void> => {
    await page.evaluate(
      ([channel, data]) => (globalThis as unknown as { __orgboardEmit(c: string, p: unknown): void }).__orgboardEmit(channel, data),
      [eventChannels[event], payload] as const
    )
  }

  /** Drag events on the canvas carrying one file, as the OS sends them for a drag from the file manager. */
  const drag = async (path: string, steps: readonly string[], onDisk: boolean): Promise<void> => {
    const bytes = await readFile(path).catch(() => Buffer.alloc(0))
    await page.evaluate(
      ({ name, data, path, onDisk, steps }) => {
        const file = new File([new Uint8Array(data)], name)
        if (onDisk) ((globalThis as unknown as { __orgboardFilePaths: WeakMap<object, string> }).__orgboardFilePaths).set(file, path)
        const transfer = new DataTransfer()
        transfer.items.add(file)
        const canvas = document.querySelector('.canvas') as HTMLElement
        const box = canvas.getBoundingClientRect()
        const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }
        for (const type of steps) canvas.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer, ...at }))
      },
      { name: basename(path), data: [...bytes], path, onDisk, steps }
    )
  }

  const session: BoardSession = {
    page,
    context,
    userDataDir,
    dialogs,
    dialogLog,
    foreignRequests,
    window: windowState,
    emit,
    menu: (id) => emit('command', id),
    async offerPath(path) {
      handlers.offerPath(path)
    },
    dragFile: (path) => drag(path, ['dragenter', 'dragover'], true),
    dropFile: (path, dropOptions) => drag(path, ['dragenter', 'dragover', 'drop'], dropOptions?.onDisk ?? true),
    get newWindowRequests() {
      return newWindowRequests
    },
    recent,
    async close() {
      // After a kill there is no browser left to close; the rest is cleaned up all the same.
      await context.close().catch(() => {})
      if (!options.browser) await browser.close().catch(() => {})
      // Like a main process outliving its window: a recovery copy being written still lands.
      await Promise.allSettled([...inFlight])
      await server.close()
      if (ownsUserData) await rm(userDataDir, { recursive: true, force: true })
    }
  }
  return session
}
