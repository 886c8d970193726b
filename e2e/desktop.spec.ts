import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { sampleBoard } from '../src/main/files/sampleBoard'
import { serializeBoard } from '../src/shared/serialize'
import { addCard, card, expect, test } from './fixtures'

/**
 * A board arriving from outside the window: main's offer (command line,
 * double-click, second launch), a file dropped from the file manager, and the
 * recent boards list. Which window takes a file is main's decision, unit
 * tested in src/main/desktop/windowRules.test.ts.
 */

const shots = '/tmp/desktop'
const nodes = (page: Page) => page.locator('.react-flow__node')

/** A Harbour & Pine board on disk (SAMPLE-ORG.md), one card of every kind. */
async function boardFile(folder: string, name: string): Promise<string> {
  const path = join(folder, `${name}.orgboard`)
  await writeFile(path, serializeBoard(sampleBoard()))
  return path
}

const sampleCards = sampleBoard().cards.length

/** Every card of the board is on the canvas (zoomed to fit first: cards out of view are not drawn). */
async function expectWholeBoard(page: Page): Promise<void> {
  await expect(card(page, 'Route Optimiser 3.0 re-platform')).toBeVisible()
  await page.keyboard.press('Shift+1')
  await expect(nodes(page)).toHaveCount(sampleCards)
}

test('a board main offers (command line, double-click, second launch) opens in the window and joins the recent list', async ({ app, folder }) => {
  const path = await boardFile(folder, 'Harbour & Pine map')
  await app.offerPath(path)
  await expectWholeBoard(app.page)
  await expect(card(app.page, 'Route Optimiser 3.0 re-platform')).toBeVisible()
  await expect(app.page.getByTestId('board-title')).toHaveText('Harbour & Pine map')
  await expect.poll(() => app.window.title).toBe('Harbour & Pine map — Orgboard')
  expect((await app.recent.list()).map((b) => b.path)).toEqual([path])
})

test('an offered board asks before unsaved changes are lost', async ({ launch, folder }) => {
  const path = await boardFile(folder, 'Walls')
  const app = await launch({ answerDialogs: { discard: ['cancel'] } })
  await addCard(app.page, 'Wall', 'Hiring freeze for all non-revenue roles')
  await app.offerPath(path)
  await expect.poll(() => app.dialogLog).toEqual(['discard:Untitled'])
  await expect(nodes(app.page)).toHaveCount(1)

  app.dialogs.discard.push('discard')
  await app.offerPath(path)
  await expectWholeBoard(app.page)
  await expect(app.page.getByTestId('board-title')).toHaveText('Walls')
})

test('the renderer cannot open a path main did not give it', async ({ app, folder }) => {
  const path = await boardFile(folder, 'Not offered')
  const refused = await app.page.evaluate(async (p) => {
    const api = (globalThis as unknown as { boardApi: Record<string, (arg: unknown) => Promise<unknown>> }).boardApi
    const outcomes: string[] = []
    for (const method of ['openPath', 'openRecent'] as const) {
      await (api[method] as (arg: unknown) => Promise<unknown>)({ path: p }).then(
        () => outcomes.push(`${method}: opened`),
        (err: Error) => outcomes.push(`${method}: ${err.message}`)
      )
    }
    return { outcomes, openDropped: typeof api.openDropped }
  }, path)
  expect(refused.outcomes).toEqual([
    expect.stringMatching(/^openPath: .*not offered to this window/),
    expect.stringMatching(/^openRecent: .*not in the recent boards list/)
  ])
  // A dropped file goes in as a File; there is no method that takes its path.
  expect(refused.openDropped).toBe('undefined')
  await expect(nodes(app.page)).toHaveCount(0)
})

test('dropping a board file on the window opens it', async ({ app, folder }) => {
  const path = await boardFile(folder, 'Seedlings and gardens')
  await app.dragFile(path)
  await expect(app.page.getByTestId('drop-hint')).toBeVisible()
  await app.page.screenshot({ path: join(shots, 'drop-hint.png') })
  await app.dropFile(path)
  await expect(app.page.getByTestId('drop-hint')).toHaveCount(0)
  await expectWholeBoard(app.page)
  await expect(app.page.getByTestId('board-title')).toHaveText('Seedlings and gardens')
  expect((await app.recent.list()).map((b) => b.name)).toEqual(['Seedlings and gardens'])
})

test('dropping something that is not a board explains, and leaves the board alone', async ({ app, folder }) => {
  await addCard(app.page, 'Note', 'Which work depends on which?')
  app.dialogs.discard.push('discard', 'discard')
  const photo = join(folder, 'Whiteboard photo.png')
  await writeFile(photo, 'not really a png')
  await app.dropFile(photo)
  await expect(app.page.getByTestId('notice')).toHaveText('Could not open "Whiteboard photo.png": Orgboard opens board files (.orgboard).')

  await app.dropFile(join(folder, 'From a browser.orgboard'), { onDisk: false })
  await expect(app.page.getByTestId('notice')).toContainText('"From a browser.orgboard": it is not a file on this computer')
  await expect(card(app.page, 'Which work depends on which?')).toBeVisible()
  expect(await app.recent.list()).toEqual([])
})

test('a palette drag is still a card, not a file', async ({ app }) => {
  const palette = app.page.getByRole('button', { name: /^Seedling/ })
  await palette.dragTo(app.page.locator('.react-flow__pane'))
  await expect(nodes(app.page)).toHaveCount(1)
  await expect(app.page.getByTestId('drop-hint')).toHaveCount(0)
})

test('Open Recent: newest first, missing boards marked and removable, and it opens the board', async ({ launch, folder }) => {
  const userDataDir = join(folder, 'profile')
  const gardens = await boardFile(folder, 'Gardens')
  const walls = await boardFile(folder, 'Walls that just appeared')
  const teams = join(folder, 'Teams and their contexts.orgboard')
  const first = await launch({ userDataDir, answerDialogs: { save: [teams] } })
  await first.offerPath(gardens)
  await expect(first.page.getByTestId('board-title')).toHaveText('Gardens')
  await first.dropFile(walls)
  await expect(first.page.getByTestId('board-title')).toHaveText('Walls that just appeared')
  await first.page.keyboard.press('Control+Shift+S')
  await expect(first.page.getByTestId('board-title')).toHaveText('Teams and their contexts')
  await rm(gardens)

  // Another session with the same user-data folder: the list is remembered.
  const app = await launch({ userDataDir })
  const { page } = app
  await page.getByRole('button', { name: 'Open Recent' }).click()
  const entries = page.getByTestId('recent-board')
  await expect(entries).toHaveCount(3)
  await expect(entries.locator('.recent__name')).toHaveText(['Teams and their contexts', 'Walls that just appeared', 'Gardens'])
  await expect(entries.nth(2)).toContainText('Missing')
  await expect(entries.nth(2).locator('.recent__open')).toBeDisabled()
  await expect(entries.nth(0).locator('.recent__folder')).toContainText(folder)
  await page.screenshot({ path: join(shots, 'open-recent.png') })

  await page.getByRole('button', { name: 'Remove Gardens from the list' }).click()
  await expect(entries).toHaveCount(2)
  await entries.filter({ hasText: 'Walls that just appeared' }).locator('.recent__open').click()
  await expect(page.getByTestId('recent-panel')).toHaveCount(0)
  await expect(page.getByTestId('board-title')).toHaveText('Walls that just appeared')
  await expectWholeBoard(page)

  const saved = JSON.parse(await readFile(join(userDataDir, 'recent.json'), 'utf8')) as { boards: { path: string }[] }
  expect(saved.boards.map((b) => b.path)).toEqual([walls, teams])
  expect(await readFile(walls, 'utf8')).toBe(serializeBoard(sampleBoard()))

  await page.getByRole('button', { name: 'Open Recent' }).click()
  await page.getByRole('button', { name: 'Clear Recent' }).click()
  await expect(page.getByTestId('recent-panel')).toContainText('Boards you open or save show up here.')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('recent-panel')).toHaveCount(0)
})

test('Open Recent asks before unsaved changes are lost', async ({ launch, folder }) => {
  const walls = await boardFile(folder, 'Walls')
  const app = await launch({ answerDialogs: { discard: ['cancel'] } })
  await app.recent.add(walls)
  await addCard(app.page, 'Team', 'Mobile')
  await app.page.getByRole('button', { name: 'Open Recent' }).click()
  await app.page.getByTestId('recent-board').locator('.recent__open').click()
  await expect.poll(() => app.dialogLog).toEqual(['discard:Untitled'])
  await expect(card(app.page, 'Mobile')).toBeVisible()
})

test('New Window asks main for another window, from the keyboard and the menu', async ({ app }) => {
  await app.page.locator('.react-flow__pane').click()
  await app.page.keyboard.press('Control+Shift+N')
  await expect.poll(() => app.newWindowRequests).toBe(1)
  await app.menu('window.new')
  await expect.poll(() => app.newWindowRequests).toBe(2)
  await expect(nodes(app.page)).toHaveCount(0)
})

test('the theme follows the system: dark', async ({ app, folder }) => {
  await app.page.emulateMedia({ colorScheme: 'dark' })
  await app.offerPath(await boardFile(folder, 'Harbour & Pine after dark'))
  await expectWholeBoard(app.page)
  const background = await app.page.evaluate(() => getComputedStyle(document.querySelector('.topbar') as Element).backgroundColor)
  expect(background).toBe('rgb(29, 33, 40)')
  await app.page.getByRole('button', { name: 'Open Recent' }).click()
  await app.page.screenshot({ path: join(shots, 'dark.png') })
  await app.page.emulateMedia({ colorScheme: 'light' })
  await expect
    .poll(() => app.page.evaluate(() => getComputedStyle(document.querySelector('.topbar') as Element).backgroundColor))
    .toBe('rgb(255, 255, 255)')
})
