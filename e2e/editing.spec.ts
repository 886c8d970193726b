import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { addCard, card, expect, test } from './fixtures'
import { boardPosition, dragOnBoard, selectCards, selectedTitles, zoomLevel } from './editingHelpers'
import type { Page } from '@playwright/test'

const nodes = (page: Page) => page.locator('.react-flow__node')
const edges = (page: Page) => page.locator('.react-flow__edge')

/** Three freight trains placed side by side by the palette. */
async function threeTrains(page: Page): Promise<void> {
  await addCard(page, 'Freight train', 'Route Optimiser 3.0 re-platform')
  await addCard(page, 'Freight train', 'Enterprise SSO & compliance')
  await addCard(page, 'Freight train', 'Warehouse Mobile App rewrite')
}

test('shift-click adds to the selection; a marquee selects what it covers, and dragging them is one step', async ({ app }) => {
  const { page } = app
  await threeTrains(page)
  await selectCards(page, 'Route Optimiser 3.0 re-platform', 'Enterprise SSO & compliance')
  expect(await selectedTitles(page)).toEqual(['Route Optimiser 3.0 re-platform', 'Enterprise SSO & compliance'])

  // A marquee around all three, starting on empty board.
  const boxes = await Promise.all(
    ['Route Optimiser 3.0 re-platform', 'Enterprise SSO & compliance', 'Warehouse Mobile App rewrite'].map(async (t) => card(page, t).boundingBox())
  )
  const left = Math.min(...boxes.map((b) => b?.x ?? 0)) - 20
  const top = Math.min(...boxes.map((b) => b?.y ?? 0)) - 20
  const right = Math.max(...boxes.map((b) => (b?.x ?? 0) + (b?.width ?? 0))) + 20
  const bottom = Math.max(...boxes.map((b) => (b?.y ?? 0) + (b?.height ?? 0))) + 20
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } })
  await dragOnBoard(page, { x: left, y: top }, { x: right, y: bottom })
  expect(await selectedTitles(page)).toHaveLength(3)

  // Dragging one of them moves all three by the same amount, as one undo step.
  const titles = ['Route Optimiser 3.0 re-platform', 'Enterprise SSO & compliance', 'Warehouse Mobile App rewrite']
  const before = await Promise.all(titles.map((t) => boardPosition(page, t)))
  const box = await card(page, 'Enterprise SSO & compliance').boundingBox()
  if (!box) throw new Error('no card')
  await dragOnBoard(page, { x: box.x + box.width / 2, y: box.y + box.height - 10 }, { x: box.x + box.width / 2 + 60, y: box.y + box.height + 110 })
  const after = await Promise.all(titles.map((t) => boardPosition(page, t)))
  const moves = after.map((p, i) => ({ dx: p.x - (before[i]?.x ?? 0), dy: p.y - (before[i]?.y ?? 0) }))
  expect(moves[0]?.dx).toBeGreaterThan(40)
  expect(moves[0]?.dy).toBeGreaterThan(80)
  expect(moves[1]).toEqual(moves[0])
  expect(moves[2]).toEqual(moves[0])
  await page.keyboard.press('Control+Z')
  expect(await Promise.all(titles.map((t) => boardPosition(page, t)))).toEqual(before)
  await expect(nodes(page)).toHaveCount(3)

  // A click (without Shift) on one card of the selection selects just that card.
  await card(page, 'Enterprise SSO & compliance').locator('.card__kind').click()
  expect(await selectedTitles(page)).toEqual(['Enterprise SSO & compliance'])
  // Shift-click on a selected card takes it out of the selection.
  await selectCards(page, 'Route Optimiser 3.0 re-platform', 'Warehouse Mobile App rewrite', 'Enterprise SSO & compliance')
  await card(page, 'Warehouse Mobile App rewrite').locator('.card__kind').click({ modifiers: ['Shift'] })
  expect(await selectedTitles(page)).toEqual(['Route Optimiser 3.0 re-platform', 'Enterprise SSO & compliance'])
})

test('duplicate copies the selected cards and the relations among them, with fresh ids, offset and selected', async ({ launch, folder }) => {
  const path = join(folder, 'duplicated.orgboard')
  const app = await launch({ answerDialogs: { save: [path] } })
  const { page } = app
  await addCard(page, 'Initiative', 'Data warehouse migration')
  await addCard(page, 'Seedling', 'Delay prediction model')
  await addCard(page, 'Wall', 'The data warehouse migration owns the only two data engineers')
  // The seedling depends on the initiative.
  const from = card(page, 'Delay prediction model')
  await from.hover()
  const handle = await from.locator('.react-flow__handle-right').boundingBox()
  const target = await card(page, 'Data warehouse migration').boundingBox()
  if (!handle || !target) throw new Error('cards not found')
  await dragOnBoard(page, { x: handle.x + 6, y: handle.y + 6 }, { x: target.x + target.width / 2, y: target.y + target.height / 2 })
  await expect(edges(page)).toHaveCount(1)

  const original = await boardPosition(page, 'Delay prediction model')
  await selectCards(page, 'Delay prediction model', 'Data warehouse migration')
  await page.keyboard.press('Control+D')
  await expect(nodes(page)).toHaveCount(5)
  await expect(edges(page)).toHaveCount(2)
  expect(await selectedTitles(page)).toEqual(['Data warehouse migration', 'Delay prediction model'])
  const copies = await page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
  const copy = page.locator(`.react-flow__node[data-id="${copies[1]}"]`)
  const style = (await copy.getAttribute('style')) ?? ''
  expect(style).toContain(`translate(${original.x + 24}px, ${original.y + 24}px)`)

  await page.keyboard.press('Control+S')
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)
  const board = JSON.parse(await readFile(path, 'utf8'))
  const ids = board.cards.map((c: { id: string }) => c.id)
  expect(new Set(ids).size).toBe(5)
  const relIds = board.relations.map((r: { id: string }) => r.id)
  expect(new Set(relIds).size).toBe(2)
  const copiedRelation = board.relations.find((r: { from: string }) => r.from === copies[1])
  expect(copiedRelation).toMatchObject({ to: copies[0] })

  await page.keyboard.press('Control+Z')
  await expect(nodes(page)).toHaveCount(3)
  await expect(edges(page)).toHaveCount(1)
})

test('arrow keys nudge by 1, Shift+arrow by 10; each press is one undo step, a held key one step', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Wall', 'Hiring freeze for all non-revenue roles')
  await addCard(page, 'Wall', 'Legal review required for any customer data leaving the EU')
  await selectCards(page, 'Hiring freeze for all non-revenue roles', 'Legal review required for any customer data leaving the EU')
  const a0 = await boardPosition(page, 'Hiring freeze for all non-revenue roles')
  const b0 = await boardPosition(page, 'Legal review required for any customer data leaving the EU')

  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowDown')
  expect(await boardPosition(page, 'Hiring freeze for all non-revenue roles')).toEqual({ x: a0.x + 2, y: a0.y + 10 })
  expect(await boardPosition(page, 'Legal review required for any customer data leaving the EU')).toEqual({ x: b0.x + 2, y: b0.y + 10 })

  await page.keyboard.press('Control+Z')
  expect(await boardPosition(page, 'Hiring freeze for all non-revenue roles')).toEqual({ x: a0.x + 2, y: a0.y })
  await page.keyboard.press('Control+Z')
  expect(await boardPosition(page, 'Hiring freeze for all non-revenue roles')).toEqual({ x: a0.x + 1, y: a0.y })

  // Holding the key down: the browser repeats it; all repeats belong to the one press.
  await page.keyboard.down('ArrowLeft')
  for (let i = 0; i < 4; i++) await page.keyboard.down('ArrowLeft')
  await page.keyboard.up('ArrowLeft')
  expect(await boardPosition(page, 'Hiring freeze for all non-revenue roles')).toEqual({ x: a0.x - 4, y: a0.y })
  await page.keyboard.press('Control+Z')
  expect(await boardPosition(page, 'Hiring freeze for all non-revenue roles')).toEqual({ x: a0.x + 1, y: a0.y })
})

test('arrow keys nudge a card that has the keyboard focus, not React Flow’s own 5-unit move', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Team', 'Mobile')
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } })
  const start = await boardPosition(page, 'Mobile')
  await card(page, 'Mobile').focus()
  await page.keyboard.press('Enter') // React Flow: Enter selects the focused card
  await expect(card(page, 'Mobile')).toHaveClass(/selected/)
  await page.keyboard.press('ArrowUp')
  expect(await boardPosition(page, 'Mobile')).toEqual({ x: start.x, y: start.y - 1 })
  await page.keyboard.press('Control+Z')
  expect(await boardPosition(page, 'Mobile')).toEqual(start)
})

test('align and distribute from the floating toolbar and the keys, each one undo step', async ({ app }) => {
  const { page } = app
  await threeTrains(page)
  await page.keyboard.press('Control+A')
  const toolbar = page.getByRole('toolbar', { name: 'Arrange' })
  await expect(toolbar).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('arrange-toolbar.png') })

  const titles = ['Route Optimiser 3.0 re-platform', 'Enterprise SSO & compliance', 'Warehouse Mobile App rewrite']
  // The palette stacks them in a column; move two sideways so that every edge differs.
  await selectCards(page, titles[1] as string)
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight')
  await selectCards(page, titles[2] as string)
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Control+A')
  const before = await Promise.all(titles.map((t) => boardPosition(page, t)))
  await toolbar.getByRole('button', { name: 'Align Top' }).click()
  const topAligned = await Promise.all(titles.map((t) => boardPosition(page, t)))
  const minY = Math.min(...before.map((p) => p.y))
  expect(topAligned.map((p) => p.y)).toEqual([minY, minY, minY])
  expect(topAligned.map((p) => p.x)).toEqual(before.map((p) => p.x))

  await page.keyboard.press('Alt+A') // align left
  const leftAligned = await Promise.all(titles.map((t) => boardPosition(page, t)))
  const minX = Math.min(...before.map((p) => p.x))
  expect(leftAligned.map((p) => p.x)).toEqual([minX, minX, minX])

  await page.keyboard.press('Control+Z')
  expect(await Promise.all(titles.map((t) => boardPosition(page, t)))).toEqual(topAligned)
  await page.keyboard.press('Control+Z')
  expect(await Promise.all(titles.map((t) => boardPosition(page, t)))).toEqual(before)

  // Spread the first and last far apart, then distribute: equal gaps.
  await selectCards(page, titles[2] as string)
  for (let i = 0; i < 60; i++) await page.keyboard.press('Shift+ArrowRight')
  // Zoom to fit: cards outside the view are not drawn, and the side bar leaves less room.
  await page.keyboard.press('Shift+1')
  await page.keyboard.press('Control+A')
  await toolbar.getByRole('button', { name: 'Distribute Horizontally' }).click()
  const spread = await Promise.all(titles.map((t) => boardPosition(page, t)))
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? ''
  const zoom = Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? 1)
  const widths = await Promise.all(titles.map(async (t) => ((await card(page, t).boundingBox())?.width ?? 0) / zoom))
  const order = [0, 1, 2].sort((a, b) => (spread[a]?.x ?? 0) - (spread[b]?.x ?? 0))
  const [i0, i1, i2] = order as [number, number, number]
  const gap1 = (spread[i1]?.x ?? 0) - ((spread[i0]?.x ?? 0) + (widths[i0] ?? 0))
  const gap2 = (spread[i2]?.x ?? 0) - ((spread[i1]?.x ?? 0) + (widths[i1] ?? 0))
  expect(Math.abs(gap1 - gap2)).toBeLessThanOrEqual(1)
  expect(gap1).toBeGreaterThan(24)
})

test('snap to grid: dragged and nudged cards land on the dot grid; the choice survives a restart', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Blank page', 'Dispatcher dashboard')
  await page.keyboard.press("Control+'")
  await page.screenshot({ path: test.info().outputPath('snap-grid.png') })
  const box = await card(page, 'Dispatcher dashboard').boundingBox()
  if (!box) throw new Error('no card')
  await dragOnBoard(page, { x: box.x + 40, y: box.y + box.height - 10 }, { x: box.x + 40 + 37, y: box.y + box.height - 10 + 53 })
  const dropped = await boardPosition(page, 'Dispatcher dashboard')
  expect(dropped.x % 24).toBe(0)
  expect(dropped.y % 24).toBe(0)
  await card(page, 'Dispatcher dashboard').locator('.card__kind').click()
  await page.keyboard.press('Shift+ArrowRight')
  expect(await boardPosition(page, 'Dispatcher dashboard')).toEqual({ x: dropped.x + 24, y: dropped.y })
  await page.keyboard.press('ArrowRight') // a plain arrow is still the fine, 1-unit nudge
  expect(await boardPosition(page, 'Dispatcher dashboard')).toEqual({ x: dropped.x + 25, y: dropped.y })
  await page.keyboard.press('Shift+ArrowRight') // back onto the next grid line
  expect(await boardPosition(page, 'Dispatcher dashboard')).toEqual({ x: dropped.x + 48, y: dropped.y })

  // The dots sit on the grid: a dot's centre, in board units, is a multiple of 24 (at this zoom and another).
  for (const zoom of ['start', 'after zooming out']) {
    if (zoom !== 'start') await page.keyboard.press('Control+-')
    const dot = await page.evaluate(() => {
      const dots = document.querySelector<HTMLElement>('.dot-grid__dots')
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? ''
      const [, tx, ty, scale] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(viewport) ?? []
      const [, lx, ly] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(dots?.style.transform ?? '') ?? []
      const step = parseFloat(dots?.style.getPropertyValue('--dot-step') ?? '')
      if (!dots || dots.hidden || !lx || !step) return null
      // A dot sits at the centre of each repeated tile.
      return { x: (Number(lx) + step / 2 - Number(tx)) / Number(scale), y: (Number(ly) + step / 2 - Number(ty)) / Number(scale) }
    })
    if (!dot) throw new Error('no dot pattern')
    const offGrid = (v: number) => Math.min(((v % 24) + 24) % 24, 24 - (((v % 24) + 24) % 24))
    expect(offGrid(dot.x), zoom).toBeLessThan(0.01)
    expect(offGrid(dot.y), zoom).toBeLessThan(0.01)
    // Once the zoom rests, the tile is drawn for this step (while zooming, the last one is scaled).
    const tile = () =>
      page.evaluate(async () => {
        const dots = document.querySelector<HTMLElement>('.dot-grid__dots')
        const url = /url\("(.+)"\)/.exec(dots?.style.backgroundImage ?? '')?.[1]
        if (!dots || !url) return null
        const image = new Image()
        image.src = url
        await image.decode()
        return { size: image.naturalWidth, step: parseFloat(dots.style.getPropertyValue('--dot-step')) * devicePixelRatio }
      })
    await expect
      .poll(async () => {
        const drawn = await tile()
        return drawn && drawn.size === Math.round(drawn.step)
      }, zoom)
      .toBe(true)
  }

  await page.reload()
  await page.locator('.react-flow').waitFor()
  // A restart shows the start screen again; Escape goes to the (blank) board.
  await page.getByTestId('start-screen').waitFor()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+K')
  await page.getByRole('combobox', { name: 'Search commands' }).fill('snap')
  await expect(page.getByRole('option', { name: /Snap to Grid \(on\)/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+K')
  await page.getByRole('combobox', { name: 'Search commands' }).fill('snap')
  await expect(page.getByRole('option', { name: /Snap to Grid \(off\)/ })).toBeVisible()
})

test('zoom to selection frames the selected cards; Shift+0 goes back to 100%', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Team', 'Routing Core')
  await addCard(page, 'Team', 'Platform Security')
  // One step at a time: a second step during the first one's animation would start from its middle.
  await page.keyboard.press('Control+-')
  await expect.poll(() => zoomLevel(page)).toBeLessThan(0.9)
  await page.keyboard.press('Control+-')
  await expect.poll(() => zoomLevel(page)).toBeLessThan(0.8)
  await selectCards(page, 'Platform Security')
  await page.keyboard.press('Shift+2')
  await expect.poll(() => zoomLevel(page)).toBeGreaterThan(1.5)
  const canvas = await page.locator('.react-flow').boundingBox()
  const framed = await card(page, 'Platform Security').boundingBox()
  if (!canvas || !framed) throw new Error('missing boxes')
  expect(Math.abs(framed.x + framed.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(4)
  await page.keyboard.press('Shift+0')
  await expect.poll(() => zoomLevel(page)).toBe(1)
})
