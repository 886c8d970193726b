import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test'
import { sampleBoard } from '../src/main/files/sampleBoard'
import { serializeBoard } from '../src/shared/serialize'
import { electronBinary } from './electronBinary'
import { hasElectron, SKIPPED } from './skip'

/**
 * Orgboard as a desktop citizen, in the real app: a board on the command line,
 * a second launch handing its board to the running app, a file dropped on the
 * window (through the preload's webUtils), the recent list in the native menu
 * and the top bar, and quitting with unsaved changes in two windows. Only the
 * OS dialogs are answered by the test. Each app gets its own user-data folder
 * (--user-data-dir), which also scopes the single-instance lock.
 */

const mainEntry = resolve(__dirname, '../out/main/index.js')
const sampleCards = sampleBoard().cards.length

interface Fixtures {
  /** A temporary folder for this test's boards; `profile/` inside it is the app's user-data folder. */
  folder: string
  /** Starts the built app with these arguments after the app path; every app is closed after the test. */
  launch(args?: string[]): Promise<ElectronApplication>
}

const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  folder: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'orgboard-electron-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  launch: async ({ folder }, use) => {
    const apps: ElectronApplication[] = []
    await use(async (args = []) => {
      if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run \`npm run build\` first.`)
      const app = await electron.launch({ args: [mainEntry, ...profileArgs(folder), ...args], env: builtAppEnv() })
      apps.push(app)
      return app
    })
    for (const app of apps) {
      // A failed test must not hang on "Save changes?": answer Don't Save. The app may have quit already.
      await app
        .evaluate(({ dialog }) => {
          dialog.showMessageBox = (async () => ({ response: 1, checkboxChecked: false })) as never
        })
        .catch(() => undefined)
      await app.close().catch(() => undefined)
    }
  }
})

test.skip(!hasElectron, SKIPPED)

const profileArgs = (folder: string): string[] => [`--user-data-dir=${join(folder, 'profile')}`]

async function boardFile(folder: string, name: string): Promise<string> {
  const path = join(folder, `${name}.orgboard`)
  await writeFile(path, serializeBoard(sampleBoard()))
  return path
}

function windowTitles(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()).sort())
}

function focusedTitle(app: ElectronApplication): Promise<string | null> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getFocusedWindow()?.getTitle() ?? null)
}

/** The window whose page shows this board name (windows may still be opening). */
async function pageShowing(app: ElectronApplication, name: string): Promise<Page> {
  let found: Page | undefined
  await expect
    .poll(async () => {
      for (const page of app.windows()) {
        const title = await page
          .getByTestId('board-title')
          .textContent({ timeout: 1_000 })
          .catch(() => null)
        if (title === name) found = page
      }
      return found !== undefined
    })
    .toBe(true)
  return found as Page
}

/**
 * Answers "Save changes?" in main from a script (0 Save, 1 Don't Save, 2 Cancel; Cancel once the
 * script runs out), and writes each question to `record`, a file that outlives the app.
 */
async function scriptSaveQuestions(app: ElectronApplication, record: string, answers: number[]): Promise<void> {
  await app.evaluate(
    ({ dialog }, script) => {
      const fs = process.getBuiltinModule('node:fs')
      dialog.showMessageBox = (async (_window: unknown, options: { message: string }) => {
        fs.appendFileSync(script.record, `${options.message}\n`)
        return { response: script.answers.shift() ?? 2, checkboxChecked: false }
      }) as never
    },
    { record, answers }
  )
}

async function questionsAsked(record: string): Promise<string[]> {
  return (await readFile(record, 'utf8').catch(() => '')).split('\n').filter(Boolean)
}

const saveQuestion = (name: string): string => `Do you want to save the changes you made to “${name}”?`

async function quit(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ app: electronApp }) => electronApp.quit())
}

async function addNote(page: Page, title: string): Promise<void> {
  await page.locator('.react-flow__pane').click()
  await page.keyboard.press('n')
  const editor = page.locator('.card__title-editor')
  await editor.fill(title)
  await editor.press('Enter')
  await expect(page.getByTestId('edited-marker')).toBeVisible()
}

/** Runs the app a second time with these arguments; it hands them to the running app and exits. */
function secondLaunch(folder: string, args: string[]): Promise<number | null> {
  const binary = electronBinary()
  if (!binary) throw new Error('no Electron binary')
  return new Promise((done, fail) => {
    const child = spawn(binary, [mainEntry, ...profileArgs(folder), ...args], { env: builtAppEnv(), stdio: 'ignore' })
    child.on('error', fail)
    child.on('exit', (code) => done(code))
  })
}

test('a board on the command line opens in the only window', async ({ launch, folder }) => {
  const path = await boardFile(folder, 'Harbour & Pine map')
  const app = await launch([path])
  const page = await app.firstWindow()
  await expect(page.getByTestId('board-title')).toHaveText('Harbour & Pine map')
  await expect(page.locator('.react-flow__node')).toHaveCount(sampleCards)
  await expect.poll(() => windowTitles(app)).toEqual(['Harbour & Pine map — Orgboard'])
})

test('two boards on the command line open in a window each', async ({ launch, folder }) => {
  const walls = await boardFile(folder, 'Walls')
  const gardens = await boardFile(folder, 'Gardens')
  const app = await launch([walls, '--some-chromium-switch', gardens])
  await expect.poll(() => windowTitles(app)).toEqual(['Gardens — Orgboard', 'Walls — Orgboard'])
})

test('a second launch opens its board in a new window of the running app, in front', async ({ launch, folder }) => {
  const walls = await boardFile(folder, 'Walls that just appeared')
  const app = await launch()
  const first = await app.firstWindow()
  await addNote(first, 'Where have walls just appeared?')

  expect(await secondLaunch(folder, [walls])).toBe(0)
  const second = await pageShowing(app, 'Walls that just appeared')
  await expect(second.locator('.react-flow__node')).toHaveCount(sampleCards)
  await expect.poll(() => windowTitles(app)).toEqual(['Walls that just appeared — Orgboard', '• Untitled — Orgboard'])
  await expect.poll(() => focusedTitle(app)).toBe('Walls that just appeared — Orgboard')

  // The same board again: its window comes to the front, no third window.
  await first.bringToFront()
  expect(await secondLaunch(folder, [walls])).toBe(0)
  await expect.poll(() => focusedTitle(app)).toBe('Walls that just appeared — Orgboard')
  expect(await windowTitles(app)).toHaveLength(2)
})

test('a board file dropped on the window opens in it', async ({ launch, folder }) => {
  const path = await boardFile(folder, 'Seedlings and gardens')
  const app = await launch()
  const page = await app.firstWindow()
  await expect(page.getByTestId('board-title')).toHaveText('Untitled')
  // A File backed by the real path (as from the file manager), dropped on the canvas; the preload finds its path.
  await page.evaluate(() => {
    const input = document.createElement('input')
    input.type = 'file'
    input.id = 'drop-source'
    input.hidden = true
    document.body.append(input)
  })
  await page.setInputFiles('#drop-source', path)
  await page.evaluate(() => {
    const file = (document.getElementById('drop-source') as HTMLInputElement).files?.[0]
    if (!file) throw new Error('no file')
    const transfer = new DataTransfer()
    transfer.items.add(file)
    const canvas = document.querySelector('.canvas') as HTMLElement
    for (const type of ['dragenter', 'dragover', 'drop']) {
      canvas.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }))
    }
  })
  await expect(page.getByTestId('board-title')).toHaveText('Seedlings and gardens')
  await expect(page.locator('.react-flow__node')).toHaveCount(sampleCards)
  await expect.poll(() => windowTitles(app)).toEqual(['Seedlings and gardens — Orgboard'])
})

test('the recent list: in File > Open Recent and the top bar, missing boards marked, remembered across launches', async ({
  launch,
  folder
}) => {
  const walls = await boardFile(folder, 'Walls')
  const gardens = await boardFile(folder, 'Gardens')
  const recentMenu = (app: ElectronApplication): Promise<string[]> =>
    app.evaluate(
      ({ Menu }) =>
        Menu.getApplicationMenu()
          ?.getMenuItemById('board.openRecent')
          ?.submenu?.items.filter((i) => i.type !== 'separator')
          .map((i) => `${i.label}${i.enabled ? '' : ' [disabled]'}`) ?? []
    )

  const first = await launch([gardens])
  await expect((await first.firstWindow()).getByTestId('board-title')).toHaveText('Gardens')
  await first.close()
  const second = await launch([walls])
  await expect((await second.firstWindow()).getByTestId('board-title')).toHaveText('Walls')
  await expect.poll(() => recentMenu(second)).toEqual(['Walls', 'Gardens', 'Clear Menu'])
  await second.close()

  await rm(gardens)
  const app = await launch()
  const page = await app.firstWindow()
  await expect.poll(() => recentMenu(app)).toEqual(['Walls', 'Gardens (missing) [disabled]', 'Clear Menu'])
  await page.getByRole('button', { name: 'Open Recent' }).click()
  await expect(page.getByTestId('recent-board').locator('.recent__name')).toHaveText(['Walls', 'Gardens'])
  await expect(page.getByTestId('recent-board').nth(1)).toContainText('Missing')
  await page.keyboard.press('Escape')

  // Walls from the native menu opens in this (untouched) window.
  await app.evaluate(({ Menu, BrowserWindow }) => {
    const item = Menu.getApplicationMenu()
      ?.getMenuItemById('board.openRecent')
      ?.submenu?.items.find((i) => i.label === 'Walls')
    if (!item) throw new Error('no Walls in Open Recent')
    item.click(undefined, BrowserWindow.getAllWindows()[0], undefined)
  })
  await expect(page.getByTestId('board-title')).toHaveText('Walls')
  const saved = JSON.parse(await readFile(join(folder, 'profile', 'recent.json'), 'utf8')) as { boards: { path: string }[] }
  expect(saved.boards.map((b) => b.path)).toEqual([walls, gardens])
})

test('quitting with unsaved changes in two windows asks for each, and cancelling keeps everything open', async ({ launch, folder }) => {
  const walls = await boardFile(folder, 'Walls')
  const record = join(folder, 'questions.txt')
  const app = await launch([walls])
  const wallsPage = await app.firstWindow()
  await expect(wallsPage.getByTestId('board-title')).toHaveText('Walls')
  await addNote(wallsPage, 'Legal review required for any customer data leaving the EU')
  const opening = app.waitForEvent('window')
  await wallsPage.keyboard.press('ControlOrMeta+Shift+N')
  const untitled = await opening
  await expect(untitled.getByTestId('board-title')).toHaveText('Untitled')
  await addNote(untitled, 'When does a seedling graduate?')

  // Cancel the first question: the quit stops there, and no window closes.
  await scriptSaveQuestions(app, record, [2])
  await quit(app)
  await expect.poll(() => questionsAsked(record)).toHaveLength(1)
  await expect.poll(() => windowTitles(app)).toEqual(['• Untitled — Orgboard', '• Walls — Orgboard'])

  // Quit again, Don't Save for each board: both are asked, one after the other, and the app quits.
  await scriptSaveQuestions(app, record, [1, 1])
  const closed = app.waitForEvent('close')
  await quit(app)
  await closed
  const asked = await questionsAsked(record)
  expect(asked.slice(1).sort()).toEqual([saveQuestion('Untitled'), saveQuestion('Walls')])
  expect(await readFile(walls, 'utf8')).toBe(serializeBoard(sampleBoard()))
})

test('quitting asks only about boards with unsaved changes, and Save writes them', async ({ launch, folder }) => {
  const walls = await boardFile(folder, 'Walls')
  const gardens = await boardFile(folder, 'Gardens')
  const record = join(folder, 'questions.txt')
  const app = await launch([walls, gardens])
  const wallsPage = await pageShowing(app, 'Walls')
  await pageShowing(app, 'Gardens')
  await addNote(wallsPage, 'The data warehouse migration owns the only two data engineers')
  await scriptSaveQuestions(app, record, [0])
  const closed = app.waitForEvent('close')
  await quit(app)
  await closed
  expect(await questionsAsked(record)).toEqual([saveQuestion('Walls')])
  const saved = JSON.parse(await readFile(walls, 'utf8')) as { cards: { title: string }[] }
  expect(saved.cards.map((c) => c.title)).toContain('The data warehouse migration owns the only two data engineers')
  expect(await readFile(gardens, 'utf8')).toBe(serializeBoard(sampleBoard()))
})

/** The environment for the built app: never the dev server, even when run from `electron-vite dev`'s shell. */
function builtAppEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'ELECTRON_RENDERER_URL')
  )
}
