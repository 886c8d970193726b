import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { hostileBoards, scriptBoard, scriptTexts } from '../src/main/files/hostileBoards'
import { sampleBoard } from '../src/main/files/sampleBoard'
import { serializeBoard } from '../src/shared/serialize'
import { addCard, card, expect, test } from './fixtures'
import { launchBoard, launchKillableChromium, type BoardSession } from './harness'

/**
 * Never lose a board: a killed app gives its unsaved work back, Save notices
 * files changed behind its back, failed saves keep the board and offer a way
 * out, and hostile files open as text without running anything.
 */

const shots = '/tmp/safety'
const nodes = (page: Page) => page.locator('.react-flow__node')

/** The board has `count` cards: zoomed to fit first, since cards out of view are not drawn. */
/** A big window, fitted: every card drawn whole with its relation labels (zoomed far out they are simplified). */
async function showWhole(page: Page): Promise<void> {
  await page.setViewportSize({ width: 2400, height: 1500 })
  await page.keyboard.press('Shift+1')
  await expect(page.locator('.card--lite')).toHaveCount(0)
}

async function expectCards(page: Page, count: number): Promise<void> {
  await expect(nodes(page).first()).toBeVisible()
  await page.keyboard.press('Shift+1')
  await expect(nodes(page)).toHaveCount(count)
}

async function recoveryCopies(userDataDir: string): Promise<string[]> {
  const names = await readdir(join(userDataDir, 'Recovery')).catch(() => [] as string[])
  const texts = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => readFile(join(userDataDir, 'Recovery', n), 'utf8')))
  return texts
}

/** Waits until the app has a recovery copy holding `title` (it writes about a second after the last change). */
async function untilCopied(userDataDir: string, title: string): Promise<void> {
  await expect.poll(async () => (await recoveryCopies(userDataDir)).some((t) => t.includes(JSON.stringify(title).slice(1, -1)))).toBe(true)
}

test.describe('after a crash', () => {
  test('a killed app offers its unsaved board back, and never touched the saved file', async ({ folder }) => {
    const userDataDir = join(folder, 'profile')
    const path = join(folder, 'Harbour & Pine map.orgboard')
    const sessions: BoardSession[] = []
    try {
      const chrome = await launchKillableChromium()
      const first = await launchBoard({ browser: chrome.browser, userDataDir, answerDialogs: { save: [path] } })
      sessions.push(first)
      await addCard(first.page, 'Freight train', 'Route Optimiser 3.0 re-platform')
      await addCard(first.page, 'Wall', 'Hiring freeze for all non-revenue roles')
      await first.page.keyboard.press('Control+S')
      await expect(first.page.getByTestId('edited-marker')).toHaveCount(0)
      const saved = await readFile(path, 'utf8')

      // Unsaved work: two more cards, then the whole browser is SIGKILLed.
      await addCard(first.page, 'Seedling', 'Delay prediction model')
      await addCard(first.page, 'Note', 'When does a seedling graduate?')
      await untilCopied(userDataDir, 'When does a seedling graduate?')
      await chrome.kill()
      expect(await readFile(path, 'utf8')).toBe(saved)

      // The next start, with the same user-data folder: the start screen offers the board first.
      const second = await launchBoard({ userDataDir, startScreen: 'keep', answerDialogs: { conflict: [] } })
      sessions.push(second)
      const start = second.page.getByTestId('start-screen')
      const offer = start.getByTestId('start-recovery')
      await expect(offer).toBeVisible()
      await expect(offer.getByRole('heading')).toHaveText('A board to recover')
      await expect(second.page.getByTestId('recovery-dialog')).toHaveCount(0)
      const entry = offer.getByTestId('recovery-entry')
      await expect(entry.getByTestId('recovery-name')).toHaveText('Harbour & Pine map')
      await expect(entry.getByTestId('recovery-path')).toHaveText(path)
      await expect(entry).toContainText('4 cards')
      const changed = Date.parse((await entry.locator('time').getAttribute('datetime')) ?? '')
      expect(Math.abs(Date.now() - changed)).toBeLessThan(10 * 60 * 1000)
      await second.page.screenshot({ path: join(shots, 'recovery-start-screen.png') })

      // Restore starts focused, never Discard or a blank board; the board behind ignores shortcuts meanwhile.
      await expect(entry.getByRole('button', { name: 'Restore' })).toBeFocused()
      await second.page.keyboard.press('n')
      await second.page.keyboard.press('Enter')
      await expect(start).toHaveCount(0)
      await expect(nodes(second.page)).toHaveCount(4)
      await expect(card(second.page, 'When does a seedling graduate?')).toBeVisible()
      await expect(second.page.getByTestId('edited-marker')).toBeVisible()
      await expect(second.page.getByTestId('board-title')).toContainText('Harbour & Pine map')
      await expect(second.page.getByTestId('notice')).toContainText('Restored "Harbour & Pine map" with its unsaved changes')
      await second.page.screenshot({ path: join(shots, 'recovery-restored.png') })

      // Saving writes to the same file (it did not change meanwhile: no conflict) and drops the copy.
      await second.page.keyboard.press('Control+S')
      await expect(second.page.getByTestId('edited-marker')).toHaveCount(0)
      expect(JSON.parse(await readFile(path, 'utf8')).cards).toHaveLength(4)
      expect(await recoveryCopies(userDataDir)).toEqual([])
      expect(second.dialogLog).toEqual([])

      const third = await launchBoard({ userDataDir, startScreen: 'keep' })
      sessions.push(third)
      await expect(third.page.getByTestId('start-screen').getByRole('button', { name: /Blank board/ })).toBeVisible()
      await expect(third.page.getByTestId('start-recovery')).toHaveCount(0)
      await third.page.keyboard.press('Escape')
      await expect(third.page.getByTestId('empty-hint')).toBeVisible()
      await expect(third.page.getByTestId('recovery-dialog')).toHaveCount(0)
    } finally {
      for (const s of sessions) await s.close()
    }
    for (const s of sessions) expect(s.foreignRequests).toEqual([])
  })

  test('several unsaved boards: discard one, restore another, decide later about none', async ({ folder }) => {
    const userDataDir = join(folder, 'profile')
    const sessions: BoardSession[] = []
    try {
      // Two crashes in a row, each leaving an untitled board.
      for (const title of ['Cut onboarding time from 6 weeks to 2', 'Reduce cloud spend by 20%']) {
        const chrome = await launchKillableChromium()
        // Escape on the start screen keeps any earlier board to recover for later.
        const s = await launchBoard({ browser: chrome.browser, userDataDir })
        sessions.push(s)
        await addCard(s.page, 'Initiative', title)
        await untilCopied(userDataDir, title)
        await chrome.kill()
      }
      const app = await launchBoard({ userDataDir, startScreen: 'keep' })
      sessions.push(app)
      const dialog = app.page.getByTestId('start-recovery')
      await expect(dialog.getByRole('heading')).toHaveText('2 boards to recover')
      await expect(dialog.getByTestId('recovery-entry')).toHaveCount(2)
      await expect(dialog.getByTestId('recovery-path').first()).toHaveText('Never saved to a file')
      await app.page.screenshot({ path: join(shots, 'recovery-two.png') })

      // Newest first: discard it (two steps), restore the other.
      const newest = dialog.getByTestId('recovery-entry').first()
      await expect(newest).toContainText('1 card')
      await newest.getByRole('button', { name: 'Discard…' }).click()
      await expect(newest).toContainText('Discard for good?')
      await app.page.screenshot({ path: join(shots, 'recovery-discard.png') })
      await newest.getByRole('button', { name: 'Discard', exact: true }).click()
      await expect(dialog.getByTestId('recovery-entry')).toHaveCount(1)
      await dialog.getByRole('button', { name: 'Restore' }).click()
      await expect(card(app.page, 'Cut onboarding time from 6 weeks to 2')).toBeVisible()
      await expect(nodes(app.page)).toHaveCount(1)
      await expect(app.page.getByTestId('start-screen')).toHaveCount(0)
      // Shortcuts were off while the start screen was up: nothing else was added.
      const copies = await recoveryCopies(userDataDir)
      expect(copies).toHaveLength(1)
      expect(copies[0]).toContain('Cut onboarding time from 6 weeks to 2')
      expect(copies[0]).not.toContain('Reduce cloud spend')
    } finally {
      for (const s of sessions) await s.close()
    }
  })

  test('a board opened from outside before the start screen was read brings up the recovery dialog; File > Recover lists them too', async ({ folder }) => {
    const userDataDir = join(folder, 'profile')
    const walls = join(folder, 'Walls that just appeared.orgboard')
    await writeFile(walls, serializeBoard(sampleBoard()))
    const sessions: BoardSession[] = []
    try {
      const chrome = await launchKillableChromium()
      const first = await launchBoard({ browser: chrome.browser, userDataDir })
      sessions.push(first)
      await addCard(first.page, 'Wall', 'Legal review required for any customer data leaving the EU')
      await untilCopied(userDataDir, 'Legal review required for any customer data leaving the EU')
      await chrome.kill()

      // A double-click on a board file started the app: it opens while the start screen still lists the board to recover.
      const app = await launchBoard({ userDataDir, startScreen: 'keep' })
      sessions.push(app)
      await expect(app.page.getByTestId('start-recovery')).toBeVisible()
      await app.offerPath(walls)
      await expect(app.page.getByTestId('board-title')).toHaveText('Walls that just appeared')
      const dialog = app.page.getByTestId('recovery-dialog')
      await expect(dialog.getByRole('heading')).toHaveText('Recover an unsaved board')
      await expect(dialog.getByTestId('recovery-path')).toHaveText('Never saved to a file')
      await expect(dialog.getByRole('button', { name: 'Restore' })).toBeFocused()
      await app.page.screenshot({ path: join(shots, 'recovery-dialog.png') })
      await dialog.getByRole('button', { name: 'Decide later' }).click()
      await expect(dialog).toHaveCount(0)
      await expectCards(app.page, 10)

      await app.menu('board.recover')
      await expect(dialog.getByTestId('recovery-entry')).toHaveCount(1)
      await app.page.keyboard.press('Escape')
      await expect(dialog).toHaveCount(0)
      expect(await recoveryCopies(userDataDir)).toHaveLength(1)
    } finally {
      for (const s of sessions) await s.close()
    }
  })
})

test.describe('saving over a file that changed on disk', () => {
  async function openSample(launch: (o?: object) => Promise<BoardSession>, path: string, answers: object = {}): Promise<BoardSession> {
    await writeFile(path, serializeBoard(sampleBoard()))
    const app = await launch({ answerDialogs: { open: [path], ...answers } })
    await app.page.keyboard.press('Control+O')
    await expectCards(app.page, 10)
    return app
  }

  const theirs = () => {
    const b = sampleBoard()
    b.cards = b.cards.map((c) => (c.id === 'ft-route' ? { ...c, title: 'Route Optimiser 3.0 (paused by the board)' } : c))
    return serializeBoard(b)
  }

  test('asks, and reload shows their version while keeping mine as a previous version', async ({ launch, folder }) => {
    const path = join(folder, 'Offsite.orgboard')
    const app = await openSample(launch, path, { conflict: ['reload'] })
    await addCard(app.page, 'Team', 'Mobile')
    await writeFile(path, theirs())
    await app.page.keyboard.press('Control+S')
    await expect(card(app.page, 'Route Optimiser 3.0 (paused by the board)')).toBeVisible()
    await expect(card(app.page, 'Mobile')).toHaveCount(0)
    await expect(app.page.getByTestId('notice')).toContainText('Your unsaved changes were kept')
    expect(app.dialogLog).toEqual(['open', 'conflict:Offsite'])
    expect(await readFile(path, 'utf8')).toBe(theirs())

    await app.menu('board.versions')
    const dialog = app.page.getByTestId('versions-dialog')
    await expect(dialog.getByTestId('version-entry')).toHaveCount(1)
    await expect(dialog.getByTestId('version-entry')).toContainText('11 cards')
    await app.page.screenshot({ path: join(shots, 'versions-dialog.png') })
    await dialog.getByRole('button', { name: 'Restore' }).click()
    await expect(card(app.page, 'Mobile')).toBeVisible()
    await expect(app.page.getByTestId('edited-marker')).toBeVisible()
    // One undoable step.
    await app.page.keyboard.press('Control+Z')
    await expect(card(app.page, 'Mobile')).toHaveCount(0)
    await expect(card(app.page, 'Route Optimiser 3.0 (paused by the board)')).toBeVisible()
  })

  test('overwrite replaces their version, which stays as the .bak', async ({ launch, folder }) => {
    const path = join(folder, 'Offsite.orgboard')
    const app = await openSample(launch, path, { conflict: ['overwrite'] })
    await addCard(app.page, 'Team', 'Mobile')
    await writeFile(path, theirs())
    await app.page.keyboard.press('Control+S')
    await expect(app.page.getByTestId('edited-marker')).toHaveCount(0)
    expect(JSON.parse(await readFile(path, 'utf8')).cards.map((c: { title: string }) => c.title)).toContain('Mobile')
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(theirs())
  })

  test('identical bytes are no conflict, and a deleted file is saved again with a notice', async ({ launch, folder }) => {
    const path = join(folder, 'Offsite.orgboard')
    const app = await openSample(launch, path)
    await addCard(app.page, 'Team', 'Mobile')
    await writeFile(path, serializeBoard(sampleBoard())) // rewritten by a sync tool, same content
    await app.page.keyboard.press('Control+S')
    await expect(app.page.getByTestId('edited-marker')).toHaveCount(0)

    await addCard(app.page, 'Team', 'Growth')
    await rm(path)
    await app.page.keyboard.press('Control+S')
    await expect(app.page.getByTestId('notice')).toContainText('had been deleted or moved since it was opened')
    expect(JSON.parse(await readFile(path, 'utf8')).cards).toHaveLength(12)
    expect(app.dialogLog).toEqual(['open'])
  })
})

test('a failed save keeps the board open and unsaved, and Save As is one click away', async ({ launch, folder }) => {
  const stick = join(folder, 'USB stick')
  await mkdir(stick)
  const first = join(stick, 'Offsite.orgboard')
  const elsewhere = join(folder, 'Offsite (rescued).orgboard')
  const app = await launch({ answerDialogs: { save: [first, elsewhere] } })
  await addCard(app.page, 'Wall', 'Legal review required for any customer data leaving the EU')
  await app.page.keyboard.press('Control+S')
  await expect(app.page.getByTestId('edited-marker')).toHaveCount(0)
  await rm(stick, { recursive: true })

  await addCard(app.page, 'Team', 'Platform Security')
  await app.page.keyboard.press('Control+S')
  const notice = app.page.getByTestId('notice')
  await expect(notice).toContainText('Could not save "Offsite.orgboard"')
  await expect(notice).toContainText('no longer exists')
  await expect(app.page.getByTestId('edited-marker')).toBeVisible()
  await expect(nodes(app.page)).toHaveCount(2)
  await app.page.screenshot({ path: join(shots, 'save-failed.png') })

  await notice.getByRole('button', { name: 'Save As…' }).click()
  await expect(app.page.getByTestId('edited-marker')).toHaveCount(0)
  await expect(app.page.getByTestId('board-title')).toContainText('Offsite (rescued)')
  expect(JSON.parse(await readFile(elsewhere, 'utf8')).cards).toHaveLength(2)
})

test.describe('hostile files opened from the menu', () => {
  test('script-like titles and labels show as text and run nothing', async ({ launch, folder }) => {
    const path = join(folder, 'script-titles.orgboard')
    await writeFile(path, serializeBoard(scriptBoard()))
    const app = await launch({ answerDialogs: { open: [path] } })
    const { page } = app
    const dialogs: string[] = []
    const errors: string[] = []
    const navigations: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('framenavigated', (f) => navigations.push(f.url()))
    const url = page.url()

    await app.menu('board.open')
    await expectCards(page, 10)
    await showWhole(page)
    for (const text of scriptTexts) await expect(page.getByTestId('card-title').getByText(text, { exact: true }).first()).toBeVisible()
    // A conditional "depends on" shows its label after a ◇.
    const asLabel = (text: string): RegExp => new RegExp(`^◇?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
    for (const rel of scriptBoard().relations) await expect(page.locator('.relation-label').getByText(asLabel(rel.label))).toBeVisible()
    // Click every card and relation label, as a facilitator would.
    for (const el of await page.locator('.card__title, .relation-label').all()) await el.click({ force: true })
    await page.screenshot({ path: join(shots, 'script-titles.png') })

    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
    // No element made from a file's text: cards, relations and their labels hold text nodes only.
    const madeFromText = ['img', 'iframe', 'script', 'a', 'svg[onload]'].flatMap((tag) =>
      ['.react-flow__nodes', '.react-flow__edgelabel-renderer'].map((layer) => `${layer} ${tag}`)
    )
    expect(await page.locator(madeFromText.join(', ')).count()).toBe(0)
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    expect(navigations).toEqual([])
    expect(page.url()).toBe(url)
  })

  test('__proto__ keys are dropped with a readable warning and reach no prototype in the page', async ({ launch, folder }) => {
    const hostile = hostileBoards.find((h) => h.file === 'prototype-pollution.orgboard')
    const path = join(folder, 'prototype-pollution.orgboard')
    await writeFile(path, hostile?.content ?? '')
    const app = await launch({ answerDialogs: { open: [path] } })
    await app.menu('board.open')
    await expectCards(app.page, 10)
    const notice = app.page.getByTestId('notice')
    await expect(notice).toContainText('Orgboard repaired problems in this file')
    await expect(notice.getByTestId('notice-details')).toContainText('Removed 2 keys named __proto__, constructor or prototype')
    expect(await app.page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined()
    expect(await app.page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'))).toBe(false)
  })

  test('a broken board opens repaired with a list of what was fixed; an unknown kind is shown and saved back unchanged', async ({ launch, folder }) => {
    const path = join(folder, 'Colleague board.orgboard')
    const board = JSON.parse(serializeBoard(sampleBoard())) as { cards: Record<string, unknown>[]; relations: Record<string, unknown>[] }
    const rocket = { id: 'rocket', kind: 'rocketLaunch', title: 'Moonshot pricing', x: 1300, y: 400, width: 240, height: 96, fields: { fuel: 'lots', stage: 3 } }
    board.cards.push(rocket, { ...board.cards[1], title: 'Route Optimiser copy', x: Number.POSITIVE_INFINITY })
    board.relations.push({ id: 'rel-ghost', kind: 'dependsOn', from: 'ft-route', to: 'gone', label: '' })
    const text = JSON.stringify(board, null, 2).replace('"x": null', '"x": 1e999')
    await writeFile(path, text)
    const app = await launch({ answerDialogs: { open: [path] } })
    await app.menu('board.open')
    await expectCards(app.page, 12)
    await showWhole(app.page)
    const details = app.page.getByTestId('notice-details').locator('li')
    await expect(details).toHaveCount(4)
    await expect(details.nth(0)).toContainText('Gave 1 card a new id')
    await expect(details.nth(1)).toContainText('Reset 1 position or size')
    await expect(details.nth(2)).toContainText('Kept 1 card of a kind this Orgboard does not know')
    await expect(details.nth(3)).toContainText('Removed 1 relation pointing to a card that is not on the board')
    const moonshot = card(app.page, 'Moonshot pricing')
    await expect(moonshot).toContainText('Unknown kind')
    await expect(moonshot).toContainText('rocketLaunch')
    await expect(app.page.getByTestId('edited-marker')).toHaveCount(0)
    await app.page.screenshot({ path: join(shots, 'repaired-board.png') })

    await app.page.keyboard.press('Control+S') // the file changed since? no: it is the one opened
    await expect.poll(async () => (await readFile(path, 'utf8')) !== text).toBe(true)
    const saved = JSON.parse(await readFile(path, 'utf8')) as { cards: Record<string, unknown>[] }
    expect(saved.cards.find((c) => c.id === 'rocket')).toEqual(rocket)
    expect(app.dialogLog).toEqual(['open'])
  })
})
