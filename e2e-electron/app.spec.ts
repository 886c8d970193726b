import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test'
import { invokeChannels } from '../src/shared/api'
import { hasElectron, SKIPPED } from './skip'

/**
 * The real Electron app: window, preload, IPC, native menu accelerators and the
 * file services behind them. Only the OS dialogs are answered by the test.
 */

const mainEntry = resolve(__dirname, '../out/main/index.js')

interface Fixtures {
  /** A temporary folder for this test's board files. */
  folder: string
  /** The app, launched from the build; closed after the test. */
  app: ElectronApplication
  /** Its first window. */
  page: Page
}

const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  folder: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'orgboard-electron-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  app: async ({ folder }, use) => {
    if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run \`npm run build\` first.`)
    // Its own profile, so the recent list, window places, recovery copies and version history of the user's real Orgboard stay untouched.
    const app = await electron.launch({ args: [mainEntry, `--user-data-dir=${join(folder, 'profile')}`], env: builtAppEnv() })
    await use(app)
    // Quitting asks the renderer about unsaved changes: answer "Don't Save" so a failed test cannot hang here.
    await app.evaluate(({ dialog }) => {
      dialog.showMessageBox = async () => ({ response: 1, checkboxChecked: false })
    })
    await app.close()
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    // The start screen greets every launch; Escape starts with a blank board.
    await page.getByTestId('start-screen').waitFor()
    await page.keyboard.press('Escape')
    await use(page)
  }
})

test.skip(!hasElectron, SKIPPED)

test('adds a card, saves it with Mod+S, and opens it again', async ({ app, page, folder }) => {
  const file = join(folder, 'Electron journey.orgboard')
  const nodes = page.locator('.react-flow__node')
  await expect.poll(() => windowTitle(app)).toBe('Untitled — Orgboard')

  // Add a note with its key, on the canvas.
  await page.locator('.react-flow__pane').click()
  const before = await nodes.count()
  await page.keyboard.press('n')
  await expect(nodes).toHaveCount(before + 1)
  const editor = page.locator('.card__title-editor')
  await editor.fill('Shipped from Electron')
  await editor.press('Enter')
  await expect(nodes.filter({ hasText: 'Shipped from Electron' })).toHaveCount(1)

  // Save: the shortcut goes through the native menu or the renderer, the path through a stubbed dialog.
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = async () => ({ canceled: false, filePath: path })
  }, file)
  await page.locator('.react-flow__pane').click()
  await page.keyboard.press('ControlOrMeta+S')
  await expect.poll(() => existsSync(file)).toBe(true)
  await expect.poll(() => windowTitle(app)).toBe('Electron journey — Orgboard')
  const saved = JSON.parse(await readFile(file, 'utf8')) as { format: string; cards: { title: string }[] }
  expect(saved.format).toBe('orgboard')
  expect(saved.cards.map((c) => c.title)).toContain('Shipped from Electron')

  // A new board, then open the file again.
  await page.keyboard.press('ControlOrMeta+N')
  await page.getByTestId('start-screen').getByRole('button', { name: /^Blank board/ }).click()
  await expect(nodes).toHaveCount(0)
  await app.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [path] })
  }, file)
  await page.keyboard.press('ControlOrMeta+O')
  await expect(nodes.filter({ hasText: 'Shipped from Electron' })).toHaveCount(1)
  await expect(nodes).toHaveCount(before + 1)
  await expect.poll(() => windowTitle(app)).toBe('Electron journey — Orgboard')
})

test('keeps the renderer sandboxed, with boardApi as its only bridge', async ({ page }) => {
  const bridge = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>
    const api = scope.boardApi
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      api: api && typeof api === 'object' ? Object.keys(api).sort() : null
    }
  })
  expect(bridge).toEqual({
    require: 'undefined',
    process: 'undefined',
    // Every contract method, the event subscription, and the preload's own drop helper (which replaces openDropped).
    api: [...Object.keys(invokeChannels).filter((m) => m !== 'openDropped'), 'on', 'openDroppedFile'].sort()
  })
})

test('finds the shipped templates beside the app and starts a board from one', async ({ page }) => {
  await page.keyboard.press('ControlOrMeta+N')
  const start = page.getByTestId('start-screen')
  await start.getByRole('button', { name: /^Dependency path/ }).click()
  await expect(start).toHaveCount(0)
  await expect(page.locator('.react-flow__node').filter({ hasText: 'Delay prediction model' })).toHaveCount(1)
})

test('exports a PNG drawn by its workers under app://, and the PNG carries the board', async ({ app, page, folder }) => {
  const file = join(folder, 'Dependency path.png')
  await page.keyboard.press('ControlOrMeta+N')
  await page.getByTestId('start-screen').getByRole('button', { name: /^Dependency path/ }).click()
  await expect(page.locator('.react-flow__node').filter({ hasText: 'Delay prediction model' })).toHaveCount(1)
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = async () => ({ canceled: false, filePath: path })
  }, file)
  await page.keyboard.press('ControlOrMeta+Shift+E')
  const exportDialog = page.getByTestId('export-dialog')
  await expect(exportDialog.getByRole('img')).toBeVisible() // the preview, drawn in a worker too
  await exportDialog.getByRole('radio', { name: 'PNG', exact: true }).click()
  await exportDialog.getByRole('button', { name: 'Export PNG…' }).click()
  await expect(page.getByTestId('notice')).toContainText('Exported "Dependency path.png"', { timeout: 60_000 })
  const png = await readFile(file)
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
  expect(png.readUInt32BE(16)).toBeGreaterThan(100) // width, from IHDR
  expect(png.includes(Buffer.from('orgboard'))).toBe(true) // the board's iTXt chunk
})

function windowTitle(app: ElectronApplication): Promise<string> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '')
}

/** The environment for the built app: never the dev server, even when run from `electron-vite dev`'s shell. */
function builtAppEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'ELECTRON_RENDERER_URL')
  )
}
