import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import type { Page } from '@playwright/test'
import { PNG } from 'pngjs'
import type { Board } from '../src/shared/board'
import { boardTextFromSvg } from '../src/shared/export/embed'
import { colourDistance, harbourAndPine, nodeExportFonts, pixelAt, rsvgPng, type Pixels } from '../src/shared/export/fonts.testing'
import { boardTextFromPng } from '../src/shared/export/png'
import { buildScene, type Scene } from '../src/shared/export/scene'
import { cardKind } from '../src/shared/kinds'
import { serializeBoard } from '../src/shared/serialize'
import { card, expect, test } from './fixtures'

const fixture = join(__dirname, 'fixtures', 'harbour-and-pine.orgboard')
const nodes = (page: Page) => page.locator('.react-flow__node')
/** Exports render real images: on a busy machine that can take a while, so their outcome gets a longer wait. */
const EXPORT_WAIT = { timeout: 60_000 }

/** The canvas only renders cards in view, so "opened" is the window's title, not a count of cards. */
const opened = (page: Page, name: string) => expect(page.getByTestId('board-title')).toHaveText(name)

/** The export dialog's choices, by their labels. */
async function exportFromMenu(page: Page, menu: (id: string) => Promise<void>, choices: string[], format: 'PNG' | 'SVG' | 'PDF'): Promise<void> {
  await menu('board.export')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog.getByRole('img')).toBeVisible() // the preview
  await dialog.getByRole('radio', { name: format, exact: true }).click()
  for (const choice of choices) await dialog.getByRole('radio', { name: choice, exact: true }).click()
  await dialog.getByRole('button', { name: `Export ${format}…` }).click()
}

/** The scene the exporter lays out for a board (same code, same fonts, run here in Node). */
function sceneOf(board: Board, padding = 32): Scene {
  return buildScene(board, nodeExportFonts(), { background: 'light', padding })
}

/** Every non-container card shows its kind's fill near its bottom corners, at `scale` image pixels per board unit. */
function expectCardsPainted(png: Pixels, board: Board, scene: Scene, scale: number): void {
  for (const c of board.cards) {
    const spec = cardKind(c.kind)
    if (spec.container) continue
    const y = (c.y - scene.origin.y + c.height - 12) * scale
    for (const x of [(c.x - scene.origin.x + 30) * scale, (c.x - scene.origin.x + c.width - 30) * scale]) {
      expect(colourDistance(pixelAt(png, x, y), spec.fill), `${c.title} at ${Math.round(x)},${Math.round(y)}`).toBeLessThan(40)
    }
  }
}

test('the freight trains and gardens map exports as a crisp 4× PNG and a vector SVG from the menu, and both reopen as the board', async ({
  launch,
  folder
}) => {
  test.slow() // a 10,000-pixel-wide PNG, rendered, decoded and compared
  const pngPath = join(folder, 'Harbour & Pine map.png')
  const svgPath = join(folder, 'Harbour & Pine map.svg')
  const app = await launch({ answerDialogs: { open: [fixture], export: [pngPath, join(folder, 'Harbour & Pine map')] } })
  const { page } = app
  await app.menu('board.open')
  await opened(page, 'harbour-and-pine')

  await exportFromMenu(page, app.menu, ['4×', 'Light'], 'PNG')
  await expect(page.getByTestId('notice')).toContainText('Exported "Harbour & Pine map.png"', EXPORT_WAIT)
  await expect(page.getByTestId('export-dialog')).toHaveCount(0)
  await exportFromMenu(page, app.menu, [], 'SVG')
  await expect(page.getByTestId('notice')).toContainText('Exported "Harbour & Pine map.svg"', EXPORT_WAIT)
  expect(app.dialogLog).toEqual(['open', 'export:png', 'export:svg'])
  await expect(page.getByTestId('edited-marker')).toHaveCount(0) // exporting never changes the board

  const board = harbourAndPine()
  const scene = sceneOf(board)
  const pngBytes = await readFile(pngPath)
  const png = PNG.sync.read(pngBytes)
  expect([png.width, png.height]).toEqual([scene.width * 4, scene.height * 4])
  expectCardsPainted(png, board, scene, 4)
  expect(boardTextFromPng(new Uint8Array(pngBytes))).toBe(serializeBoard(board))

  const svg = await readFile(svgPath, 'utf8')
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  expect(doc.getElementsByTagName('foreignObject')).toHaveLength(0)
  expect(doc.getElementsByTagName('image')).toHaveLength(0)
  const titles = Array.from(doc.getElementsByTagName('title')).map((t) => t.textContent)
  for (const c of board.cards) expect(titles).toContain(`${cardKind(c.kind).label}: ${c.title}`)
  expect(boardTextFromSvg(svg)).toBe(serializeBoard(board))

  // librsvg draws the SVG like Chromium drew the PNG: compare them point by point at 1×.
  const rsvg = PNG.sync.read(rsvgPng(svg))
  expect([rsvg.width, rsvg.height]).toEqual([scene.width, scene.height])
  expectCardsPainted(rsvg, board, scene, 1)
  let differing = 0
  let samples = 0
  for (let y = 2; y < scene.height; y += 5) {
    for (let x = 2; x < scene.width; x += 5) {
      samples++
      const a = pixelAt(rsvg, x, y)
      if (colourDistance(pixelAt(png, x * 4 + 2, y * 4 + 2), `#${a.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('')}`) > 60) differing++
    }
  }
  expect(differing / samples).toBeLessThan(0.03)

  for (const [path, kind] of [
    [pngPath, 'png'],
    [svgPath, 'svg']
  ] as const) {
    const reopened = await launch({ answerDialogs: { open: [path], save: [join(folder, `from ${kind}.orgboard`)] } })
    await reopened.menu('board.open')
    await expect(reopened.page.getByTestId('notice')).toContainText(`Opened the board saved inside "Harbour & Pine map.${kind}"`)
    await expect(reopened.page.getByTestId('board-title')).toHaveText('Harbour & Pine map')
    await expect(card(reopened.page, 'Delay prediction model')).toBeVisible()
    // Save asks where to keep the board, rather than writing JSON over the image.
    await reopened.page.keyboard.press('Control+S')
    await expect(reopened.page.getByTestId('board-title')).toHaveText(`from ${kind}`)
    expect(reopened.dialogLog).toEqual(['open', 'save'])
    const saved = JSON.parse(await readFile(join(folder, `from ${kind}.orgboard`), 'utf8')) as Board
    expect(saved.cards).toEqual(board.cards)
    expect(saved.relations).toEqual(board.relations)
  }
  expect(await readFile(pngPath)).toEqual(pngBytes)
})

test('cards far off-screen are exported, and a board too large for a 4× canvas exports at a lower scale with a message', async ({ launch, folder }) => {
  test.slow() // a 16,384-pixel-wide PNG
  const base = harbourAndPine()
  // At y 2601 the image at the lowered scale is 1,256.68 px tall: its last row is only partly inside the scene.
  const far = { ...base.cards.find((c) => c.id === 'wall-hiring'), id: 'wall-far', title: 'A wall far off-screen', x: 38000, y: 2601 } as Board['cards'][number]
  const board: Board = { ...base, cards: [...base.cards, far] }
  const boardPath = join(folder, 'wide.orgboard')
  await writeFile(boardPath, serializeBoard(board))
  const pngPath = join(folder, 'wide.png')
  const app = await launch({ answerDialogs: { open: [boardPath], export: [pngPath] } })
  await app.menu('board.open')
  await opened(app.page, 'wide')
  await expect(card(app.page, 'Delay prediction model')).toBeVisible()
  await expect(card(app.page, 'A wall far off-screen')).toHaveCount(0) // off-screen: the canvas does not even render it

  await exportFromMenu(app.page, app.menu, ['4×'], 'PNG')
  const notice = app.page.getByTestId('notice')
  await expect(notice).toContainText('Exported "wide.png"', EXPORT_WAIT)
  await expect(notice).toContainText('too large for a 4× PNG')

  const scene = sceneOf(board)
  const png = PNG.sync.read(await readFile(pngPath))
  const scale = png.width / scene.width
  expect(png.width).toBeLessThanOrEqual(16384)
  expect(scale).toBeLessThan(4)
  expect(png.height).toBe(Math.round(scene.height * scale))
  // At a scale that is not whole the image's last row and column are partly outside the scene: still background, not a dark line.
  for (const [x, y] of [[png.width - 1, png.height / 2], [png.width / 2, png.height - 1], [png.width - 1, png.height - 1]] as const) {
    expect(colourDistance(pixelAt(png, x, y), '#ffffff'), `edge pixel ${x},${y}`).toBeLessThan(8)
  }
  // Both ends of the board are there: nothing cropped, nothing blank.
  const at = (c: Board['cards'][number]) => pixelAt(png, (c.x - scene.origin.x + c.width / 2) * scale, (c.y - scene.origin.y + c.height - 8) * scale)
  expect(colourDistance(at(far), cardKind('wall').fill)).toBeLessThan(40)
  const team = base.cards.find((c) => c.id === 'team-growth')
  if (!team) throw new Error('no team')
  expect(colourDistance(at(team), cardKind('team').fill)).toBeLessThan(40)
})

test('a PNG on a dark or a transparent background: the background is that, and the cards are opaque on it', async ({ launch, folder }) => {
  const paths = { dark: join(folder, 'dark.png'), transparent: join(folder, 'clear.png') }
  const app = await launch({ answerDialogs: { open: [fixture], export: [paths.dark, paths.transparent] } })
  await app.menu('board.open')
  await opened(app.page, 'harbour-and-pine')
  const board = harbourAndPine()
  const scene = sceneOf(board)
  const middleOf = (png: Pixels, id: string) => {
    const c = board.cards.find((k) => k.id === id)
    if (!c) throw new Error(`no card ${id}`)
    return pixelAt(png, (c.x - scene.origin.x + c.width / 2) * 2, (c.y - scene.origin.y + c.height - 12) * 2)
  }
  for (const [background, path] of [['Dark', paths.dark], ['Transparent', paths.transparent]] as const) {
    await exportFromMenu(app.page, app.menu, ['2×', background], 'PNG')
    await expect(app.page.getByTestId('notice')).toContainText(`Exported "${background === 'Dark' ? 'dark' : 'clear'}.png"`, EXPORT_WAIT)
    const png = PNG.sync.read(await readFile(path))
    expect([png.width, png.height]).toEqual([scene.width * 2, scene.height * 2])
    const corner = pixelAt(png, 2, 2)
    if (background === 'Dark') expect(colourDistance(corner, '#111827')).toBeLessThan(3)
    expect(corner[3]).toBe(background === 'Dark' ? 255 : 0)
    // A card's body is opaque on either, in its kind's fill (a transparent export must not lose the cards' alpha).
    expect(middleOf(png, 'team-growth')[3]).toBe(255)
    expect(colourDistance(middleOf(png, 'team-growth'), cardKind('team').fill), background).toBeLessThan(40)
  }
})

test('exporting the selection shows and carries only the selected cards', async ({ launch, folder }) => {
  const svgPath = join(folder, 'selection.svg')
  const app = await launch({ answerDialogs: { open: [fixture], export: [svgPath] } })
  const { page } = app
  await app.menu('board.open')
  await card(page, 'Delay prediction model').click()
  await card(page, 'Dispatcher dashboard').click({ modifiers: ['Shift'] })
  await app.menu('board.export')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog.getByRole('radio', { name: 'Selection (2)' })).toHaveAttribute('aria-checked', 'true')
  await dialog.getByRole('radio', { name: 'SVG', exact: true }).click()
  await dialog.getByRole('button', { name: 'Export SVG…' }).click()
  await expect(page.getByTestId('notice')).toContainText('Exported "selection.svg"', EXPORT_WAIT)

  const svg = await readFile(svgPath, 'utf8')
  const embedded = JSON.parse(boardTextFromSvg(svg) ?? '{}') as Board
  expect(embedded.cards.map((c) => c.title).sort()).toEqual(['Delay prediction model', 'Dispatcher dashboard'])
  expect(embedded.relations.map((r) => [r.from, r.to])).toEqual([['blank-dashboard', 'seed-delay']])
  expect(svg).not.toContain('Route Optimiser')
})

test('a PNG export clicked while the preview is still drawing shares its workers and draws the whole board', async ({ launch, folder }) => {
  const pngPath = join(folder, 'whole.png')
  const app = await launch({ answerDialogs: { open: [fixture], export: [pngPath] } })
  const { page } = app
  await app.menu('board.open')
  await card(page, 'Delay prediction model').click()
  await app.menu('board.export')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog.getByRole('img')).toBeVisible() // the selection's preview
  for (const choice of ['PNG', '1×', 'Whole board']) await dialog.getByRole('radio', { name: choice, exact: true }).click()
  // At once: the whole board's preview is being laid out or drawn by the workers the export then shares.
  await dialog.getByRole('button', { name: 'Export PNG…' }).click()
  await expect(page.getByTestId('notice')).toContainText('Exported "whole.png"', EXPORT_WAIT)

  const bytes = await readFile(pngPath)
  const board = harbourAndPine()
  const scene = sceneOf(board)
  const png = PNG.sync.read(bytes) // checks every chunk's CRC and the image data's Adler-32
  expect([png.width, png.height]).toEqual([Math.round(scene.width), Math.round(scene.height)])
  expectCardsPainted(png, board, scene, 1)
  expect(boardTextFromPng(new Uint8Array(bytes))).toBe(serializeBoard(board))
})

test('a failed export says why, writes nothing and leaves the board as it was', async ({ launch, folder }) => {
  test.slow()
  const app = await launch({ answerDialogs: { open: [fixture], export: [join(folder, 'no such folder', 'map.pdf')] } })
  const { page } = app
  await app.menu('board.open')
  await opened(page, 'harbour-and-pine')
  const before = await nodes(page).count()
  await page.keyboard.press('Control+Shift+E')
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByRole('radio', { name: 'PDF', exact: true }).click()
  await dialog.getByRole('radio', { name: 'A4 landscape', exact: true }).click()
  await dialog.getByRole('button', { name: 'Export PDF…' }).click()
  await expect(dialog.getByTestId('export-error')).toContainText('Could not export "map.pdf": its folder', EXPORT_WAIT)
  await expect(dialog.getByTestId('export-error')).toContainText('does not exist')
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)
  // Typing in the dialog never reaches the board's shortcuts.
  await page.keyboard.press('n')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(nodes(page)).toHaveCount(before)
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)
})

test('Copy as PNG puts the board on the clipboard', async ({ launch }) => {
  test.slow()
  const app = await launch({ answerDialogs: { open: [fixture] } })
  const { page } = app
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin })
  await app.menu('board.open')
  await opened(page, 'harbour-and-pine')
  await page.keyboard.press('Control+Shift+C')
  await expect(page.getByTestId('notice')).toContainText('Copied the board to the clipboard as a PNG', EXPORT_WAIT)
  const dataUrl = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    const blob = await item?.getType('image/png')
    if (!blob) return ''
    return new Promise<string>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.readAsDataURL(blob)
    })
  })
  const png = PNG.sync.read(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'))
  const scene = sceneOf(harbourAndPine())
  expect([png.width, png.height]).toEqual([scene.width * 2, scene.height * 2])
  expectCardsPainted(png, harbourAndPine(), scene, 2)
})

test('closing the export dialog at once loads none of the drawing code', async ({ launch }) => {
  const app = await launch({ answerDialogs: { open: [fixture] } })
  const { page } = app
  await app.menu('board.open')
  await opened(page, 'harbour-and-pine')
  const drawingCode: string[] = []
  page.on('request', (request) => {
    if (/\/exporter-[^/]*\.js$/.test(request.url())) drawingCode.push(request.url())
  })
  // The page's clock stands still, so Cancel comes before the preview's 120 ms however slow the machine.
  await page.clock.install()
  await page.clock.pauseAt(Date.now() + 1000)
  await page.keyboard.press('Control+Shift+E')
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await page.clock.runFor(1000) // a preview timer left behind would fire now
  await page.waitForTimeout(300)
  expect(drawingCode).toEqual([])
})
