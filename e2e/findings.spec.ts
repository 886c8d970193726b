import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { card, expect, test } from './fixtures'

const template = join(__dirname, '../resources/templates/freight-trains-and-gardens.orgboard')
const shots = process.env.ORGBOARD_SHOTS // a folder to keep screenshots in while developing
const findings = (page: Page) => page.getByTestId('findings')
const finding = (page: Page, id: string) => findings(page).locator(`[data-finding="${id}"]`)

async function openTemplate(launch: Parameters<Parameters<typeof test>[2]>[0]['launch']) {
  const app = await launch({ answerDialogs: { open: [template] } })
  await app.page.keyboard.press('Control+O')
  await expect(card(app.page, 'Delay prediction model')).toBeVisible()
  await app.page.keyboard.press('Shift+1')
  await app.page.getByRole('tab', { name: 'Findings' }).click()
  return app
}

/** Where each card is drawn, by title (React Flow positions nodes with a transform). */
async function positions(page: Page): Promise<Record<string, string>> {
  return page.locator('.react-flow__node').evaluateAll((nodes) =>
    Object.fromEntries(nodes.map((n) => [n.getAttribute('aria-label') ?? n.id, (n as HTMLElement).style.transform]))
  )
}

test('the findings panel reads the template, reacts to a new circle, and undo takes it back', async ({ launch }) => {
  const { page } = await openTemplate(launch)
  await expect(finding(page, 'conditional:r3')).toHaveText(
    '“Route Optimiser 3.0 re-platform” depends on “Dispatcher dashboard” — condition: only if the pilot with two customers succeeds'
  )
  const trains = findings(page).locator('[data-kind="unquestionedFreightTrain"]')
  await expect(trains.locator('.findings__count')).toHaveText('3')
  await expect(trains).toContainText('“Route Optimiser 3.0 re-platform” keeps running, but its value has never been questioned')
  await expect(findings(page).locator('[data-kind="cycle"]')).toHaveCount(0)
  // Blocked work carries its wall's name on the card.
  await expect(card(page, 'Dispatcher dashboard').getByTestId('blocked-badge')).toHaveText(
    'Blocked by “The data warehouse migration owns the only two data engineers”'
  )

  // Data warehouse migration now "depends on" the route optimiser: the path closes into a circle.
  await card(page, 'Data warehouse migration').click()
  await card(page, 'Route Optimiser 3.0 re-platform').click({ modifiers: ['Shift'] })
  await page.keyboard.press('l')
  const cycle = findings(page).locator('[data-kind="cycle"] [data-testid="finding"]')
  await expect(cycle).toHaveText(
    '“Route Optimiser 3.0 re-platform”, “Data warehouse migration”, “Delay prediction model” and “Dispatcher dashboard” depend on each other in a circle: none of them can finish first'
  )
  await expect(page.locator('.react-flow__edge.edge--cycle')).toHaveCount(4)
  // The circle glows with a translucent line beneath each relation: no CSS filter, which blurred
  // a long relation's whole bounding box on every pan frame.
  await expect(page.locator('.react-flow__edge.edge--cycle .relation-halo')).toHaveCount(4)
  const filters = await page.locator('.react-flow__edge.edge--cycle path').evaluateAll((paths) => paths.map((p) => getComputedStyle(p).filter))
  expect(new Set(filters)).toEqual(new Set(['none']))
  await expect(page.locator('.react-flow__edge:not(.edge--cycle) .relation-halo')).toHaveCount(0)
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } })
  if (shots) {
    await page.screenshot({ path: join(shots, 'findings-cycle.png') })
  }

  // A click on the finding selects the circle's cards and relations.
  await cycle.click()
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(4)
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(4)

  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+Z')
  await expect(findings(page).locator('[data-kind="cycle"]')).toHaveCount(0)
  await expect(page.locator('.react-flow__edge.edge--cycle')).toHaveCount(0)
})

test('critical path and phases show on demand', async ({ launch }) => {
  const { page } = await openTemplate(launch)
  await expect(page.locator('.react-flow__edge.edge--critical')).toHaveCount(0)
  await findings(page).getByLabel('Show critical path').check()
  await expect(page.locator('.react-flow__edge.edge--critical')).toHaveCount(3)
  await expect(page.locator('.react-flow__edge.edge--critical .relation-halo')).toHaveCount(3)
  await expect(page.locator('.react-flow__node.node--critical')).toHaveCount(4)
  await findings(page).getByLabel('Show phases').check()
  await expect(card(page, 'Data warehouse migration').getByTestId('phase-tag')).toHaveText('P1')
  await expect(card(page, 'Route Optimiser 3.0 re-platform').getByTestId('phase-tag')).toHaveText('P4')
  if (shots) await page.screenshot({ path: join(shots, 'critical-path.png') })
  await findings(page).getByLabel('Show critical path').uncheck()
  await expect(page.locator('.react-flow__edge.edge--critical')).toHaveCount(0)
})

test('auto-layout is one undoable step, and pinned cards stay put', async ({ launch }) => {
  const { page } = await openTemplate(launch)
  await page.getByRole('tab', { name: 'Inspector' }).click()
  await card(page, 'Quarterly release train').click()
  await page.getByLabel('Pinned: auto-layout leaves it where it is').check()
  await expect(card(page, 'Quarterly release train').getByTestId('pinned-mark')).toBeVisible()
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } })
  const before = await positions(page)

  await page.keyboard.press('Control+Shift+L')
  await expect.poll(async () => (await positions(page))['Freight train: Data warehouse migration']).not.toBe(before['Freight train: Data warehouse migration'])
  await expect(page.getByTestId('edited-marker')).toBeVisible()
  const after = await positions(page)
  expect(after['Freight train: Quarterly release train']).toBe(before['Freight train: Quarterly release train'])
  await page.keyboard.press('Shift+1')
  if (shots) await page.screenshot({ path: join(shots, 'auto-layout.png') })

  await page.keyboard.press('Control+Z')
  await expect.poll(() => positions(page)).toEqual(before)
  // The pin itself is the step before.
  await expect(card(page, 'Quarterly release train').getByTestId('pinned-mark')).toBeVisible()
})

test('undo and redo work right after ticking a checkbox, which keeps the focus', async ({ launch }) => {
  const { page } = await openTemplate(launch)
  await page.getByRole('tab', { name: 'Inspector' }).click()
  await card(page, 'Quarterly release train').click()
  const pinned = page.getByLabel('Pinned: auto-layout leaves it where it is')
  await pinned.check()
  await expect(pinned).toBeFocused()
  await expect(card(page, 'Quarterly release train').getByTestId('pinned-mark')).toBeVisible()
  await page.keyboard.press('Control+Z')
  await expect(card(page, 'Quarterly release train').getByTestId('pinned-mark')).toHaveCount(0)
  await expect(pinned).not.toBeChecked()
  await page.keyboard.press('Control+Shift+Z')
  await expect(card(page, 'Quarterly release train').getByTestId('pinned-mark')).toBeVisible()
})
