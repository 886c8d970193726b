import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { cardKinds, relationKinds } from '../src/shared/kinds'
import { card, expect, test } from './fixtures'

/** A title from Harbour & Pine for each kind of work. */
const titles: Record<string, string> = {
  freightTrain: 'Route Optimiser 3.0 re-platform',
  seedling: 'Delay prediction model',
  garden: 'AI in operations',
  wall: 'Hiring freeze for all non-revenue roles',
  blankPage: 'Dispatcher dashboard',
  initiative: 'Reduce cloud spend by 20%',
  team: 'Data Platform',
  note: 'Which team context are we in?',
  frame: 'Lower right'
}

async function focusFirstCard(page: Page): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => document.activeElement?.classList.contains('react-flow__node'))) return
  }
  throw new Error('Tab never reached a card')
}

test('every kind from the palette and every relation kind survive save and reopen', async ({ launch, folder }) => {
  const path = join(folder, 'vocabulary.orgboard')
  const app = await launch({ answerDialogs: { save: [path], open: [path] } })
  const { page } = app
  for (const kind of cardKinds) {
    await page.getByRole('button', { name: new RegExp(`^${kind.label}`) }).click()
    await page.locator('.card__title-editor').fill(titles[kind.id] as string)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Escape')
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(cardKinds.length)
  // One field of each kind, through the inspector.
  await card(page, titles.team as string).click()
  await page.getByTestId('inspector').getByLabel('Context').fill("Overloaded; everyone's dependency")
  await card(page, titles.wall as string).click()
  await page.getByTestId('inspector').getByLabel('When it appeared').fill('March')

  // A chain of relations from the initiative, one of each kind, set through the quick menu.
  const ends = ['freightTrain', 'seedling', 'wall', 'blankPage', 'team', 'note']
  for (const [i, relation] of relationKinds.entries()) {
    await card(page, titles.initiative as string).click()
    await card(page, titles[ends[i] as string] as string).click({ modifiers: ['Shift'] })
    await page.keyboard.press('l')
    const edge = page.locator('.react-flow__edge').nth(i)
    await edge.click({ force: true })
    await page.getByRole('toolbar', { name: 'Relation' }).getByRole('button', { name: relation.label, exact: true }).click()
    await expect(edge).toHaveAttribute('aria-label', `Relation: ${relation.label}`)
  }
  await page.keyboard.press('Control+S')
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)

  const reopened = await launch({ answerDialogs: { open: [path] } })
  await reopened.page.keyboard.press('Control+O')
  await reopened.page.keyboard.press('Shift+1')
  for (const kind of cardKinds) {
    await expect(reopened.page.locator(`.react-flow__node[aria-label="${kind.label}: ${titles[kind.id]}"]`)).toHaveCount(1)
  }
  for (const relation of relationKinds) {
    await expect(reopened.page.locator(`.react-flow__edge[aria-label="Relation: ${relation.label}"]`)).toHaveCount(1)
  }
  const saved = JSON.parse(await readFile(path, 'utf8'))
  expect(saved.cards.find((c: { kind: string }) => c.kind === 'team').fields.context).toBe("Overloaded; everyone's dependency")
  expect(saved.cards.find((c: { kind: string }) => c.kind === 'wall').fields.appeared).toBe('March')
})

test('keyboard only: add, rename, connect, delete, undo', async ({ app }) => {
  const { page } = app
  await page.locator('.react-flow__pane').click()
  await page.keyboard.press('w')
  await page.keyboard.type('Legal review required for any customer data leaving the EU')
  await page.keyboard.press('Enter')
  await page.keyboard.press('t')
  await page.keyboard.type('Data warehouse migration')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+A')
  await page.keyboard.press('l')
  await expect(page.locator('.react-flow__edge')).toHaveAttribute('aria-label', 'Relation: blocks')

  await page.keyboard.press('Escape')
  await focusFirstCard(page)
  await page.keyboard.press('Enter')
  await page.keyboard.press('F2')
  await page.keyboard.press('Control+A')
  await page.keyboard.type('Legal review for EU customer data')
  await page.keyboard.press('Enter')
  await expect(card(page, 'Legal review for EU customer data')).toBeVisible()
  await page.keyboard.press('Delete')
  await expect(page.locator('.react-flow__node')).toHaveCount(1)
  await expect(page.locator('.react-flow__edge')).toHaveCount(0)
  await page.keyboard.press('Control+Z')
  await expect(page.locator('.react-flow__node')).toHaveCount(2)
  await expect(page.locator('.react-flow__edge')).toHaveCount(1)
})
