import { addCard, card, expect, test } from './fixtures'
import { selectedTitles } from './editingHelpers'
import type { Page } from '@playwright/test'

async function harbourAndPine(page: Page): Promise<void> {
  await addCard(page, 'Freight train', 'Route Optimiser 3.0 re-platform')
  await addCard(page, 'Freight train', 'Enterprise SSO & compliance')
  await addCard(page, 'Seedling', 'Self-serve onboarding')
  await addCard(page, 'Seedling', 'Usage-based pricing pilot')
  await addCard(page, 'Wall', 'Hiring freeze for all non-revenue roles')
  await addCard(page, 'Initiative', 'Cut onboarding time from 6 weeks to 2')
  await addCard(page, 'Team', 'Growth')
  // Spread them out so that finding one has to move the view.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+-')
}

const results = (page: Page) => page.getByRole('listbox', { name: 'Cards found' }).getByRole('option')

/** Is the card in the middle of the canvas? */
async function isFramed(page: Page, title: string): Promise<boolean> {
  const canvas = await page.locator('.react-flow').boundingBox()
  const box = await card(page, title).boundingBox()
  if (!canvas || !box) return false
  return Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2)) < 4 && Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2)) < 4
}

test('find by text: Enter and arrows step through results, framing and selecting each; Escape leaves the keyboard on the card', async ({ app }) => {
  const { page } = app
  await harbourAndPine(page)
  await page.keyboard.press('Control+F')
  const input = page.getByRole('combobox', { name: 'Find cards by text' })
  await expect(input).toBeFocused()
  await input.fill('onboarding')
  const status = page.getByTestId('find-status')
  await expect(status).toHaveText('2 cards')
  await expect(results(page)).toHaveText(['Initiative: Cut onboarding time from 6 weeks to 2', 'Seedling: Self-serve onboarding'])

  await input.press('Enter')
  await expect(status).toHaveText('1 of 2')
  await expect.poll(() => isFramed(page, 'Cut onboarding time from 6 weeks to 2')).toBe(true)
  expect(await selectedTitles(page)).toEqual(['Cut onboarding time from 6 weeks to 2'])
  await page.screenshot({ path: test.info().outputPath('find.png') })

  await input.press('ArrowDown')
  await expect(status).toHaveText('2 of 2')
  await expect.poll(() => isFramed(page, 'Self-serve onboarding')).toBe(true)
  expect(await selectedTitles(page)).toEqual(['Self-serve onboarding'])
  await input.press('Enter') // wraps around
  await expect(status).toHaveText('1 of 2')
  await input.press('Shift+Enter')
  await expect(status).toHaveText('2 of 2')

  await input.press('Escape')
  await expect(page.getByTestId('find-bar')).toHaveCount(0)
  await expect(card(page, 'Self-serve onboarding')).toBeFocused()
  await page.keyboard.press('F2') // the keyboard carries on with the card found
  await expect(page.locator('.card__title-editor')).toHaveValue('Self-serve onboarding')
})

test('find filters by kind, searches fields, and says when nothing matches', async ({ app }) => {
  const { page } = app
  await harbourAndPine(page)
  await page.getByRole('button', { name: 'Find…' }).click()
  const input = page.getByRole('combobox', { name: 'Find cards by text' })
  await page.getByRole('combobox', { name: 'Kind of card' }).selectOption({ label: 'Seedling' })
  await expect(results(page)).toHaveCount(2)
  for (const title of ['Self-serve onboarding', 'Usage-based pricing pilot']) await expect(results(page).filter({ hasText: title })).toHaveCount(1)
  await input.fill('pricing')
  await expect(results(page)).toHaveText(['Seedling: Usage-based pricing pilot'])
  // A field's text: every new seedling starts at stage "Seed".
  await input.fill('seed')
  await expect(results(page)).toHaveCount(2)
  await expect(results(page).first()).toContainText('Stage: Seed')
  await input.fill('rocket')
  await expect(page.getByTestId('find-status')).toHaveText('No cards found')
  await expect(results(page)).toHaveCount(0)
  // Clicking a result jumps to it.
  await page.getByRole('combobox', { name: 'Kind of card' }).selectOption({ label: 'All kinds' })
  await input.fill('growth')
  await page.getByRole('option', { name: 'Team: Growth' }).click()
  await expect.poll(() => isFramed(page, 'Growth')).toBe(true)
  await page.getByRole('button', { name: 'Close find' }).click()
  await expect(page.getByTestId('find-bar')).toHaveCount(0)
})

test('Mod+F again goes back to the search text; the find bar is reachable from the top bar', async ({ app }) => {
  const { page } = app
  await addCard(page, 'Wall', 'Legal review required for any customer data leaving the EU')
  await page.keyboard.press('Control+F')
  const input = page.getByRole('combobox', { name: 'Find cards by text' })
  await input.fill('legal')
  await input.press('Enter')
  await page.getByRole('button', { name: 'Next result' }).focus()
  await page.keyboard.press('Control+F')
  await expect(input).toBeFocused()
  expect(await input.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 5])
})
