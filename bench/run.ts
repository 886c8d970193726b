import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { chromium } from '@playwright/test'
import { serializeBoard } from '../src/shared/serialize'
import { chromiumArgs } from '../e2e/harness'
import { serveFolder } from '../e2e/staticServer'
import { generateBoard, sizes, type BenchSize } from './generate'
import { measureNode, type NodeFigures } from './nodeMeasures'
import { runPage, targets, type PageRun, type Target } from './pageMeasures'
import { lateShare, percentile, median } from './stats'
import { renderComparison, renderTable, type SizeSummary, type TargetSummary } from './table'

/**
 * `npm run bench [-- --quick] [--sizes=S,M] [--rounds=N] [--screenshots=DIR] [--profile=DIR]`: see bench/README.md.
 * Runs from out/bench-runner (bundled by bench/bench.mjs), with the repo as cwd.
 */

const flags = [...chromiumArgs, '--js-flags=--expose-gc']

function option(argv: string[], name: string): string | undefined {
  return argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
}

function summarise(runs: PageRun[]): TargetSummary {
  const pan = runs.flatMap((r) => r.panFrames)
  const zoom = runs.flatMap((r) => r.zoomFrames)
  const drag = runs.flatMap((r) => r.dragLatency)
  const shown = runs.flatMap((r) => r.dragShown ?? [])
  const renders = runs.map((r) => r.rendersPerMove).filter((r): r is number => r !== null)
  const exports = runs.map((r) => r.pngExport).filter((e) => e !== null)
  return {
    openMs: median(runs.map((r) => r.openMs)),
    heapMB: median(runs.map((r) => r.heapBytes)) / 1024 / 1024,
    panP50: percentile(pan, 50),
    panP95: percentile(pan, 95),
    panLong: pan.filter((f) => f > 50).length / runs.length,
    panLate: lateShare(pan),
    zoomP50: percentile(zoom, 50),
    zoomP95: percentile(zoom, 95),
    zoomLong: zoom.filter((f) => f > 50).length / runs.length,
    zoomLate: lateShare(zoom),
    dragP95: percentile(drag, 95),
    dragShownP95: shown.length ? percentile(shown, 95) : null,
    rendersPerMove: renders.length ? median(renders) : null,
    pngExport: exports[0] ? { ms: median(exports.map((e) => e.ms)), width: exports[0].width, height: exports[0].height } : null
  }
}

async function convertForExcalidraw(browserPage: import('@playwright/test').Page, size: BenchSize, dataDir: string): Promise<void> {
  const text = (await browserPage.evaluate(`__benchConvert('/data/board-${size.name}.orgboard')`)) as string
  await writeFile(join(dataDir, `board-${size.name}.excalidraw`), text)
}

export async function main(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick')
  const wanted = option(argv, 'sizes')?.split(',') ?? (quick ? ['S'] : sizes.map((s) => s.name))
  const rounds = Number(option(argv, 'rounds') ?? 2)
  const chosen = sizes.filter((s) => wanted.includes(s.name))
  const screenshotDir = option(argv, 'screenshots')
  const profileDir = option(argv, 'profile')
  // --no-export leaves out the PNG export at M (10–20 s a run) while working on the canvas.
  const noExport = argv.includes('--no-export')
  // --pages=orgboard,reactflow runs only those pages (while working on one); the table shows — for the others.
  const only = option(argv, 'pages')?.split(',') ?? targets
  // --compare=DIR also runs that build of the renderer, as `candidate`, interleaved with the others.
  const compare = option(argv, 'compare')
  const pages: Target[] = compare ? [...targets, 'candidate'] : [...targets]
  const root = process.cwd()
  // --renderer=DIR benchmarks another build of the renderer (to compare two builds side by side).
  const rendererDir = resolve(root, option(argv, 'renderer') ?? 'out/renderer')
  const pagesDir = resolve(root, 'out/bench-pages')
  const dataDir = join(pagesDir, 'data')
  if (!existsSync(join(rendererDir, 'index.html')) || !existsSync(join(pagesDir, 'reactflow/index.html'))) {
    throw new Error('Nothing built: run the benchmark with npm run bench')
  }
  await mkdir(dataDir, { recursive: true })
  for (const dir of [screenshotDir, profileDir]) if (dir) await mkdir(dir, { recursive: true })
  const probeSource = await readFile(resolve(root, 'bench/probe.ts'), 'utf8')
  const probe = ts.transpileModule(probeSource, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText

  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: flags })
  const server = await serveFolder(pagesDir)
  const scratch = await mkdtemp(join(tmpdir(), 'orgboard-bench-'))
  const started = Date.now()
  const setup = { browser, rendererDir, templatesDir: join(root, 'resources', 'templates'), pagesOrigin: server.origin, dataDir, probe, ...(compare ? { candidateDir: resolve(root, compare) } : {}) }
  const results: Record<string, { size: BenchSize; node: NodeFigures; runs: Record<Target, PageRun[]>; summary: SizeSummary }> = {}
  try {
    for (const size of chosen) {
      const board = generateBoard(size)
      await writeFile(join(dataDir, `board-${size.name}.orgboard`), serializeBoard(board))
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      await page.goto(`${server.origin}/excalidraw/index.html`)
      await convertForExcalidraw(page, size, dataDir)
      await context.close()

      process.stdout.write(`${size.name} (${size.cards} cards, ${size.relations} relations): file services and store… `)
      const node = await measureNode(board, scratch, size.name)
      process.stdout.write('done\n')
      if (size === chosen[0]) {
        process.stdout.write('  warming up every page once… ')
        for (const target of pages.filter((t) => only.includes(t) || t === 'candidate')) await runPage(target, board, size.name, setup, true)
        process.stdout.write('done\n')
      }
      const runs = Object.fromEntries(pages.map((t) => [t, [] as PageRun[]])) as Record<Target, PageRun[]>
      for (let round = 0; round < rounds; round++) {
        // Interleaved A B A B (and reversed every other round), so a noisy minute hurts every page alike.
        const order = (round % 2 === 0 ? pages : [...pages].reverse()).filter((t) => only.includes(t) || t === 'candidate')
        for (const target of order) {
          process.stdout.write(`  round ${round + 1}/${rounds}: ${target}… `)
          const run = await runPage(target, board, size.name, { ...setup, ...(screenshotDir ? { screenshotDir } : {}), ...(profileDir ? { profileDir } : {}), noExport })
          if (!run) throw new Error('no run')
          runs[target].push(run)
          if (run.foreignRequests.length) process.stdout.write(`(blocked ${run.foreignRequests.length} requests leaving the machine) `)
          process.stdout.write(
            `open ${run.openMs.toFixed(0)} ms, pan p95 ${percentile(run.panFrames, 95).toFixed(1)} ms ` +
              `zoom p95 ${percentile(run.zoomFrames, 95).toFixed(1)} ms, drag p95 ${percentile(run.dragLatency, 95).toFixed(1)} ms` +
              (run.dragShown ? ` (shown ${percentile(run.dragShown, 95).toFixed(1)} ms)` : '') +
              `, heap ${(run.heapBytes / 1024 / 1024).toFixed(1)} MB ` +
              `(${run.checks.panPx.toFixed(0)} px/event, zoomed out to ${run.checks.zoomedOutTo.toFixed(2)}` +
              (run.checks.draggedPx ? `, card dragged ${run.checks.draggedPx.map((px) => px.toFixed(0)).join(' + ')} px` : '') +
              ')' +
              (run.pngExport ? `, PNG export ${run.pngExport.ms.toFixed(0)} ms (${run.pngExport.width}×${run.pngExport.height} px)` : '') +
              '\n'
          )
        }
      }
      const summary: SizeSummary = {
        size,
        node,
        pages: Object.fromEntries(pages.map((t) => [t, summarise(runs[t])])) as Record<Target, TargetSummary>
      }
      results[size.name] = { size, node, runs, summary }
    }
  } finally {
    await server.close()
    await rm(scratch, { recursive: true, force: true })
  }
  const version = browser.version()
  await browser.close()

  const minutes = (Date.now() - started) / 60_000
  const table = renderTable(Object.values(results).map((r) => r.summary))
  console.log(`\nOrgboard benchmark — Chromium ${version}, ${cpus().length} cores, ${rounds} round(s) per size, ${minutes.toFixed(1)} min\n`)
  console.log(table)
  const comparison = renderComparison(Object.values(results).map((r) => r.summary))
  if (comparison) console.log(`\n--compare: this build beside ${compare}, one figure per measure (ratios tell more than figures)\n\n${comparison}`)
  const out = {
    date: new Date().toISOString(),
    chromium: { version, executable: executablePath ?? 'playwright', flags, window: '1280×800', headless: true },
    node: process.version,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
    quick,
    rounds,
    minutes,
    sizes: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, { ...r.summary, runs: r.runs }])),
    table
  }
  await writeFile(resolve(root, 'bench-results.json'), JSON.stringify(out, null, 2) + '\n')
  console.log('\nWritten to bench-results.json')
}
