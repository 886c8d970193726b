import AxeBuilder from '@axe-core/playwright'
import { addCard, card, expect, test } from './fixtures'
import { selectCards } from './editingHelpers'
import type { Page } from '@playwright/test'

/** axe-core's findings on the page that are serious or critical, as "rule: element" lines a person can act on. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`))
}

async function someCards(page: Page): Promise<void> {
  await addCard(page, 'Freight train', 'Enterprise SSO & compliance (SOC 2 Type II)')
  await addCard(page, 'Seedling', 'Usage-based pricing pilot')
  await addCard(page, 'Wall', 'Hiring freeze for all non-revenue roles')
  await addCard(page, 'Initiative', 'Reduce cloud spend by 20%')
  await addCard(page, 'Team', 'Routing Core')
  await addCard(page, 'Blank page', 'Dispatcher dashboard')
  await addCard(page, 'Note', 'Where does the path get stuck?')
  const source = card(page, 'Hiring freeze for all non-revenue roles')
  await source.hover()
  const handle = await source.locator('.react-flow__handle-right').boundingBox()
  const target = await card(page, 'Reduce cloud spend by 20%').boundingBox()
  if (!handle || !target) throw new Error('cards not found')
  await page.mouse.move(handle.x + 6, handle.y + 6)
  await page.mouse.down()
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 })
  await page.mouse.up()
  await expect(page.locator('.react-flow__edge')).toHaveCount(1)
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme} theme`, () => {
    test.beforeEach(async ({ app }) => {
      await app.page.emulateMedia({ colorScheme: scheme })
    })

    test('the empty board', async ({ app }) => {
      expect(await seriousViolations(app.page)).toEqual([])
    })

    test('a board with cards, a relation and a multi-selection', async ({ app }) => {
      const { page } = app
      await someCards(page)
      await page.keyboard.press('Control+A')
      await expect(page.getByRole('toolbar', { name: 'Arrange' })).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })

    test('the command palette', async ({ app }) => {
      const { page } = app
      await someCards(page)
      await page.keyboard.press('Control+K')
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })

    test('the find bar with results', async ({ app }) => {
      const { page } = app
      await someCards(page)
      await page.keyboard.press('Control+F')
      await page.getByRole('combobox', { name: 'Find cards by text' }).fill('r')
      await page.keyboard.press('Enter')
      expect(await seriousViolations(page)).toEqual([])
    })

    test('the shortcut sheet', async ({ app }) => {
      const { page } = app
      await page.locator('.react-flow__pane').click()
      await page.keyboard.press('?')
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })
  })
}

/** What the focused element shows: its own outline, its card's outline (cards), or a glow (relations). */
async function focusIndicator(page: Page): Promise<{ label: string; shown: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!(el instanceof HTMLElement || el instanceof SVGElement)) return { label: String(el?.tagName), shown: false }
    const visible = (e: Element): boolean => {
      const s = getComputedStyle(e)
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.filter.includes('drop-shadow')
    }
    const parts = [el, el.querySelector(':scope > .card'), el.querySelector('.react-flow__edge-path')].filter((e): e is Element => !!e)
    return { label: `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').split(' ')[0]}`, shown: parts.some(visible) }
  })
}

test('every control is reachable with Tab, has a name and shows a focus ring', async ({ app }) => {
  const { page } = app
  await someCards(page)
  // Two selected cards bring up the arrange toolbar; the others show focus by itself, not a selection outline.
  await selectCards(page, 'Usage-based pricing pilot', 'Routing Core')
  // Start from the keyboard, so the browser shows focus as it does for keyboard users; go round once.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const seen: string[] = []
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab')
    const state = await page.evaluate(() => {
      const el = document.activeElement
      if (!el || el === document.body) return 'page'
      if (el.hasAttribute('data-tab-visited')) return 'again'
      el.setAttribute('data-tab-visited', '')
      return 'new'
    })
    if (state === 'again') break
    if (state === 'page') continue
    const focused = page.locator(':focus')
    const name = (await focused.getAttribute('aria-label')) ?? (await focused.innerText())
    await expect(focused, `element ${i}`).toHaveAccessibleName(/\S/)
    const { label, shown } = await focusIndicator(page)
    expect(shown, `${label} "${name}" shows where the keyboard is`).toBe(true)
    seen.push(name.trim())
  }
  for (const expected of [
    'New Board',
    'Find…',
    'Command Palette…',
    'Keyboard Shortcuts',
    'Freight train: Enterprise SSO & compliance (SOC 2 Type II)',
    'Relation: blocks',
    'Align Left',
    'Align Bottom',
    'Zoom In',
    'Snap to Grid'
  ]) {
    expect(seen.some((s) => s.startsWith(expected)), `${expected} in the tab order: ${seen.join(' | ')}`).toBe(true)
  }
  expect(seen.some((s) => /^Wall/.test(s))).toBe(true) // the palette's Wall button
})

test('keyboard only: add, name, nudge, duplicate, find, rename, delete and undo without the mouse', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: /^Freight train/ }).focus()
  await page.keyboard.press('Enter')
  await page.keyboard.type('Route Optimiser 3.0 re-platform')
  await page.keyboard.press('Enter')
  await page.keyboard.press('w')
  await page.keyboard.type('Hiring freeze for all non-revenue roles')
  await page.keyboard.press('Enter')
  const wall = card(page, 'Hiring freeze for all non-revenue roles')
  await expect(wall).toHaveClass(/selected/)
  const before = await wall.boundingBox()
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+ArrowDown')
  await expect.poll(async () => ((await wall.boundingBox())?.y ?? 0) - (before?.y ?? 0)).toBeCloseTo(20, 0)
  await page.keyboard.press('Control+D')
  await expect(card(page, 'Hiring freeze for all non-revenue roles')).toHaveCount(2)

  await page.keyboard.press('Control+F')
  await page.keyboard.type('route')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(card(page, 'Route Optimiser 3.0 re-platform')).toBeFocused()
  await page.keyboard.press('F2')
  await page.keyboard.press('End')
  await page.keyboard.type(' (14 months in)')
  await page.keyboard.press('Enter')
  await expect(card(page, 'Route Optimiser 3.0 re-platform (14 months in)')).toBeVisible()
  await page.keyboard.press('Delete')
  await expect(page.locator('.react-flow__node')).toHaveCount(2)
  await page.keyboard.press('Control+Z')
  await expect(card(page, 'Route Optimiser 3.0 re-platform (14 months in)')).toBeVisible()
})
