import { commandMenus, commands, formatKeys } from '../src/shared/commands'
import { addCard, card, expect, test } from './fixtures'
import { selectCards } from './editingHelpers'
import type { Page } from '@playwright/test'

const options = (page: Page) => page.getByRole('listbox', { name: 'Commands' }).getByRole('option')

test('the command palette lists every command with its shortcut, the same list as the menus', async ({ app }) => {
  const { page } = app
  await page.keyboard.press('Control+K')
  const dialog = page.getByRole('dialog', { name: 'Command palette' })
  await expect(dialog).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Search commands' })).toBeFocused()
  await expect(options(page)).toHaveCount(commands.length)
  const titles = await options(page).locator('.palette-dialog__title').allInnerTexts()
  expect(titles.map((t) => t.replace(/\s*\((on|off)\)$/, ''))).toEqual(commands.map((c) => c.title))
  await expect(options(page).filter({ hasText: 'Zoom to Selection' }).locator('kbd')).toHaveText(formatKeys('Shift+2', false))
  // Disabled until there is something to act on.
  await expect(options(page).filter({ hasText: 'Duplicate' })).toHaveAttribute('aria-disabled', 'true')
  await page.screenshot({ path: test.info().outputPath('palette.png') })
})

test('the palette finds commands by fuzzy text and runs them by id with Enter or a click', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Team', 'Platform Security')
  const search = page.getByRole('combobox', { name: 'Search commands' })

  await page.keyboard.press('Control+K')
  await search.fill('dup')
  await expect(options(page).first()).toContainText('Duplicate')
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(card(page, 'Platform Security')).toHaveCount(2)

  // Letters in order, not necessarily together; arrows move the choice.
  await page.keyboard.press('Control+K')
  await search.fill('note q')
  await expect(options(page).first()).toContainText('Note / question')
  await search.fill('frt')
  await expect(options(page).first()).toContainText('Freight train')
  await search.press('ArrowDown')
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true')
  await search.press('ArrowUp')
  await options(page).first().click()
  await expect(page.locator('.card__title-editor')).toBeFocused()
  await page.keyboard.type('Quarterly release train')
  await page.keyboard.press('Enter')
  await expect(card(page, 'Quarterly release train')).toHaveAttribute('aria-label', 'Freight train: Quarterly release train')

  // Typing in the palette never runs the board's single-key shortcuts.
  await page.keyboard.press('Control+K')
  await search.pressSequentially('t w s')
  await expect(page.locator('.react-flow__node')).toHaveCount(3)
  await search.fill('zzzz')
  await expect(page.getByText('No command matches “zzzz”')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('Escape closes the palette and gives the keyboard back to where it was', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Seedling', 'Support ticket triage')
  await card(page, 'Support ticket triage').focus()
  await page.keyboard.press('Control+K')
  await expect(page.getByRole('combobox', { name: 'Search commands' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(card(page, 'Support ticket triage')).toBeFocused()
  await page.keyboard.press('Control+K')
  await page.keyboard.press('Control+K') // the same key closes it
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('the shortcut sheet (?) shows every command grouped by menu, with all its keys', async ({ app }) => {
  const { page } = app
  await page.locator('.react-flow__pane').click()
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  for (const { menu, label } of commandMenus) {
    const group = sheet.getByRole('region', { name: 'All shortcuts' }).locator('section').filter({ has: page.getByRole('heading', { name: label, exact: true }) })
    const inMenu = commands.filter((c) => c.menu === menu)
    await expect(group.locator('dt')).toHaveText(inMenu.map((c) => c.title))
  }
  await expect(sheet.locator('[data-command="edit.redo"] kbd')).toHaveText(['Ctrl+Shift+Z', 'Ctrl+Y'])
  await expect(sheet.locator('[data-command="arrange.nudgeLeftMore"] kbd')).toHaveText('Shift+←')
  await page.screenshot({ path: test.info().outputPath('shortcuts.png') })
  await page.keyboard.press('Escape')
  await expect(sheet).toHaveCount(0)

  await page.getByRole('button', { name: 'Keyboard Shortcuts' }).click()
  await expect(sheet).toBeVisible()
  await sheet.getByRole('button', { name: 'Close' }).click()
  await expect(sheet).toHaveCount(0)
})

test('palette commands act on the current selection: align from the palette is one undo step', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Wall', 'Hiring freeze for all non-revenue roles')
  await addCard(page, 'Wall', 'Legal review required for any customer data leaving the EU')
  await selectCards(page, 'Legal review required for any customer data leaving the EU')
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Control+K')
  await page.getByRole('combobox', { name: 'Search commands' }).fill('align left')
  await page.keyboard.press('Enter')
  const xs = async () =>
    Promise.all(['Hiring freeze for all non-revenue roles', 'Legal review required for any customer data leaving the EU'].map(async (t) => (await card(page, t).boundingBox())?.x))
  const [a, b] = await xs()
  expect(a).toBe(b)
  await page.keyboard.press('Control+Z')
  const [c, d] = await xs()
  expect((d ?? 0) - (c ?? 0)).toBeCloseTo(50, 0)
})
