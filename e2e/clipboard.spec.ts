import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { addCard, card, expect, test } from './fixtures'
import { connect, selectCards, selectedTitles } from './editingHelpers'
import type { BoardSession } from './harness'
import type { Page } from '@playwright/test'

const nodes = (page: Page) => page.locator('.react-flow__node')
const edges = (page: Page) => page.locator('.react-flow__edge')

/** Puts text on the system clipboard the way another application would: copied from a text field in another window. */
async function copyFromElsewhere(app: BoardSession, text: string): Promise<void> {
  const browser = app.context.browser()
  if (!browser) throw new Error('no browser')
  const other = await browser.newContext()
  const page = await other.newPage()
  await page.setContent('<textarea aria-label="E-mail"></textarea>')
  await page.getByRole('textbox').fill(text)
  await page.getByRole('textbox').press('Control+A')
  await page.getByRole('textbox').press('Control+C')
  await other.close()
}

/** The board as saved, after Save As to `path`. */
async function saveAs(app: BoardSession, path: string): Promise<{ cards: { id: string; title: string; x: number; y: number; fields: unknown }[]; relations: { id: string; from: string; to: string; kind: string }[] }> {
  app.dialogs.save.push(path)
  await app.page.keyboard.press('Control+Shift+S')
  await expect(app.page.getByTestId('edited-marker')).toHaveCount(0)
  return JSON.parse(await readFile(path, 'utf8'))
}

test('copy in one board, paste in another: the cards, their fields and relations, with fresh ids, selected', async ({ launch, folder }) => {
  const first = await launch()
  const second = await launch()
  await addCard(first.page, 'Freight train', 'Data warehouse migration')
  await addCard(first.page, 'Seedling', 'Delay prediction model')
  await addCard(first.page, 'Blank page', 'Dispatcher dashboard')
  await connect(first.page, 'Delay prediction model', 'Data warehouse migration')
  await connect(first.page, 'Dispatcher dashboard', 'Delay prediction model')
  await expect(edges(first.page)).toHaveCount(2)
  const source = await saveAs(first, join(folder, 'first.orgboard'))

  // Copy two of the three: only the relation between them travels.
  await selectCards(first.page, 'Data warehouse migration', 'Delay prediction model')
  await first.page.keyboard.press('Control+C')

  await addCard(second.page, 'Team', 'Data Platform')
  await second.page.locator('.react-flow__pane').click({ position: { x: 200, y: 150 } })
  await second.page.keyboard.press('Control+V')
  await expect(nodes(second.page)).toHaveCount(3)
  await expect(edges(second.page)).toHaveCount(1)
  expect(await selectedTitles(second.page)).toEqual(['Data warehouse migration', 'Delay prediction model'])
  await second.page.screenshot({ path: test.info().outputPath('pasted.png') })

  // Pasting again gives a second, separate copy, beside the first.
  await second.page.keyboard.press('Control+V')
  await expect(nodes(second.page)).toHaveCount(5)
  await expect(edges(second.page)).toHaveCount(2)

  const pasted = await saveAs(second, join(folder, 'second.orgboard'))
  const sourceIds = new Set(source.cards.map((c) => c.id))
  const ids = pasted.cards.map((c) => c.id)
  expect(new Set(ids).size).toBe(5)
  expect(ids.filter((id) => sourceIds.has(id))).toEqual([])
  const copiesOf = (title: string) => pasted.cards.filter((c) => c.title === title)
  expect(copiesOf('Delay prediction model')).toHaveLength(2)
  const [one, two] = copiesOf('Delay prediction model')
  expect(one?.fields).toEqual(source.cards.find((c) => c.title === 'Delay prediction model')?.fields)
  expect(two && one && (two.x !== one.x || two.y !== one.y)).toBe(true)
  // Each copy's relation joins that copy's own cards, with the kind the original had.
  const original = source.relations.find((r) => source.cards.find((c) => c.id === r.to)?.title === 'Data warehouse migration')
  for (const rel of pasted.relations) {
    const from = pasted.cards.find((c) => c.id === rel.from)
    const to = pasted.cards.find((c) => c.id === rel.to)
    expect([from?.title, rel.kind, to?.title]).toEqual(['Delay prediction model', original?.kind, 'Data warehouse migration'])
    expect(Math.abs((from?.x ?? 0) - (to?.x ?? 0))).toBeLessThan(400)
  }

  // One paste is one undo step.
  await second.page.keyboard.press('Control+Z')
  await expect(nodes(second.page)).toHaveCount(3)
  await second.page.keyboard.press('Control+Z')
  await expect(nodes(second.page)).toHaveCount(1)
})

test('cut removes the cards (one undo step brings them back) and pastes them at the pointer', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Wall', 'Mobile team’s shared QA environment is booked until September')
  await addCard(page, 'Team', 'Mobile')
  await selectCards(page, 'Mobile team’s shared QA environment is booked until September', 'Mobile')
  await page.keyboard.press('Control+X')
  await expect(nodes(page)).toHaveCount(0)
  await page.keyboard.press('Control+Z')
  await expect(nodes(page)).toHaveCount(2)
  await selectCards(page, 'Mobile team’s shared QA environment is booked until September', 'Mobile')
  await page.keyboard.press('Control+X')
  await expect(nodes(page)).toHaveCount(0)

  // With the pointer over the board, the paste is centred on it.
  const pane = await page.locator('.react-flow__pane').boundingBox()
  if (!pane) throw new Error('no pane')
  const pointer = { x: pane.x + pane.width * 0.75, y: pane.y + pane.height * 0.7 }
  await page.mouse.move(pointer.x, pointer.y)
  await page.keyboard.press('Control+V')
  await expect(nodes(page)).toHaveCount(2)
  const boxes = await Promise.all([card(page, 'Mobile').boundingBox(), card(page, 'Mobile team’s shared QA environment is booked until September').boundingBox()])
  const left = Math.min(...boxes.map((b) => b?.x ?? 0))
  const right = Math.max(...boxes.map((b) => (b?.x ?? 0) + (b?.width ?? 0)))
  const top = Math.min(...boxes.map((b) => b?.y ?? 0))
  const bottom = Math.max(...boxes.map((b) => (b?.y ?? 0) + (b?.height ?? 0)))
  expect(Math.abs((left + right) / 2 - pointer.x)).toBeLessThan(3)
  expect(Math.abs((top + bottom) / 2 - pointer.y)).toBeLessThan(3)
})

test('text copied from another application pastes as a note with that text', async ({ app }) => {
  const { page } = app
  await copyFromElsewhere(app, 'Which team context are we in, and how is it funded?')
  await page.locator('.react-flow__pane').click({ position: { x: 300, y: 200 } })
  await page.keyboard.press('Control+V')
  const note = card(page, 'Which team context are we in, and how is it funded?')
  await expect(note).toHaveAttribute('aria-label', 'Note / question: Which team context are we in, and how is it funded?')
  await expect(note).toHaveClass(/selected/)
})

test('while a title is being edited, copy and paste are about its text, not cards', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Freight train', 'Quarterly release train')
  await card(page, 'Quarterly release train').locator('.card__kind').click()
  await page.keyboard.press('Control+C')
  await page.keyboard.press('F2')
  const editor = page.locator('.card__title-editor')
  await editor.press('End')
  await copyFromElsewhere(app, ' (everyone plans around it)')
  await editor.press('Control+V')
  await expect(editor).toHaveValue('Quarterly release train (everyone plans around it)')
  await editor.press('Enter')
  await expect(nodes(page)).toHaveCount(1)
})

test('a fragment from a newer Orgboard is refused with a message naming both versions', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Note', 'What are our freight trains?')
  await copyFromElsewhere(app, JSON.stringify({ format: 'orgboard-clipboard', version: 2, cards: [], relations: [] }))
  await page.locator('.react-flow__pane').click({ position: { x: 300, y: 200 } })
  await page.keyboard.press('Control+V')
  await expect(page.getByTestId('notice')).toContainText(/clipboard version 2.*up to version 1/)
  await expect(nodes(page)).toHaveCount(1)
})

test('Copy and Paste from the command palette go through the system clipboard too', async ({ launch }) => {
  const first = await launch()
  const second = await launch()
  for (const app of [first, second]) {
    // Reading the clipboard without a key press needs the permission Electron's session grants the app.
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.page.url()).origin })
  }
  await addCard(first.page, 'Initiative', 'Reduce cloud spend by 20%')
  await first.page.keyboard.press('Control+K')
  await first.page.getByRole('combobox', { name: 'Search commands' }).fill('copy')
  await first.page.keyboard.press('Enter')
  await expect(first.page.getByRole('dialog')).toHaveCount(0)

  await second.page.keyboard.press('Control+K')
  await second.page.getByRole('combobox', { name: 'Search commands' }).fill('paste')
  await second.page.keyboard.press('Enter')
  await expect(card(second.page, 'Reduce cloud spend by 20%')).toBeVisible()
  await expect(card(second.page, 'Reduce cloud spend by 20%')).toHaveClass(/selected/)
  // Landed in the middle of the view.
  const canvas = await second.page.locator('.react-flow').boundingBox()
  const box = await card(second.page, 'Reduce cloud spend by 20%').boundingBox()
  if (!canvas || !box) throw new Error('no boxes')
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(3)
})
