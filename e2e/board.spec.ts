import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { addCard, card, expect, test } from './fixtures'
import { connect } from './editingHelpers'
import type { Page } from '@playwright/test'

const nodes = (page: Page) => page.locator('.react-flow__node')
const edges = (page: Page) => page.locator('.react-flow__edge')

async function dragBy(page: Page, title: string, dx: number, dy: number): Promise<void> {
  const box = await card(page, title).boundingBox()
  if (!box) throw new Error(`no card ${title}`)
  const x = box.x + box.width / 2
  const y = box.y + box.height - 12
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 })
  await page.mouse.move(x + dx, y + dy, { steps: 5 })
  await page.mouse.up()
}

async function position(page: Page, title: string): Promise<{ x: number; y: number }> {
  const box = await card(page, title).boundingBox()
  if (!box) throw new Error(`no card ${title}`)
  return { x: Math.round(box.x), y: Math.round(box.y) }
}

test('a fresh board is untitled, tells the facilitator what to do first, and loads its own fonts', async ({ app }) => {
  const { page } = app
  await expect(page.getByTestId('board-title')).toHaveText('Untitled')
  await expect(page.getByTestId('empty-hint')).toContainText('Start mapping')
  expect(await page.evaluate(() => document.fonts.check('600 14px Inter'))).toBe(true)
  expect(app.window.title).toBe('Untitled — Orgboard')
})

test('create, edit, save, reopen in a fresh window: the same board', async ({ launch, folder }) => {
  const path = join(folder, 'Harbour & Pine map.orgboard')
  const app = await launch({ answerDialogs: { save: [path] } })
  const { page } = app
  await addCard(page, 'Freight train', 'Route Optimiser 3.0 re-platform')
  await addCard(page, 'Seedling', 'Delay prediction model')
  await addCard(page, 'Wall', 'Hiring freeze for all non-revenue roles')
  // A short drag: near the window's edge React Flow pans while the button is held, by however long that takes.
  await dragBy(page, 'Hiring freeze for all non-revenue roles', 40, 60)
  await connect(page, 'Route Optimiser 3.0 re-platform', 'Delay prediction model')
  await expect(edges(page)).toHaveCount(1)
  await expect(page.getByTestId('edited-marker')).toBeVisible()
  expect(app.window.title).toBe('• Untitled — Orgboard')

  await page.keyboard.press('Control+S')
  await expect(page.getByTestId('board-title')).toHaveText('Harbour & Pine map')
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)
  expect(app.window.title).toBe('Harbour & Pine map — Orgboard')
  const saved = await readFile(path, 'utf8')
  expect(JSON.parse(saved)).toMatchObject({ format: 'orgboard', version: 1 })

  const reopened = await launch({ answerDialogs: { open: [path], save: [join(folder, 'copy.orgboard')] } })
  await reopened.page.keyboard.press('Control+O')
  await expect(nodes(reopened.page)).toHaveCount(3)
  await expect(edges(reopened.page)).toHaveCount(1)
  for (const title of ['Route Optimiser 3.0 re-platform', 'Delay prediction model', 'Hiring freeze for all non-revenue roles']) {
    expect(await position(reopened.page, title)).toEqual(await position(page, title))
  }
  await expect(reopened.page.getByTestId('board-title')).toHaveText('Harbour & Pine map')
  // Saving the reopened board unchanged writes the very same bytes: cards, relations, sizes, texts and viewport.
  await reopened.page.keyboard.press('Control+Shift+S')
  await expect(reopened.page.getByTestId('board-title')).toHaveText('copy')
  expect(await readFile(join(folder, 'copy.orgboard'), 'utf8')).toBe(saved)
})

test('the viewport is saved and restored', async ({ launch, folder }) => {
  const path = join(folder, 'viewport.orgboard')
  const app = await launch({ answerDialogs: { save: [path] } })
  await addCard(app.page, 'Note', 'Where have walls just appeared?')
  await app.page.getByRole('button', { name: 'Zoom Out' }).click()
  await app.page.mouse.wheel(120, 80)
  await app.page.waitForTimeout(300)
  await app.page.keyboard.press('Control+S')
  await expect(app.page.getByTestId('board-title')).toHaveText('viewport')
  const viewport = JSON.parse(await readFile(path, 'utf8')).viewport
  expect(viewport.zoom).toBeLessThan(1)

  const reopened = await launch({ answerDialogs: { open: [path] } })
  await reopened.menu('board.open')
  await expect(nodes(reopened.page)).toHaveCount(1)
  const transform = (await reopened.page.locator('.react-flow__viewport').getAttribute('style')) ?? ''
  expect(Number(/scale\(([\d.]+)\)/.exec(transform)?.[1])).toBeCloseTo(viewport.zoom, 5)
  expect(await position(reopened.page, 'Where have walls just appeared?')).toEqual(await position(app.page, 'Where have walls just appeared?'))
})

const invalidFiles: [string, string, RegExp][] = [
  ['truncated.orgboard', '{"format":"orgboard","version":1,"viewport":{"x":0,', /truncated/],
  ['notes.orgboard', 'meeting notes, not a board', /not valid JSON/],
  ['other.orgboard', '{"type":"excalidraw","elements":[]}', /not an Orgboard board/],
  ['future.orgboard', '{"format":"orgboard","version":7,"viewport":{"x":0,"y":0,"zoom":1},"cards":[],"relations":[]}', /version 7.*up to version 1/]
]

for (const [name, text, message] of invalidFiles) {
  test(`opening ${name} explains what is wrong and leaves the board untouched`, async ({ launch, folder }) => {
    const path = join(folder, name)
    await writeFile(path, text)
    const app = await launch({ answerDialogs: { open: [path], discard: ['discard'] } })
    const { page } = app
    await addCard(page, 'Freight train', 'Quarterly release train')
    await page.keyboard.press('Control+O')
    const notice = page.getByTestId('notice')
    await expect(notice).toContainText(name)
    await expect(notice).toContainText(message)
    await expect(card(page, 'Quarterly release train')).toBeVisible()
    await expect(page.locator('.topbar__name')).toHaveText('Untitled')
    await expect(page.getByTestId('edited-marker')).toBeVisible()
    expect(await readFile(path, 'utf8')).toBe(text)
  })
}

test('New, Open and closing the window ask before unsaved changes are lost', async ({ launch, folder }) => {
  const path = join(folder, 'guarded.orgboard')
  const app = await launch()
  const { page, dialogs, dialogLog } = app
  await addCard(page, 'Team', 'Mobile')

  // File > New shows the start screen; choosing a blank board there is what asks.
  const blank = page.getByTestId('start-screen').getByRole('button', { name: /^Blank board/ })
  dialogs.discard.push('cancel')
  await page.keyboard.press('Control+N')
  await blank.click()
  await expect.poll(() => dialogLog).toEqual(['discard:Untitled'])
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('start-screen')).toHaveCount(0)
  await expect(card(page, 'Mobile')).toBeVisible()

  dialogs.discard.push('cancel')
  await app.emit('closeRequested', null)
  await expect.poll(() => dialogLog.length).toBe(2)
  expect(app.window.closed).toBe(false)

  dialogs.discard.push('save')
  dialogs.save.push(path)
  await app.menu('board.new')
  await blank.click()
  await expect(nodes(page)).toHaveCount(0)
  expect(JSON.parse(await readFile(path, 'utf8')).cards[0].title).toBe('Mobile')

  await addCard(page, 'Team', 'Growth')
  dialogs.discard.push('discard')
  await app.emit('closeRequested', null)
  await expect.poll(() => app.window.closed).toBe(true)
  expect(dialogLog).toEqual(['discard:Untitled', 'discard:Untitled', 'discard:Untitled', 'save', 'discard:Untitled'])
})

test('a clean board closes and opens without asking', async ({ launch, folder }) => {
  const path = join(folder, 'clean.orgboard')
  const app = await launch({ answerDialogs: { save: [path], open: [path] } })
  await addCard(app.page, 'Wall', 'Legal review required for any customer data leaving the EU')
  await app.page.keyboard.press('Control+S')
  await expect(app.page.getByTestId('edited-marker')).toHaveCount(0)
  await app.page.keyboard.press('Control+O')
  await app.emit('closeRequested', null)
  await expect.poll(() => app.window.closed).toBe(true)
  expect(app.dialogLog).toEqual(['save', 'open'])
})

test('undo and redo every edit: add, move, connect, rename, delete', async ({ app }) => {
  const { page } = app
  const undo = () => page.keyboard.press('Control+Z')
  const redo = () => page.keyboard.press('Control+Shift+Z')

  await addCard(page, 'Initiative', 'Cut onboarding time from 6 weeks to 2')
  await addCard(page, 'Team', 'Growth')
  const before = await position(page, 'Growth')
  await dragBy(page, 'Growth', 200, 140)
  const after = await position(page, 'Growth')
  expect(after).not.toEqual(before)
  await connect(page, 'Growth', 'Cut onboarding time from 6 weeks to 2')
  await expect(edges(page)).toHaveCount(1)
  await card(page, 'Growth').dblclick()
  await page.locator('.card__title-editor').fill('Growth (5)')
  await page.keyboard.press('Enter')
  await card(page, 'Growth (5)').click()
  await page.keyboard.press('Delete')
  await expect(nodes(page)).toHaveCount(1)
  await expect(edges(page)).toHaveCount(0)

  await undo() // delete
  await expect(card(page, 'Growth (5)')).toBeVisible()
  await expect(edges(page)).toHaveCount(1)
  await undo() // rename
  await expect(card(page, 'Growth')).toBeVisible()
  await undo() // connect
  await expect(edges(page)).toHaveCount(0)
  await undo() // the whole drag is one step
  expect(await position(page, 'Growth')).toEqual(before)
  await undo() // add team, title included
  await expect(nodes(page)).toHaveCount(1)
  await undo() // add initiative
  await expect(nodes(page)).toHaveCount(0)
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)

  for (let i = 0; i < 4; i++) await redo()
  await expect(edges(page)).toHaveCount(1)
  expect(await position(page, 'Growth')).toEqual(after)
  await page.keyboard.press('Control+Y')
  await expect(card(page, 'Growth (5)')).toBeVisible()
  await redo()
  await expect(nodes(page)).toHaveCount(1)
})

test('renaming: F2 starts, Escape cancels, Enter keeps', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Note', 'When does a seedling graduate?')
  await card(page, 'When does a seedling graduate?').click()
  await page.keyboard.press('F2')
  await page.locator('.card__title-editor').fill('Something else')
  await page.keyboard.press('Escape')
  await expect(card(page, 'When does a seedling graduate?')).toBeVisible()
  await page.keyboard.press('F2')
  await page.locator('.card__title-editor').fill('What does it need: protection, water, doors and windows?')
  await page.keyboard.press('Enter')
  await expect(card(page, 'What does it need: protection, water, doors and windows?')).toBeVisible()
})

test('single-key shortcuts add cards but never fire while typing a title', async ({ app }) => {
  const { page } = app
  await page.locator('.react-flow__pane').click()
  await page.keyboard.press('t')
  await expect(page.locator('.card__title-editor')).toBeFocused()
  await page.keyboard.type('Warehouse Mobile App rewrite')
  await page.keyboard.press('Enter')
  await expect(nodes(page)).toHaveCount(1)
  await expect(card(page, 'Warehouse Mobile App rewrite')).toHaveAttribute('aria-label', 'Freight train: Warehouse Mobile App rewrite')
})
