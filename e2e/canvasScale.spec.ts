import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PNG } from 'pngjs'
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

/** Where a board point is on the screen now. */
async function screenOf(page: import('@playwright/test').Page): Promise<(x: number, y: number) => { x: number; y: number }> {
  const t = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
    const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)
    return { left: pane.left, top: pane.top, x: m.e, y: m.f, zoom: m.a }
  })
  return (x, y) => ({ x: t.left + t.x + x * t.zoom, y: t.top + t.y + y * t.zoom })
}

test('the far outlines are made while the board rests at its opening zoom, before any zoom out, and again after an edit', async ({ launch, folder }) => {
  const board = sampleBoard()
  const path = join(folder, 'near.orgboard')
  await writeFile(path, serializeBoard({ ...board, viewport: { x: 0, y: 0, zoom: 1 } }))
  const app = await launch({ answerDialogs: { open: [path] } })
  const { page } = app
  await app.menu('board.open')
  await expect(card(page, 'Delay prediction model')).toBeVisible()
  // The marks farLooks.ts and farStrokes.ts set once the outlines and the relations' paths are
  // ready, with how many they were made for (the blank board before the open may have had its own).
  const marks = (name: string): Promise<Record<string, number>[]> =>
    page.evaluate((n) => performance.getEntriesByName(n).map((m) => (m as PerformanceMark).detail as Record<string, number>), name)
  await expect.poll(() => marks('orgboard:far-looks-ready')).toContainEqual({ cards: board.cards.length })
  await expect.poll(() => marks('orgboard:far-strokes-ready')).toContainEqual({ relations: board.relations.length })
  expect(await zoomOf(page)).toBe(1)
  // A renamed card outlines anew, in idle time again.
  const before = (await marks('orgboard:far-looks-ready')).length
  await card(page, 'Delay prediction model').dblclick()
  await page.keyboard.type('Dispatch delay forecast')
  await page.keyboard.press('Enter')
  await expect(card(page, 'Dispatch delay forecast')).toBeVisible()
  await expect.poll(async () => (await marks('orgboard:far-looks-ready')).slice(before)).toContainEqual({ cards: board.cards.length })
  expect(await zoomOf(page)).toBe(1)
})

test('farther out, cards are outlines and relations a few paths; a click on a line selects it; back in, the edges return', async ({ launch, folder }) => {
  const board = sampleBoard()
  const path = join(folder, 'far-out.orgboard')
  await writeFile(path, serializeBoard({ ...board, viewport: { x: 300, y: 200, zoom: 0.25 } }))
  const app = await launch({ answerDialogs: { open: [path] } })
  const { page } = app
  await app.menu('board.open')
  await expect(page.locator('.react-flow')).toHaveClass(/canvas--far/)
  // Every card but the frames and gardens is an outline among a few paths; React Flow has only those.
  const outlines = page.getByTestId('far-cards')
  const plain = board.cards.filter((c) => !cardKind(c.kind).container)
  const bodies = await outlines.locator('g > path:first-child').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')).join(''))
  expect(bodies.match(/M/g)).toHaveLength(plain.length)
  // Nodes stay for the frame and the garden. The initiative the hiring wall blocks is an outline
  // too, its badge a solid pill where the node draws it; under the pointer the node wears the same.
  const nodeIds = (): Promise<string[]> => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? '').sort())
  await expect.poll(nodeIds).toEqual(['frame-lower-right', 'garden-ai'])
  const onboarding = board.cards.find((c) => c.id === 'init-onboarding')!
  const pill = await page.getByTestId('far-badges').evaluate((p) => {
    const box = (p as SVGPathElement).getBBox()
    return { x: box.x, y: box.y, width: box.width, height: box.height }
  })
  expect(pill).toEqual({ x: onboarding.x + 10, y: onboarding.y - 11, width: onboarding.width - 20, height: 20 })
  const onboardingAt = (await screenOf(page))(onboarding.x + onboarding.width / 2, onboarding.y + onboarding.height / 2)
  await page.mouse.move(onboardingAt.x, onboardingAt.y)
  const badge = card(page, 'Cut onboarding time from 6 weeks to 2').getByTestId('blocked-badge')
  await expect(badge).toBeVisible()
  await expect(badge).toHaveCSS('background-color', 'rgb(220, 38, 38)')
  // Under the pointer a card is a node again, drawn as its outline is: a bar for its title.
  const train = card(page, 'Route Optimiser 3.0 re-platform')
  await expect(train).toHaveCount(0)
  const ftRoute = board.cards.find((c) => c.id === 'ft-route')!
  const toScreen = await screenOf(page)
  const at = toScreen(ftRoute.x + ftRoute.width / 2, ftRoute.y + ftRoute.height / 2)
  const corner = toScreen(ftRoute.x - 8, ftRoute.y - 8)
  const clip = { x: corner.x, y: corner.y, width: (ftRoute.width + 16) * 0.25, height: (ftRoute.height + 16) * 0.25 }
  const outline = PNG.sync.read(await page.screenshot({ clip }))
  await page.mouse.move(at.x, at.y)
  await expect(train.locator('.card--lite')).toBeVisible()
  await expect(train.locator('.card-lite__title')).toBeHidden()
  // The node looks as its outline did (within 12 of 255 per channel): nothing jumps when the pointer reaches a card.
  const node = PNG.sync.read(await page.screenshot({ clip }))
  let off = 0
  for (let i = 0; i < node.data.length; i += 4)
    if ([0, 1, 2].some((c) => Math.abs((node.data[i + c] as number) - (outline.data[i + c] as number)) > 12)) off++
  expect(off / (node.data.length / 4)).toBeLessThan(0.1) // antialiased edges differ a little
  const flowBox0 = (await page.locator('.react-flow').boundingBox())!
  await page.mouse.move(flowBox0.x + 5, flowBox0.y + 5)
  await expect(train).toHaveCount(0)
  // React Flow's edges are still there (selection, the quick menu) but hidden; a few paths draw every relation.
  await expect(page.locator('.react-flow__edges')).toBeHidden()
  const far = page.getByTestId('far-relations')
  const drawn = await far.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''))
  expect(drawn.length).toBeLessThan(board.relations.length * 2)
  expect(drawn.join('').match(/Z/g)).toHaveLength(board.relations.length) // one arrowhead each
  await page.screenshot({ path: process.env.SHOT_DIR ? join(process.env.SHOT_DIR, 'far-out.png') : join(folder, 'far-out.png') })

  // A point on the middle of a relation between two cards not inside each other, in view.
  const screen = await screenOf(page)
  const inside = (x: number, y: number): boolean =>
    board.cards.some((c) => !cardKind(c.kind).container && x > c.x - 10 && x < c.x + c.width + 10 && y > c.y - 10 && y < c.y + c.height + 10)
  const line = relationLines(board.cards, board.relations).find(({ start, end }) => {
    const length = Math.hypot(end.x - start.x, end.y - start.y)
    return length > 120 && !inside((start.x + end.x) / 2, (start.y + end.y) / 2)
  })
  if (!line) throw new Error('no relation to click in the sample')
  const mid = { x: (line.start.x + line.end.x) / 2, y: (line.start.y + line.end.y) / 2 }
  const onLine = screen(mid.x, mid.y)
  await page.mouse.click(onLine.x, onLine.y)
  await expect(page.locator(`.react-flow__edge[data-id="${line.relation.id}"]`)).toHaveClass(/selected/)
  await expect(page.getByRole('toolbar', { name: 'Relation' })).toBeVisible()
  // Drawn wider, over the rest.
  const widths = await far.locator('path[stroke-width]').evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('stroke-width'))))
  expect(widths.at(-1)).toBeGreaterThan(Math.max(...widths.slice(0, -1).filter((w) => w < 3.5)))
  // A click away from every line clears it, as on the pane at any zoom.
  const flowBox = (await page.locator('.react-flow').boundingBox())!
  await page.mouse.click(flowBox.x + 5, flowBox.y + 5)
  await expect(page.getByRole('toolbar', { name: 'Relation' })).toHaveCount(0)

  // Dragging a card: its relations follow it on every move, and every relation is still drawn once.
  const drawing = (): Promise<string> => far.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')).join(''))
  const before = await drawing()
  const cardsDrawn = (): Promise<string> => outlines.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')).join(''))
  const cardsBefore = await cardsDrawn()
  await page.mouse.move(at.x, at.y)
  await expect(train).toHaveCount(1)
  await page.mouse.down()
  await page.mouse.move(at.x + 80, at.y + 40, { steps: 8 })
  await expect.poll(drawing).not.toBe(before)
  // Its outline goes with it, under the node: no trace of the card is left where it was.
  await expect.poll(cardsDrawn).not.toBe(cardsBefore)
  expect((await drawing()).match(/Z/g)).toHaveLength(board.relations.length)
  await page.mouse.up()

  const pane = await page.locator('.react-flow__pane').boundingBox()
  if (!pane) throw new Error('no pane')
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
  // Back in past FAR_ZOOM the outlines stay while the wheel turns, one frame after another, so
  // mounting the cards does not stall the zoom; once the view rests they are nodes again. What is
  // seen counts while each wheel event comes within 100 ms of the last (the view rests at 120 ms):
  // a frame that slow on a busy machine ends the count, and the zoom is tried again, up to 6 times
  // (3 were not always enough during a full test run).
  const zoomInWatching = (): Promise<boolean[]> =>
    page.evaluate(async () => {
      const target = document.querySelector('.react-flow__pane')!
      const box = target.getBoundingClientRect()
      const flow = document.querySelector('.react-flow')!
      const zoom = (): number => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a
      const held: boolean[] = []
      let steady = true
      while (zoom() < 0.4) {
        const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }
        target.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -40, ctrlKey: true, bubbles: true, cancelable: true }))
        const sent = performance.now()
        await new Promise(requestAnimationFrame)
        steady &&= performance.now() - sent < 100
        if (steady && zoom() >= 0.3) held.push(flow.classList.contains('canvas--far'))
      }
      return held
    })
  let held: boolean[] = []
  for (let attempt = 0; attempt < 6 && held.length === 0; attempt++) {
    if (attempt > 0) {
      await page.keyboard.down('Control')
      while ((await zoomOf(page)) >= 0.25) await page.mouse.wheel(0, 60)
      await page.keyboard.up('Control')
      await expect(page.locator('.react-flow')).toHaveClass(/canvas--far/)
    }
    held = await zoomInWatching()
  }
  expect(held.length).toBeGreaterThan(0)
  expect(held.every(Boolean)).toBe(true)
  await expect(page.locator('.react-flow')).not.toHaveClass(/canvas--far/)
  await expect(far).toHaveCount(0)
  await expect(train.getByTestId('card-title')).toBeVisible() // whole now: the drag left it selected
  await expect(page.locator('.react-flow__edge').first()).toBeVisible()
})

test('farther out, the card under the pointer takes clicks, shift-clicks, double-clicks, selection boxes and connections', async ({ launch, folder }) => {
  const board = sampleBoard()
  const path = join(folder, 'far-hands.orgboard')
  await writeFile(path, serializeBoard({ ...board, viewport: { x: 300, y: 200, zoom: 0.25 } }))
  const app = await launch({ answerDialogs: { open: [path] } })
  const { page } = app
  await app.menu('board.open')
  await expect(page.locator('.react-flow')).toHaveClass(/canvas--far/)
  const screen = await screenOf(page)
  const middle = (id: string): { x: number; y: number } => {
    const c = board.cards.find((c) => c.id === id)!
    return screen(c.x + c.width / 2, c.y + c.height / 2)
  }
  const dwh = card(page, 'Data warehouse migration')
  const route = card(page, 'Route Optimiser 3.0 re-platform')
  const selectedIds = (): Promise<string[]> =>
    page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? '').sort())

  // A click on an outline selects that card, a shift-click adds one, a click on the pane clears them.
  await page.mouse.click(middle('ft-dwh').x, middle('ft-dwh').y)
  await expect.poll(selectedIds).toEqual(['ft-dwh'])
  await expect(page.getByRole('complementary').getByText('Data warehouse migration').first()).toBeVisible()
  await page.mouse.move(middle('ft-route').x, middle('ft-route').y)
  await page.keyboard.down('Shift')
  await page.mouse.click(middle('ft-route').x, middle('ft-route').y)
  await page.keyboard.up('Shift')
  await expect.poll(selectedIds).toEqual(['ft-dwh', 'ft-route'])
  const empty = screen(-100, 520)
  await page.mouse.click(empty.x, empty.y)
  await expect.poll(selectedIds).toEqual([])
  await expect(dwh).toHaveCount(0)

  // A selection box takes the outlines wholly inside it.
  const from = screen(40, 20)
  const to = screen(360, 400)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 10 })
  await page.mouse.up()
  await expect.poll(selectedIds).toEqual(['ft-dwh', 'ft-route'])
  await expect(route).toHaveClass(/selected/)

  // From the selected train's handle onto the Growth team's outline: a relation.
  await page.mouse.click(empty.x, empty.y)
  await page.mouse.click(middle('ft-route').x, middle('ft-route').y)
  const handle = route.locator('.card__handle[data-handlepos="right"]')
  const h = (await handle.boundingBox())!
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2)
  await page.mouse.down()
  await page.mouse.move(middle('team-growth').x, middle('team-growth').y, { steps: 12 })
  await page.mouse.up()
  const heads = (): Promise<number> =>
    page.getByTestId('far-relations').locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')).join('').match(/Z/g)?.length ?? 0)
  await expect.poll(heads).toBe(board.relations.length + 1)
  await page.keyboard.press('Control+z')
  await expect.poll(heads).toBe(board.relations.length)

  // A double-click renames, as at any zoom.
  await page.mouse.dblclick(middle('ft-dwh').x, middle('ft-dwh').y)
  const editor = page.getByRole('textbox', { name: /Title of freight train|Name of freight train/i })
  await expect(editor).toBeVisible()
  await editor.fill('Data warehouse, phase two')
  await page.keyboard.press('Enter')
  await expect(card(page, 'Data warehouse, phase two')).toHaveCount(1)

  // The wheel brings an outline under a still pointer: once it rests that card is a node, and a press drags it.
  await page.mouse.click(empty.x, empty.y)
  await expect(route).toHaveCount(0)
  const routeAt = middle('ft-route')
  await page.mouse.wheel(2 * (routeAt.x - empty.x), 2 * (routeAt.y - empty.y)) // panOnScroll moves half the delta
  await expect(route).toHaveCount(1)
  const grabbed = (await route.boundingBox())!
  await page.mouse.down()
  await page.mouse.move(empty.x + 40, empty.y + 30, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => (await route.boundingBox())?.x ?? 0).toBeGreaterThan(grabbed.x + 20)
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
