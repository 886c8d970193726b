import { addCard, card, expect, test } from './fixtures'
import { viewportSettled } from './editingHelpers'
import type { Page } from '@playwright/test'

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme)
/** The snap grid's dot tile (a PNG drawn in the theme's dot colour). */
const dotTile = (page: Page) => page.locator('.dot-grid__dots').evaluate((el) => getComputedStyle(el).backgroundImage)
const borderOf = (page: Page, title: string) => card(page, title).locator('.card').evaluate((el) => getComputedStyle(el).borderTopColor)

test('dark follows the system by default; View > Theme overrides it, and the choice survives a restart', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Freight train', 'Route Optimiser 3.0 re-platform')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => theme(page)).toBe('light')
  expect(await borderOf(page, 'Route Optimiser 3.0 re-platform')).toBe('rgb(29, 78, 216)') // #1d4ed8
  const lightDots = await dotTile(page)
  expect(lightDots).toMatch(/^url\("data:image\/png/)

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(() => theme(page)).toBe('dark')
  await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/)
  expect(await borderOf(page, 'Route Optimiser 3.0 re-platform')).toBe('rgb(147, 197, 253)') // #93c5fd
  const background = await page.locator('.react-flow').evaluate((el) => getComputedStyle(el).backgroundColor)
  expect(background).toBe('rgb(21, 24, 30)')
  // The dots are redrawn in the dark theme's colour, not left as the light one.
  await expect.poll(() => dotTile(page)).not.toBe(lightDots)

  // The native View menu sends the command; the app stays light although the system is dark.
  await app.menu('view.themeLight')
  await expect.poll(() => theme(page)).toBe('light')
  await page.reload()
  await page.locator('.react-flow').waitFor()
  await expect.poll(() => theme(page)).toBe('light')
  await app.menu('view.themeSystem')
  await expect.poll(() => theme(page)).toBe('dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => theme(page)).toBe('light')
  await app.menu('view.themeDark')
  await expect.poll(() => theme(page)).toBe('dark')
})

/** A slice of the Harbour & Pine map, with relations, for looking at both themes. */
async function harbourAndPine(page: Page): Promise<void> {
  await addCard(page, 'Garden', 'Mid-market self-serve')
  await addCard(page, 'Freight train', 'Data warehouse migration')
  await addCard(page, 'Seedling', 'Delay prediction model')
  await addCard(page, 'Wall', 'The data warehouse migration owns the only two data engineers')
  await addCard(page, 'Initiative', 'Cut onboarding time from 6 weeks to 2')
  await addCard(page, 'Team', 'Data Platform')
  await addCard(page, 'Blank page', 'Dispatcher dashboard')
  await addCard(page, 'Note', 'When does a seedling graduate?')
  await addCard(page, 'Frame', 'Lower right')
  for (const [from, to] of [
    ['Delay prediction model', 'Data warehouse migration'],
    ['The data warehouse migration owns the only two data engineers', 'Delay prediction model'],
    ['Dispatcher dashboard', 'Delay prediction model'],
    ['Data Platform', 'Data warehouse migration']
  ] as const) {
    const source = card(page, from)
    await source.hover()
    const handle = await source.locator('.react-flow__handle-right').boundingBox()
    const target = await card(page, to).boundingBox()
    if (!handle || !target) throw new Error('cards not found')
    await page.mouse.move(handle.x + 6, handle.y + 6)
    await page.mouse.down()
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 })
    await page.mouse.up()
  }
  await page.keyboard.press('Shift+1')
}

test('a map in both themes, at 100% and fitted: screenshots to look at', async ({ app }) => {
  const { page } = app
  await page.emulateMedia({ colorScheme: 'light' })
  await harbourAndPine(page)
  await expect(page.locator('.react-flow__edge')).toHaveCount(4)
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect.poll(() => theme(page)).toBe(scheme)
    await page.keyboard.press('Shift+1')
    await viewportSettled(page)
    await page.screenshot({ path: test.info().outputPath(`map-fit-${scheme}.png`) })
    await page.keyboard.press('Shift+0')
    await viewportSettled(page)
    await page.screenshot({ path: test.info().outputPath(`map-100-${scheme}.png`) })
  }
})

test('with the mouse: the view buttons zoom, toggle snapping and cycle the theme', async ({ app }) => {
  const { page } = app
  await page.emulateMedia({ colorScheme: 'dark' })
  const view = page.getByRole('toolbar', { name: 'View' })
  const snap = view.getByRole('button', { name: 'Snap to Grid' })
  await expect(snap).toHaveAttribute('aria-pressed', 'false')
  await snap.click()
  await expect(snap).toHaveAttribute('aria-pressed', 'true')

  await expect.poll(() => theme(page)).toBe('dark')
  await view.getByRole('button', { name: /^Theme: Follow System/ }).click()
  await expect.poll(() => theme(page)).toBe('light')
  await view.getByRole('button', { name: /^Theme: Light/ }).click()
  await expect.poll(() => theme(page)).toBe('dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => theme(page)).toBe('dark') // chosen, so the system no longer decides
  await view.getByRole('button', { name: /^Theme: Dark/ }).click()
  await expect.poll(() => theme(page)).toBe('light')

  const zoom = async () => Number(/scale\(([\d.]+)\)/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1])
  await view.getByRole('button', { name: 'Zoom In' }).click()
  await expect.poll(zoom).toBeGreaterThan(1)
})
