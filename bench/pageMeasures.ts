import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import type { Board } from '../src/shared/board'
import { eventChannels } from '../src/shared/api'
import { cardKind } from '../src/shared/kinds'
import { launchBoard } from '../e2e/harness'
import { PANE } from './generate'
import { frameIntervals } from './stats'

/** `candidate` is Orgboard from another build (--compare=DIR), run beside this one while working on speed. */
export type Target = 'orgboard' | 'reactflow' | 'excalidraw' | 'empty' | 'candidate'
export const targets: readonly Target[] = ['orgboard', 'reactflow', 'excalidraw', 'empty']

/** One page, one board, one run of every interaction. */
export interface PageRun {
  openMs: number
  heapBytes: number
  /** Time between frames while panning / zooming with the wheel, ms. */
  panFrames: number[]
  zoomFrames: number[]
  /** Pointer move to the next painted frame while dragging one card, ms. */
  dragLatency: number[]
  /** Pointer move to the painted frame that shows the card moved, ms; null where the page has no node element to watch (Excalidraw, empty). */
  dragShown: number[] | null
  /** Custom-card renders per mouse move while dragging (React Flow pages only). */
  rendersPerMove: number | null
  /** Requests that tried to leave the machine (fonts from a CDN, say); should be []. */
  foreignRequests: string[]
  /** That the gestures did the same on every page: screen px per pan event, and the zoom reached. */
  checks: {
    panPx: number
    zoomedOutTo: number
    /** Screen px the card moved on the first and second drag (about 179 each); null where the page cannot tell (Excalidraw, empty). */
    draggedPx: number[] | null
  }
  /** Orgboard at M: File > Export, PNG at 2×, from the click on Export to the file written; null elsewhere. */
  pngExport: PngExport | null
}

/** One PNG export through the app's own dialog and exporter (scene → bands drawn in workers → PNG, the whole board). */
export interface PngExport {
  ms: number
  /** The image's size in pixels, to see the whole board (off-screen cards too) was drawn, and at what scale. */
  width: number
  height: number
}

export interface PageSetup {
  browser: Browser
  /** The built renderer and the built baseline pages with the generated files in data/. */
  rendererDir: string
  /** The shipped templates (the start screen lists them); the bundled runner has no __dirname to find them. */
  templatesDir: string
  /** Another build of the renderer, run as `candidate`. */
  candidateDir?: string
  pagesOrigin: string
  dataDir: string
  probe: string
  /** Where to save a screenshot of each page once opened, to look at what was measured. */
  screenshotDir?: string
  /** Where to save a CPU profile (.cpuprofile, for DevTools) of each gesture, to see where the time goes. */
  profileDir?: string
  /** Leave out the PNG export at M (--no-export). */
  noExport?: boolean
}

const PAN_STEPS = 30 // per direction: right, down, left, up
const ZOOM_STEPS = 40 // out, then as many back in
const DRAG_STEPS = 40
/** Screen px a card is dragged by, then back. */
const DRAG_BY = { x: 160, y: 80 }
const INPUT_INTERVAL_MS = 16
const centre = { x: PANE.left + PANE.width / 2, y: PANE.top + PANE.height / 2 }

/**
 * How each page reacts to a wheel event differs, so the deltas differ: every page
 * pans 40 screen px per event, and zooms from 0.5 to about 0.15 in ZOOM_STEPS events.
 * React Flow (panOnScroll) pans deltaX × 0.5 px and, off macOS, pinch-zooms ×2^(−deltaY × 0.002);
 * Excalidraw pans deltaX px and zooms linearly by −deltaY / 100.
 */
const wheel: Record<Target, { pan: number; zoom: number }> = {
  orgboard: { pan: 80, zoom: (-Math.log2(0.3) / ZOOM_STEPS) / 0.002 },
  candidate: { pan: 80, zoom: (-Math.log2(0.3) / ZOOM_STEPS) / 0.002 },
  reactflow: { pan: 80, zoom: (-Math.log2(0.3) / ZOOM_STEPS) / 0.002 },
  excalidraw: { pan: 40, zoom: (0.35 / ZOOM_STEPS) * 100 },
  empty: { pan: 40, zoom: 1 }
}

/**
 * The User Timing marks Orgboard sets when its idle work for a board is done (farLooks.ts,
 * farStrokes.ts), with the counts they carry: the empty board the app starts with sets them too.
 */
const idleWorkDone = (board: Board): [string, Record<string, number>][] => [
  ['orgboard:far-looks-ready', { cards: board.cards.length }],
  ['orgboard:far-strokes-ready', { relations: board.relations.length }]
]

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends `count` inputs at a steady pace, as a trackpad or mouse would, whatever the page is doing. */
async function paced(count: number, send: (i: number) => Promise<void>): Promise<void> {
  const start = Date.now()
  for (let i = 0; i < count; i++) {
    await send(i)
    const wait = start + (i + 1) * INPUT_INTERVAL_MS - Date.now()
    if (wait > 0) await sleep(wait)
  }
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await page.evaluate('gc(); gc()')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize
}

/** Records a CPU profile to `path` (for DevTools) until stopped; does nothing without a path. */
async function startProfile(page: Page, path: string | undefined): Promise<{ stop(): Promise<void> }> {
  if (!path) return { stop: async () => {} }
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop')
      await writeFile(path, JSON.stringify(profile))
      await cdp.detach()
    }
  }
}

/** What a trace records: enough to see each thread's time (main, compositor, raster) per gesture. */
const traceCategories = ['devtools.timeline', 'blink', 'cc', 'disabled-by-default-devtools.timeline']

async function frames(page: Page, gesture: () => Promise<void>, profileTo?: string, browser?: Browser): Promise<number[]> {
  const profiler = await startProfile(page, profileTo)
  // A trace beside the CPU profile: thread times per gesture are steadier than frame times.
  const tracePath = profileTo?.replace(/\.cpuprofile$/, '.trace.json')
  if (tracePath && browser) await browser.startTracing(page, { path: tracePath, categories: traceCategories })
  await page.evaluate('__probe.startFrames()')
  await gesture()
  await page.evaluate('__probe.afterPaint()')
  const times = frameIntervals((await page.evaluate('__probe.stopFrames()')) as number[])
  if (tracePath && browser) await browser.stopTracing()
  await profiler.stop()
  return times
}

type PaneView = { x: number; y: number; zoom: number; left: number; top: number; width?: number; height?: number }

/**
 * The card nearest the middle of the pane (its real size, read from the page, in case it differs
 * from PANE), and where to grab it on screen. Dragging it by DRAG_BY from there
 * stays inside the pane, well off its edges, where React Flow would start panning the view.
 */
async function cardAtCentre(page: Page, board: Board): Promise<{ id: string | null; x: number; y: number }> {
  const vp = (await page.evaluate('__probe.viewport()')) as PaneView
  const width = vp.width ?? PANE.width
  const height = vp.height ?? PANE.height
  const bx = (width / 2 - vp.x) / vp.zoom
  const by = (height / 2 - vp.y) / vp.zoom
  let best = { d: Infinity, id: null as string | null, x: vp.left + width / 2, y: vp.top + height / 2 }
  for (const c of board.cards) {
    if (cardKind(c.kind).container) continue
    const cx = c.x + c.width / 2
    const cy = c.y + c.height / 2
    const d = Math.hypot(cx - bx, cy - by)
    if (d < best.d) best = { d, id: c.id, x: vp.left + vp.x + cx * vp.zoom, y: vp.top + vp.y + cy * vp.zoom }
  }
  return (await grabPoint(page, best.id)) ?? best
}

/** Where the card is now on a React Flow page (it may have snapped to the grid); null elsewhere. */
async function grabPoint(page: Page, id: string | null): Promise<{ id: string; x: number; y: number } | null> {
  if (!id) return null
  const at = (await page.evaluate(`__probe.grabPoint(${JSON.stringify(id)})`)) as { x: number; y: number } | null
  return at && { id, ...at }
}

async function drag(page: Page, from: { id?: string | null; x: number; y: number }, dx: number, dy: number, countRenders: string | null) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + Math.sign(dx), from.y + Math.sign(dy)) // past any drag threshold
  await page.evaluate(countRenders ? `__probe.startRenders(${JSON.stringify(countRenders)})` : '0')
  await page.evaluate('__probe.latency.start()')
  if (from.id) await page.evaluate(`__probe.shown.start(${JSON.stringify(from.id)})`)
  await paced(DRAG_STEPS, (i) => page.mouse.move(from.x + (dx * (i + 1)) / DRAG_STEPS, from.y + (dy * (i + 1)) / DRAG_STEPS))
  await page.evaluate('__probe.afterPaint()')
  const latency = (await page.evaluate('__probe.latency.stop()')) as number[]
  const shown = (await page.evaluate('__probe.shown.stop()')) as number[] | null
  const renders = countRenders ? ((await page.evaluate('__probe.stopRenders()')) as number) : null
  await page.mouse.up()
  await page.evaluate('__probe.idleFrames(2)')
  return { latency, shown, renders, end: { x: from.x + dx, y: from.y + dy } }
}

/**
 * File > Export as a facilitator does it: PNG, 2×, light, the whole board; timed in the page from
 * the click on "Export PNG…" to the app's "Exported" notice, which comes once the file is written.
 */
async function exportPng(page: Page, path: string): Promise<PngExport> {
  await page.evaluate(`__orgboardEmit(${JSON.stringify(eventChannels.command)}, 'board.export')`)
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByRole('img').waitFor() // the preview
  for (const choice of ['PNG', 'Whole board', '2×', 'Light']) await dialog.getByRole('radio', { name: choice, exact: true }).click()
  await page.evaluate(() => {
    const w = window as unknown as { __exportStart?: number; __exportDone?: Promise<number> }
    w.__exportDone = new Promise((done) => {
      const seen = new MutationObserver(() => {
        if (document.querySelector('[data-testid=notice]')?.textContent?.includes('Exported')) {
          seen.disconnect()
          done(performance.now())
        }
      })
      seen.observe(document.body, { childList: true, subtree: true, characterData: true })
    })
    document.addEventListener('click', () => (w.__exportStart ??= performance.now()), { capture: true, once: true })
  })
  await dialog.getByRole('button', { name: 'Export PNG…' }).click()
  const ms = (await page.evaluate(
    async () => {
      const w = window as unknown as { __exportStart: number; __exportDone: Promise<number> }
      return (await w.__exportDone) - w.__exportStart
    },
    undefined
  )) as number
  const header = await readFile(path)
  // PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height.
  return { ms, width: header.readUInt32BE(16), height: header.readUInt32BE(20) }
}

/**
 * Runs the whole scenario on one fresh page: open, heap, pan, zoom, drag. With
 * `openOnly` it stops after opening: a warm-up, so no page pays alone for the
 * browser's first compile and font load.
 */
export async function runPage(target: Target, board: Board, sizeName: string, setup: PageSetup, openOnly = false): Promise<PageRun | null> {
  const boardFile = join(setup.dataDir, `board-${sizeName}.orgboard`)
  let page: Page
  let close: () => Promise<void>
  let foreign: string[]
  let start: string
  let drawn: string
  /** True once the page has done the work it puts off until idle after opening; the heap is weighed then. */
  let settled = '() => true'

  const exportPath = join(setup.dataDir, `export-${sizeName}-${target}.png`)
  if (target === 'orgboard' || target === 'candidate') {
    // The real app, real handlers and file services, opening the file through File > Open.
    const rendererDir = target === 'candidate' && setup.candidateDir ? setup.candidateDir : setup.rendererDir
    const app = await launchBoard({
      browser: setup.browser,
      rendererDir,
      templatesDir: setup.templatesDir,
      answerDialogs: { open: [boardFile], export: [exportPath] }
    })
    page = app.page
    await page.addInitScript(setup.probe)
    await page.reload()
    await page.locator('.react-flow').waitFor()
    close = () => app.close()
    foreign = app.foreignRequests
    start = `() => __orgboardEmit(${JSON.stringify(eventChannels.command)}, 'board.open')`
    drawn = '() => __probe.flowDrawn()'
    // The zoomed-out outlines and relation paths, made in idle time after opening (FarCards, FarRelations).
    settled = `() => ${JSON.stringify(idleWorkDone(board))}.every(([mark, detail]) =>
      performance.getEntriesByName(mark).some((m) => JSON.stringify(m.detail) === JSON.stringify(detail)))`
  } else {
    const context = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } })
    foreign = []
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(setup.pagesOrigin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
      foreign.push(url)
      return route.abort('blockedbyclient')
    })
    await context.addInitScript(setup.probe)
    page = await context.newPage()
    await page.goto(`${setup.pagesOrigin}/${target}/index.html`)
    await page.waitForFunction('window.__bench !== undefined')
    if (target === 'excalidraw') await page.locator('.excalidraw canvas').first().waitFor()
    close = () => context.close()
    const file = target === 'excalidraw' ? `/data/board-${sizeName}.excalidraw` : `/data/board-${sizeName}.orgboard`
    start = `() => __bench.open(${JSON.stringify(file)})`
    drawn = target === 'reactflow' ? '() => __bench.loaded && __probe.flowDrawn()' : '() => __bench.loaded'
  }

  try {
    await page.evaluate('__probe.idleFrames(2)')
    const profileTo = (gesture: string): string | undefined =>
      setup.profileDir ? join(setup.profileDir, `${sizeName}-${target}-${gesture}.cpuprofile`) : undefined
    const profiler = await startProfile(page, profileTo('open'))
    const openMs = (await page.evaluate(`__probe.measureOpen(${start}, ${drawn})`)) as number
    await profiler.stop()
    if (openOnly) return null
    await page.waitForFunction(settled, undefined, { timeout: 60_000 })
    // Weighed at once after the last mark, the heap still held 4 MB more at XL one round in three, gone a moment later.
    await page.evaluate('__probe.idleFrames(2)')
    await sleep(300)
    const heapBytes = await heapAfterGc(page)
    if (setup.screenshotDir) await page.screenshot({ path: join(setup.screenshotDir, `${sizeName}-${target}.png`) })

    await page.mouse.move(centre.x, centre.y)
    const { pan, zoom } = wheel[target]
    const directions = [
      [pan, 0],
      [0, pan],
      [-pan, 0],
      [0, -pan]
    ] as const
    type Vp = { x: number; y: number; zoom: number }
    const viewport = async (): Promise<Vp> => (await page.evaluate('__probe.viewport()')) as Vp
    const before = await viewport()
    let panned: Vp = before
    const panFrames = await frames(
      page,
      async () => {
        for (const [i, [dx, dy]] of directions.entries()) {
          await paced(PAN_STEPS, () => page.mouse.wheel(dx, dy))
          if (i === 0) panned = await viewport()
        }
      },
      profileTo('pan'),
      setup.browser
    )
    await page.evaluate('__probe.idleFrames(2)')
    await page.keyboard.down('Control')
    let zoomedOut: Vp = before
    const zoomFrames = await frames(
      page,
      async () => {
        await paced(ZOOM_STEPS, () => page.mouse.wheel(0, zoom))
        zoomedOut = await viewport()
        await paced(ZOOM_STEPS, () => page.mouse.wheel(0, -zoom))
      },
      profileTo('zoom'),
      setup.browser
    )
    await page.keyboard.up('Control')
    await page.evaluate('__probe.idleFrames(2)')
    // As a facilitator's hand takes a moment to reach a card: a page may finish a zoom once the view rests (Orgboard does, 120 ms on).
    await sleep(300)

    const renderType = target === 'orgboard' || target === 'candidate' ? 'card' : target === 'reactflow' ? 'default' : null
    const from = target === 'empty' ? { id: null, ...centre } : await cardAtCentre(page, board)
    const dragProfile = await startProfile(page, profileTo('drag'))
    const tracePath = setup.profileDir ? join(setup.profileDir, `${sizeName}-${target}-drag.trace.json`) : undefined
    if (tracePath) await setup.browser.startTracing(page, { path: tracePath, categories: traceCategories })
    const first = await drag(page, from, DRAG_BY.x, DRAG_BY.y, null)
    if (tracePath) await setup.browser.stopTracing()
    await dragProfile.stop()
    // Back from where the card is now (snapped to the grid, maybe), measured from the page where it can be.
    const moved = await grabPoint(page, from.id)
    const second = await drag(page, moved ?? first.end, -DRAG_BY.x, -DRAG_BY.y, renderType)
    const back = moved && (await grabPoint(page, moved.id))
    // How far the card went on each drag, to see that the drag happened (a drag that grabbed nothing measures nothing).
    const dragged = moved && back ? [Math.hypot(moved.x - from.x, moved.y - from.y), Math.hypot(back.x - moved.x, back.y - moved.y)] : null
    let pngExport: PngExport | null = null
    if ((target === 'orgboard' || target === 'candidate') && sizeName === 'M' && !setup.noExport) {
      // Traced too with --profile: the export's time is spread over the main thread and its workers.
      const exportTrace = setup.profileDir ? join(setup.profileDir, `${sizeName}-${target}-export.trace.json`) : undefined
      if (exportTrace) await setup.browser.startTracing(page, { path: exportTrace, categories: traceCategories })
      pngExport = await exportPng(page, exportPath)
      if (exportTrace) await setup.browser.stopTracing()
    }
    return {
      openMs,
      heapBytes,
      panFrames,
      zoomFrames,
      dragLatency: first.latency,
      dragShown: first.shown,
      rendersPerMove: second.renders === null ? null : second.renders / DRAG_STEPS,
      foreignRequests: [...foreign],
      checks: { panPx: (before.x - panned.x) / PAN_STEPS, zoomedOutTo: zoomedOut.zoom, draggedPx: dragged },
      pngExport
    }
  } finally {
    await close()
  }
}
