import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeBoard } from '../src/shared/serialize'
import { sampleBoard } from '../src/main/files/sampleBoard'
import type { Board, Card } from '../src/shared/board'
import { cardKind } from '../src/shared/kinds'
import { relationLines } from '../src/shared/relationLines'
import { card, expect, test } from './fixtures'

/** The sample workshop, plus a row of cards far to the right of where the board opens. */
function boardWithFarCards(): Board {
  const board = sampleBoard()
  const far: Card[] = Array.from({ length: 40 }, (_, i) => ({
    id: `far-${i}`,
    kind: 'note',
    title: `Where does the path get stuck? (${i + 1})`,
    x: 20_000 + (i % 8) * 260,
    y: Math.floor(i / 8) * 160,
    width: 200,
    height: 120,
    fields: {}
  }))
  return { ...board, viewport: { x: 0, y: 0, zoom: 1 }, cards: [...board.cards, ...far] }
}

const zoomOf = async (page: import('@playwright/test').Page): Promise<number> =>
  Number(/scale\(([\d.]+)\)/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1])

test('opening a board mounts only the cards in view, never all of them once', async ({ launch, folder }) => {
  const path = join(folder, 'far.orgboard')
  await writeFile(path, serializeBoard(boardWithFarCards()))
  const app = await launch({ answerDialogs: { open: [path] } })
  // Record every card element ever added, however briefly.
  await app.page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __mounted: string[] }).__mounted = seen
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes)) if (n instanceof HTMLElement && n.dataset.id) seen.push(n.dataset.id)
    }).observe(document.body, { childList: true, subtree: true })
  })
  await app.menu('board.open')
  await expect(card(app.page, 'Route Optimiser 3.0 re-platform')).toBeVisible()
  await app.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  const mounted = await app.page.evaluate(() => (window as unknown as { __mounted: string[] }).__mounted)
  expect(mounted).toContain('ft-route')
  // Cards 20,000 px away were never mounted, not even once to be measured.
  expect(mounted.filter((id) => id.startsWith('far-'))).toEqual([])
})

test('zoomed out, cards are drawn simplified with their titles; zoomed back in, whole again', async ({ launch, folder }) => {
  const path = join(folder, 'sample.orgboard')
  await writeFile(path, serializeBoard(sampleBoard()))
  const app = await launch({ answerDialogs: { open: [path] } })
  const { page } = app
  await app.menu('board.open')
  const train = card(page, 'Route Optimiser 3.0 re-platform')
  await expect(train.locator('.card:not(.card--lite)')).toBeVisible()
  // Handles mount only under the pointer (or when selected): plain markers keep the relations drawn meanwhile.
  await expect(train.locator('.card__handle')).toHaveCount(0)
  await expect(train.locator('.handle-marker')).toHaveCount(4)
  await train.hover()
  await expect(train.locator('.card__handle')).toHaveCount(4)
  await page.mouse.move(0, 0)
  await expect(train.locator('.card__handle')).toHaveCount(0)
  await expect(page.locator('.relation-label').first()).toBeVisible()

  const pane = page.locator('.react-flow__pane')
  const box = await pane.boundingBox()
  if (!box) throw new Error('no pane')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.keyboard.down('Control')
  while ((await zoomOf(page)) >= 0.4) await page.mouse.wheel(0, 60)
  await page.keyboard.up('Control')
  await expect(train.locator('.card--lite')).toBeVisible()
  // The kind's icon, as a bitmap drawn from its lucide paths: loaded, and in the kind's colour.
  const icon = train.locator('img.card-lite__icon')
  await expect.poll(() => icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48)
  expect(await icon.evaluate((img: HTMLImageElement) => {
    const g = Object.assign(document.createElement('canvas'), { width: 48, height: 48 }).getContext('2d')!
    g.drawImage(img, 0, 0)
    const px = g.getImageData(0, 0, 48, 48).data
    let inked = 0
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 200) inked++
    return inked
  })).toBeGreaterThan(100)
  await expect(train.locator('.card__handle')).toHaveCount(0)
  await expect(page.locator('.relation-label')).toHaveCount(0)
  await page.screenshot({ path: join(folder, 'zoomed-out.png') })

  // A selected card stays whole, so its resize handles are there.
  await train.click()
  await expect(train.locator('.card:not(.card--lite)')).toBeVisible()

  await page.keyboard.down('Control')
  while ((await zoomOf(page)) < 0.6) await page.mouse.wheel(0, -60)
  await page.keyboard.up('Control')
  await expect(card(page, 'Data warehouse migration').locator('.card:not(.card--lite)')).toBeVisible()
  await expect(page.locator('.card--lite')).toHaveCount(0)
})

test('a board that opens zoomed out draws its relations between the simplified cards', async ({ launch, folder }) => {
  const path = join(folder, 'far-away.orgboard')
  const board = sampleBoard()
  await writeFile(path, serializeBoard({ ...board, viewport: { x: 400, y: 250, zoom: 0.3 } }))
  const app = await launch({ answerDialogs: { open: [path] } })
  await app.menu('board.open')
  await expect(card(app.page, 'Route Optimiser 3.0 re-platform').locator('.card--lite')).toBeVisible()
  await app.page.keyboard.press('Shift+1')
  await expect(app.page.locator('.card--lite').first()).toBeVisible()
  await expect(app.page.locator('.react-flow__edge')).toHaveCount(board.relations.length)
})

test('farther out, titles become bars and relations a few paths; a click on a line selects it; back in, the edges return', async ({ launch, folder }) => {
  const board = sampleBoard()
  const path = join(folder, 'far-out.orgboard')
  await writeFile(path, serializeBoard({ ...board, viewport: { x: 300, y: 200, zoom: 0.25 } }))
  const app = await launch({ answerDialogs: { open: [path] } })
  const { page } = app
  await app.menu('board.open')
  const train = card(page, 'Route Optimiser 3.0 re-platform')
  await expect(train.locator('.card--lite')).toBeVisible()
  await expect(page.locator('.react-flow')).toHaveClass(/canvas--far/)
  await expect(train.locator('.card-lite__title')).toBeHidden()
  // React Flow's edges are still there (selection, the quick menu) but hidden; a few paths draw every relation.
  await expect(page.locator('.react-flow__edges')).toBeHidden()
  const far = page.getByTestId('far-relations')
  const drawn = await far.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''))
  expect(drawn.length).toBeLessThan(board.relations.length * 2)
  expect(drawn.join('').match(/Z/g)).toHaveLength(board.relations.length) // one arrowhead each
  await page.screenshot({ path: join(folder, 'far-out.png') })

  // A point on the middle of a relation between two cards not inside each other, in view.
  const target = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
    const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)
    return { left: pane.left, top: pane.top, x: m.e, y: m.f, zoom: m.a }
  })
  const inside = (x: number, y: number): boolean =>
    board.cards.some((c) => !cardKind(c.kind).container && x > c.x - 10 && x < c.x + c.width + 10 && y > c.y - 10 && y < c.y + c.height + 10)
  const line = relationLines(board.cards, board.relations).find(({ start, end }) => {
    const length = Math.hypot(end.x - start.x, end.y - start.y)
    return length > 120 && !inside((start.x + end.x) / 2, (start.y + end.y) / 2)
  })
  if (!line) throw new Error('no relation to click in the sample')
  const mid = { x: (line.start.x + line.end.x) / 2, y: (line.start.y + line.end.y) / 2 }
  await page.mouse.click(target.left + target.x + mid.x * target.zoom, target.top + target.y + mid.y * target.zoom)
  await expect(page.locator(`.react-flow__edge[data-id="${line.relation.id}"]`)).toHaveClass(/selected/)
  await expect(page.getByRole('toolbar', { name: 'Relation' })).toBeVisible()
  // Drawn wider, over the rest.
  const widths = await far.locator('path[stroke-width]').evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('stroke-width'))))
  expect(widths.at(-1)).toBeGreaterThan(Math.max(...widths.slice(0, -1).filter((w) => w < 3.5)))
  // A click away from every line clears it, as on the pane at any zoom.
  await page.mouse.click(target.left + 5, target.top + 5)
  await expect(page.getByRole('toolbar', { name: 'Relation' })).toHaveCount(0)

  // Dragging a card: its relations follow it on every move, and every relation is still drawn once.
  const drawing = (): Promise<string> => far.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')).join(''))
  const before = await drawing()
  const grab = await train.boundingBox()
  if (!grab) throw new Error('no card')
  await page.mouse.move(grab.x + grab.width / 2, grab.y + grab.height / 2)
  await page.mouse.down()
  await page.mouse.move(grab.x + grab.width / 2 + 80, grab.y + grab.height / 2 + 40, { steps: 8 })
  await expect.poll(drawing).not.toBe(before)
  expect((await drawing()).match(/Z/g)).toHaveLength(board.relations.length)
  await page.mouse.up()

  const pane = await page.locator('.react-flow__pane').boundingBox()
  if (!pane) throw new Error('no pane')
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
  await page.keyboard.down('Control')
  while ((await zoomOf(page)) < 0.35) await page.mouse.wheel(0, -40)
  await page.keyboard.up('Control')
  await expect(page.locator('.react-flow')).not.toHaveClass(/canvas--far/)
  await expect(far).toHaveCount(0)
  await expect(train.getByTestId('card-title')).toBeVisible() // whole now: the drag left it selected
  await expect(page.locator('.react-flow__edge').first()).toBeVisible()
})

test('the minimap shows every card, far ones too, in their colours, and dragging on it pans the board', async ({ launch, folder }) => {
  const path = join(folder, 'far.orgboard')
  await writeFile(path, serializeBoard(boardWithFarCards()))
  const app = await launch({ answerDialogs: { open: [path] } })
  const { page } = app
  await app.menu('board.open')
  await expect(card(page, 'Route Optimiser 3.0 re-platform')).toBeVisible()
  const minimap = page.getByTestId('rf__minimap')
  // A few paths (one per colour), not one element per card.
  const shapes = minimap.locator('.react-flow__minimap-node')
  const drawn = await shapes.evaluateAll((paths) => paths.map((p) => ({ d: p.getAttribute('d') ?? '', fill: (p as SVGPathElement).style.fill })))
  expect(drawn.length).toBeGreaterThan(1)
  expect(drawn.length).toBeLessThan(boardWithFarCards().cards.length)
  const boxes = drawn.flatMap(({ d }) => d.match(/M-?\d+,-?\d+/g) ?? [])
  expect(boxes).toHaveLength(boardWithFarCards().cards.length)
  expect(boxes).toContain('M20000,0') // the first of the far notes
  expect(drawn.every((s) => s.fill !== '')).toBe(true)
  await minimap.screenshot({ path: join(folder, 'minimap.png') })

  const before = await page.locator('.react-flow__viewport').getAttribute('style')
  const box = await minimap.boundingBox()
  if (!box) throw new Error('no minimap')
  await page.mouse.move(box.x + 20, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect(page.locator('.react-flow__viewport')).not.toHaveAttribute('style', before ?? '')
})

test('a long dashed relation is drawn in pieces of one dash pattern, with one arrowhead, and a click on it selects it', async ({ launch, folder }) => {
  const board = boardWithFarCards()
  const path = join(folder, 'long-relation.orgboard')
  const relation = { id: 'rel-far', kind: 'relatesTo', from: 'ft-route', to: 'far-0', label: '' } as const
  await writeFile(path, serializeBoard({ ...board, relations: [...board.relations, relation] }))
  const app = await launch({ answerDialogs: { open: [path] } })
  const { page } = app
  await app.menu('board.open')
  const edge = page.locator('.react-flow__edge[data-id="rel-far"]')
  const pieces = edge.locator('.react-flow__edge-path')
  await expect(pieces.first()).toBeAttached()
  expect(await pieces.count()).toBeGreaterThan(10)
  const styles = await pieces.evaluateAll((paths) => paths.map((p) => [getComputedStyle(p).strokeDasharray, p.getAttribute('marker-end')]))
  expect(new Set(styles.map(([dash]) => dash))).toEqual(new Set(['4px, 4px']))
  expect(styles.filter(([, marker]) => marker).length).toBe(1)
  expect(styles.at(-1)![1]).toBeTruthy()

  // A point on the line, in view, 300 board units from where it starts.
  const point = await edge.locator('.react-flow__edge-interaction').evaluate((p: SVGPathElement) => {
    const at = p.getPointAtLength(300).matrixTransform(p.getScreenCTM()!)
    return { x: at.x, y: at.y }
  })
  await page.mouse.click(point.x, point.y)
  await expect(edge).toHaveClass(/selected/)
  await expect(page.getByRole('toolbar', { name: 'Relation' })).toBeVisible()
})

test('with React Flow given only what is around the view, a relation across it between far cards is drawn, and far cards come as the view goes there', async ({ launch, folder }) => {
  const board = boardWithFarCards()
  const ends: Card[] = [
    { id: 'west', kind: 'team', title: 'Platform Security', x: -30_000, y: 200, width: 220, height: 96, fields: {} },
    { id: 'east', kind: 'team', title: 'Data Platform', x: 30_000, y: 200, width: 220, height: 96, fields: {} }
  ]
  const across = { id: 'rel-across', kind: 'dependsOn', from: 'west', to: 'east', label: '' } as const
  const path = join(folder, 'wide.orgboard')
  await writeFile(path, serializeBoard({ ...board, cards: [...board.cards, ...ends], relations: [...board.relations, across] }))
  const app = await launch({ answerDialogs: { open: [path] } })
  const { page } = app
  await app.menu('board.open')
  await expect(card(page, 'Route Optimiser 3.0 re-platform')).toBeVisible()
  // Both ends are 30,000 units away, yet the line between them crosses the view.
  await expect(page.locator('.react-flow__edge[data-id="rel-across"]')).toHaveCount(1)

  // Panning 20,000 units right (at 100%), the far notes come into view, drawn whole.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
  for (let moved = 0; moved < 20_000; moved += 1000) await page.mouse.wheel(2000, 0)
  await expect(card(page, 'Where does the path get stuck? (1)')).toBeVisible()
  await expect(card(page, 'Where does the path get stuck? (1)').locator('.card:not(.card--lite)')).toBeVisible()
})
