import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { addCard, card, expect, test } from './fixtures'
import { boardPosition, connect, zoomLevel } from './editingHelpers'

const template = join(__dirname, '../resources/templates/freight-trains-and-gardens.orgboard')
const inspector = (page: Page) => page.getByTestId('inspector')
const undo = (page: Page) => page.keyboard.press('Control+Z')

async function openTemplate(launch: Parameters<Parameters<typeof test>[2]>[0]['launch']) {
  const app = await launch({ answerDialogs: { open: [template] } })
  await app.page.keyboard.press('Control+O')
  await expect(card(app.page, 'Delay prediction model')).toBeVisible()
  await app.page.keyboard.press('Shift+1')
  await app.page.waitForTimeout(400)
  return app
}

async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
  await page.mouse.move(to.x, to.y, { steps: 5 })
  await page.mouse.up()
}

test('a dragged card gets a compositor layer of its own only while it moves', async ({ launch }) => {
  const { page } = await openTemplate(launch)
  const seedling = card(page, 'Delay prediction model')
  const box = await seedling.boundingBox()
  if (!box) throw new Error('the card is not on screen')
  const willChange = () => seedling.evaluate((el) => el.style.willChange)
  await page.mouse.move(box.x + 40, box.y + 20)
  await page.mouse.down()
  await page.mouse.move(box.x + 140, box.y + 120, { steps: 8 })
  // Moved by the compositor, not repainted into the board's tiles on every mouse move.
  await expect.poll(willChange).toBe('transform')
  await page.mouse.up()
  await expect.poll(willChange).toBe('')
})

test('dragging a card selects it at once; the inspector shows it once it is dropped', async ({ launch }) => {
  const { page } = await openTemplate(launch)
  const seedling = card(page, 'Delay prediction model')
  await expect(page.getByTestId('legend')).toBeVisible()
  await expect(seedling).not.toHaveClass(/selected/)
  const box = (await seedling.boundingBox())!
  await page.mouse.move(box.x + 40, box.y + 20)
  await page.mouse.down()
  await page.mouse.move(box.x + 100, box.y + 80, { steps: 6 })
  // The button is still down: the card is selected and moving, and the inspector waits for the drop.
  await expect(seedling).toHaveClass(/selected/)
  await expect.poll(async () => (await seedling.boundingBox())!.x).toBeGreaterThan(box.x + 40)
  await page.waitForTimeout(200)
  await expect(page.getByTestId('legend')).toBeVisible()
  await page.mouse.up()
  await expect(inspector(page).getByRole('heading', { name: 'Seedling' })).toBeVisible()
  await expect(page.getByTestId('legend')).toHaveCount(0)
})

test('a card deleted while it is dragged ends the drag, and the inspector follows the selection again', async ({ launch }) => {
  const { page } = await openTemplate(launch)
  const seedling = card(page, 'Delay prediction model')
  const box = (await seedling.boundingBox())!
  await page.mouse.move(box.x + 40, box.y + 20)
  await page.mouse.down()
  await page.mouse.move(box.x + 100, box.y + 80, { steps: 6 })
  await expect(seedling).toHaveClass(/selected/)
  await page.keyboard.press('Delete')
  await expect(seedling).toHaveCount(0)
  // The pointer goes on moving, which makes React Flow give the drag up, before it is let go.
  await page.mouse.move(box.x + 140, box.y + 90, { steps: 4 })
  await page.mouse.up()
  // Nothing is left selected, and the inspector says so; the next card clicked shows its fields.
  await expect(page.getByTestId('legend')).toBeVisible()
  await card(page, 'Support ticket triage').click()
  await expect(inspector(page).getByRole('textbox', { name: /title/i })).toHaveValue('Support ticket triage')
  await undo(page)
  await expect(seedling).toHaveCount(1)
})

test('with nothing selected the inspector shows the legend of kinds and relations', async ({ app }) => {
  const legend = app.page.getByTestId('legend')
  await expect(legend).toContainText('Freight train')
  await expect(legend).toContainText('graduates into')
  await expect(legend).toContainText('conditional')
})

test('the inspector edits every field of a card, typing is one undo step', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Seedling', 'Usage-based pricing pilot')
  await expect(inspector(page).getByRole('heading', { name: 'Seedling' })).toBeVisible()
  await inspector(page).getByLabel('What it needs').fill('Finance sign-off')
  await inspector(page).getByLabel('Stage').selectOption('sprout')
  await inspector(page).getByRole('button', { name: 'Add criterion' }).click()
  await expect(inspector(page).getByLabel('Graduation criteria 1')).toBeFocused()
  await page.keyboard.type('5 customers pay monthly for a quarter')
  await expect(card(page, 'Usage-based pricing pilot')).toContainText('Sprout')
  await expect(card(page, 'Usage-based pricing pilot')).toContainText('0/1 graduation criteria met')
  await inspector(page).getByLabel('Met: 5 customers pay monthly for a quarter').check()
  await expect(card(page, 'Usage-based pricing pilot')).toContainText('1/1 graduation criteria met')

  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } })
  await undo(page) // tick
  await undo(page) // the typed criterion (one step for the whole text)
  await expect(card(page, 'Usage-based pricing pilot')).toContainText('0/1 graduation criteria met')
  await undo(page) // the empty criterion added
  await undo(page) // stage
  await expect(card(page, 'Usage-based pricing pilot')).toContainText('Seed')
  await card(page, 'Usage-based pricing pilot').click()
  await expect(inspector(page).getByLabel('What it needs')).toHaveValue('Finance sign-off')
})

test('an initiative edits its drivers, constraints and floats on the card itself', async ({ app }) => {
  const { page } = app
  const initiative = await addCard(page, 'Initiative', 'Reduce cloud spend by 20%')
  await initiative.getByRole('button', { name: 'Add to drivers' }).click()
  await expect(page.getByLabel('New driver')).toBeFocused()
  await page.keyboard.type('Gross margin target')
  await page.keyboard.press('Enter')
  await initiative.getByRole('button', { name: 'Add to floats' }).click()
  await expect(page.getByLabel('New float')).toBeFocused()
  await page.keyboard.type('Retention periods')
  await page.keyboard.press('Enter')
  await expect(initiative.locator('[data-list="drivers"]')).toContainText('Gross margin target')
  await expect(initiative.locator('[data-list="floats"]')).toContainText('Retention periods')
  await expect(inspector(page).getByLabel('Drivers 1')).toHaveValue('Gross margin target')

  // Editing an item to nothing removes it.
  await initiative.locator('[data-list="floats"] .inline-list__item').click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Enter')
  await expect(initiative.locator('[data-list="floats"] .inline-list__item')).toHaveCount(0)
  await undo(page)
  await expect(initiative.locator('[data-list="floats"]')).toContainText('Retention periods')
})

test('a seedling graduates into a freight train in one undoable step', async ({ launch }) => {
  const { page } = await openTemplate(launch)
  await card(page, 'Delay prediction model').click()
  await inspector(page).getByRole('button', { name: 'Into a freight train' }).click()
  const grown = page.locator('.react-flow__node[aria-label="Freight train: Delay prediction model"]')
  await expect(grown).toBeVisible()
  await expect(page.locator('.react-flow__edge[aria-label="Relation: graduates into"]')).toHaveCount(1)
  // Selected, the seedling is drawn whole at any zoom, with its state.
  await card(page, 'Delay prediction model').first().click()
  await expect(card(page, 'Delay prediction model').first()).toContainText('Graduated')
  await undo(page)
  await expect(grown).toHaveCount(0)
  await expect(page.locator('.react-flow__edge[aria-label="Relation: graduates into"]')).toHaveCount(0)
  await expect(card(page, 'Delay prediction model')).toContainText('Sapling')
})

test('cards dropped into a frame move with it', async ({ launch, folder }) => {
  const path = join(folder, 'frames.orgboard')
  const app = await launch({ answerDialogs: { save: [path] } })
  const { page } = app
  await addCard(page, 'Frame', 'Horizon: 1–3 months')
  const frameBox = (await card(page, 'Horizon: 1–3 months').boundingBox())!
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } })
  await addCard(page, 'Wall', 'Hiring freeze for all non-revenue roles')
  const wallBox = (await card(page, 'Hiring freeze for all non-revenue roles').boundingBox())!
  // Drag the wall into the frame's lower left.
  await dragTo(page, { x: wallBox.x + 30, y: wallBox.y + wallBox.height - 10 }, { x: frameBox.x + 140, y: frameBox.y + frameBox.height - 60 })
  await page.keyboard.press('Control+S')
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)
  const saved = JSON.parse(await readFile(path, 'utf8'))
  const frame = saved.cards.find((c: { kind: string }) => c.kind === 'frame')
  expect(saved.cards.find((c: { kind: string }) => c.kind === 'wall').container).toBe(frame.id)

  const before = (await card(page, 'Hiring freeze for all non-revenue roles').boundingBox())!
  // Grab the frame by its title bar, well away from the canvas edges (where dragging pans the board).
  await page.mouse.move(frameBox.x + 200, frameBox.y + 14)
  await page.mouse.down()
  await page.mouse.move(frameBox.x + 80, frameBox.y + 94, { steps: 10 })
  // Before the drop, the wall already moves with its frame.
  const midWall = (await card(page, 'Hiring freeze for all non-revenue roles').boundingBox())!
  const midFrame = (await card(page, 'Horizon: 1–3 months').boundingBox())!
  expect(midFrame.x).toBeLessThan(frameBox.x - 50)
  expect(Math.round(midWall.x - before.x)).toBe(Math.round(midFrame.x - frameBox.x))
  expect(Math.round(midWall.y - before.y)).toBe(Math.round(midFrame.y - frameBox.y))
  await page.mouse.up()
  const after = (await card(page, 'Hiring freeze for all non-revenue roles').boundingBox())!
  const frameAfter = (await card(page, 'Horizon: 1–3 months').boundingBox())!
  expect(frameAfter.x).toBeLessThan(frameBox.x - 50)
  expect(Math.round(after.x - before.x)).toBe(Math.round(frameAfter.x - frameBox.x))
  expect(Math.round(after.y - before.y)).toBe(Math.round(frameAfter.y - frameBox.y))
  await undo(page)
  const back = (await card(page, 'Hiring freeze for all non-revenue roles').boundingBox())!
  expect(Math.round(back.x)).toBe(Math.round(before.x))
})

/** Both ends of the relation's drawn line, in screen px. */
async function lineEnds(page: Page): Promise<{ x: number; y: number }[]> {
  return page.locator('.react-flow__edge-path').evaluateAll((paths) => {
    const ends = paths.flatMap((p) => {
      const path = p as SVGPathElement
      const m = path.getScreenCTM()!
      return [path.getPointAtLength(0), path.getPointAtLength(path.getTotalLength())].map((q) => q.matrixTransform(m))
    })
    // Pieces of one line: its ends are the points furthest apart.
    let best = [ends[0]!, ends[0]!]
    for (const a of ends) for (const b of ends) if (Math.hypot(a.x - b.x, a.y - b.y) > Math.hypot(best[0]!.x - best[1]!.x, best[0]!.y - best[1]!.y)) best = [a, b]
    return best.map((q) => ({ x: q.x, y: q.y }))
  })
}

/** How far a point is from the border of a box, in px (0 on it). */
function offBorder(p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.width))
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.height))
  const outside = Math.hypot(dx, dy)
  const inside = Math.min(p.x - b.x, b.x + b.width - p.x, p.y - b.y, b.y + b.height - p.y)
  return outside > 0 ? outside : inside
}

test('while a card is dragged its relations follow it; the drop is one undo step', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Freight train', 'Route Optimiser 3.0 re-platform')
  await addCard(page, 'Seedling', 'Delay prediction model')
  await connect(page, 'Route Optimiser 3.0 re-platform', 'Delay prediction model')
  await expect(page.locator('.react-flow__edge')).toHaveCount(1)
  const seedling = card(page, 'Delay prediction model')
  const start = (await seedling.boundingBox())!
  const at = await boardPosition(page, 'Delay prediction model')

  await page.mouse.move(start.x + 40, start.y + 12)
  await page.mouse.down()
  await page.mouse.move(start.x + 40, start.y + 112, { steps: 8 })
  // The button is still down: the card and the end of its relation are at the new place.
  const moving = (await seedling.boundingBox())!
  expect(moving.y - start.y).toBeGreaterThan(80)
  expect(Math.abs(moving.x - start.x)).toBeLessThan(2)
  const ends = await lineEnds(page)
  expect(Math.min(...ends.map((e) => offBorder(e, moving)))).toBeLessThan(2)
  expect(Math.min(...ends.map((e) => offBorder(e, start)))).toBeGreaterThan(10)
  await page.mouse.up()

  const dropped = await boardPosition(page, 'Delay prediction model')
  expect(dropped.y - at.y).toBeGreaterThan(80 / (await zoomLevel(page)) - 20)
  expect((await seedling.boundingBox())!.y).toBeCloseTo(moving.y, 0)
  await page.keyboard.press('Control+Z')
  expect(await boardPosition(page, 'Delay prediction model')).toEqual(at)
  const back = (await seedling.boundingBox())!
  expect(back.y).toBeCloseTo(start.y, 0)
  expect(Math.min(...(await lineEnds(page)).map((e) => offBorder(e, back)))).toBeLessThan(2)
})

test('relations: a sensible default, a quick menu, a condition, reverse', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Wall', "Mobile team's shared QA environment is booked until September")
  await addCard(page, 'Freight train', 'Warehouse Mobile App rewrite')
  const wall = card(page, "Mobile team's shared QA environment is booked until September")
  await wall.hover()
  const handle = (await wall.locator('.react-flow__handle-right').boundingBox())!
  const target = (await card(page, 'Warehouse Mobile App rewrite').boundingBox())!
  await dragTo(page, { x: handle.x + 6, y: handle.y + 6 }, { x: target.x + target.width / 2, y: target.y + target.height / 2 })
  const edge = page.locator('.react-flow__edge')
  await expect(edge).toHaveAttribute('aria-label', 'Relation: blocks')

  await edge.click({ force: true })
  const menu = page.getByRole('toolbar', { name: 'Relation' })
  await menu.getByRole('button', { name: 'depends on' }).click()
  await expect(edge).toHaveAttribute('aria-label', 'Relation: depends on')
  await inspector(page).getByLabel('Condition (makes it conditional)').fill('only if the pilot with two customers succeeds')
  await expect(page.locator('.relation-label--conditional')).toHaveText(/only if the pilot/)
  await menu.getByRole('button', { name: 'Reverse direction' }).click()
  await expect(inspector(page)).toContainText("Warehouse Mobile App rewrite depends on Mobile team's shared QA")
  await undo(page)
  await expect(inspector(page)).toContainText("Mobile team's shared QA environment is booked until September depends on Warehouse")
})

test('bulk edits: colour for every selected card, stage for the seedlings among them', async ({ launch }) => {
  const { page } = await openTemplate(launch)
  await card(page, 'Support ticket triage').click()
  await card(page, 'Usage-based pricing pilot').click({ modifiers: ['Shift'] })
  await card(page, 'Dispatcher dashboard').click({ modifiers: ['Shift'] })
  await expect(inspector(page).getByRole('heading')).toHaveText('3 cards')
  await inspector(page).getByLabel('Stage of 2 seedlings').selectOption('sapling')
  await expect(card(page, 'Support ticket triage')).toContainText('Sapling')
  await expect(card(page, 'Usage-based pricing pilot')).toContainText('Sapling')
  await inspector(page).getByRole('button', { name: 'Pink' }).click()
  for (const title of ['Support ticket triage', 'Usage-based pricing pilot', 'Dispatcher dashboard']) {
    await expect(card(page, title).locator('.card')).toHaveCSS('background-color', 'rgb(251, 207, 232)')
  }
  await undo(page)
  await expect(card(page, 'Dispatcher dashboard').locator('.card')).toHaveCSS('background-color', 'rgb(255, 255, 255)')
})
