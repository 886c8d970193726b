import type { Locator, Page } from '@playwright/test'
import { card, expect, test } from './fixtures'

/**
 * One workshop from start to finish (issue #6): a template from the start screen,
 * a timed dot-voting round and its reveal, the findings panel catching a circle
 * the room draws, presenting the frames, and the diff between two checkpoints.
 */

const tab = (page: Page, name: string) => page.getByRole('tab', { name })
const voteFor = (c: Locator) => c.getByRole('button', { name: /^Vote for/ })
const wall = 'The data warehouse migration owns the only two data engineers'

test('a workshop: template, timed vote, reveal, findings catch a circle, present, checkpoint diff', async ({ launch }) => {
  const app = await launch({
    startScreen: 'keep',
    beforeLoad: (page) => page.clock.install({ time: new Date('2025-03-14T09:00:00Z') })
  })
  const { page } = app

  // The facilitator starts from the dependency path template.
  await page.getByTestId('start-screen').getByRole('button', { name: /^Dependency path/ }).click()
  await expect(page.getByTestId('start-screen')).toHaveCount(0)
  await expect(card(page, 'Delay prediction model')).toBeVisible()

  // A checkpoint before the room touches anything.
  await app.menu('workshop.checkpoint')
  const checkpoints = page.getByTestId('checkpoints-panel')
  await expect(checkpoints.getByLabel('Name this moment')).toBeFocused()
  await page.keyboard.type('before')
  await page.keyboard.press('Enter')
  await expect(checkpoints.getByTestId('checkpoint-list')).toContainText('before')

  // A three-minute dot-voting round, two votes each, on a clock the test moves.
  await page.clock.pauseAt(new Date('2025-03-14T09:30:00Z'))
  await tab(page, 'Votes').click()
  const votes = page.getByTestId('votes-panel')
  await votes.getByLabel('Votes per person').fill('2')
  await votes.getByRole('button', { name: 'Start round' }).click()
  await page.getByRole('button', { name: 'Timer', exact: true }).click()
  const timer = page.getByTestId('timer')
  await timer.getByRole('button', { name: '3 minutes', exact: true }).click()
  await expect(timer.getByTestId('timer-time')).toHaveText('3:00')

  await votes.getByLabel('Name of the person voting').fill('Priya')
  await voteFor(card(page, 'Delay prediction model')).click()
  await voteFor(card(page, 'Dispatcher dashboard')).click()
  await votes.getByRole('button', { name: 'Next voter' }).click()
  // The next voter sees nothing of Priya's votes.
  await expect(page.locator('.vote-control__dot')).toHaveCount(0)
  await page.clock.runFor(90_000)
  await expect(timer.getByTestId('timer-time')).toHaveText('1:30')
  await voteFor(card(page, 'Delay prediction model')).click()
  await voteFor(card(page, 'Enterprise SSO')).click()
  await page.clock.runFor(90_000)
  await expect(timer).toContainText("Time's up")

  // Reveal: the ranked list and badges on the cards.
  await votes.getByRole('button', { name: 'Reveal votes' }).click()
  const results = page.getByTestId('vote-results').getByRole('listitem')
  await expect(results).toHaveCount(3)
  await expect(results.first()).toHaveText(/^1.*Delay prediction model\s*2$/)
  await expect(card(page, 'Delay prediction model').getByTestId('vote-badge')).toHaveText('2')
  await timer.getByRole('button', { name: 'Hide timer' }).click()
  // The rest of the session runs in real time (the canvas animates its moves).
  await page.clock.resume()

  // The findings read the template: the conditional step, the wall in the way, four phases.
  await tab(page, 'Findings').click()
  const findings = page.getByTestId('findings')
  await expect(findings.locator('[data-finding="conditional:r3"]')).toHaveText(
    '“Route Optimiser 3.0 uses predictions” depends on “Dispatcher dashboard” — condition: only if the pilot with two customers succeeds'
  )
  await expect(findings.locator('[data-kind="blocked"] [data-testid="finding"]')).toHaveText(
    `“${wall}” blocks “Delay prediction model”, and 2 more cards that depend on it`
  )
  await expect(findings.locator('[data-kind="phase"] [data-testid="finding"]')).toHaveCount(4)
  await expect(findings.locator('[data-kind="cycle"]')).toHaveCount(0)

  // Someone says the warehouse migration needs the route optimiser first: the path closes into a circle.
  await card(page, 'Data warehouse migration').click()
  await card(page, 'Route Optimiser 3.0 uses predictions').click({ modifiers: ['Shift'] })
  await page.keyboard.press('l')
  const cycle = findings.locator('[data-kind="cycle"] [data-testid="finding"]')
  await expect(cycle).toHaveText(
    '“Data warehouse migration”, “Delay prediction model”, “Dispatcher dashboard” and “Route Optimiser 3.0 uses predictions” depend on each other in a circle: none of them can finish first'
  )
  await expect(page.locator('.react-flow__edge.edge--cycle')).toHaveCount(4)
  // The circle counts as one step: its four cards share a phase, so there are three phases, not four.
  await expect(findings.locator('[data-kind="phase"] [data-testid="finding"]')).toHaveCount(3)
  await cycle.click()
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(4)
  // The room agrees it was wrong: undo, and the circle is gone.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+Z')
  await expect(findings.locator('[data-kind="cycle"]')).toHaveCount(0)
  await expect(page.locator('.react-flow__edge.edge--cycle')).toHaveCount(0)
  await expect(findings.locator('[data-kind="phase"] [data-testid="finding"]')).toHaveCount(4)

  // The Head of Data frees an engineer: the wall comes down, and nothing is blocked any more.
  await card(page, wall).click()
  await page.keyboard.press('Delete')
  await expect(findings.locator('[data-kind="blocked"]')).toHaveCount(0)
  await expect(page.getByTestId('blocked-badge')).toHaveCount(0)

  // Presenting the phases, frame by frame.
  await page.keyboard.press('F5')
  const hud = page.getByTestId('presenter-hud')
  await expect(hud).toContainText('1 / 4')
  await expect(hud).toContainText('Phase 1: foundations')
  await expect(page.locator('.side-panel')).toBeHidden()
  for (const step of ['2 / 4', '3 / 4', '4 / 4']) {
    await page.keyboard.press('ArrowRight')
    await expect(hud).toContainText(step)
  }
  await expect(hud).toContainText('Phase 4: optimise routes')
  await page.keyboard.press('Escape')
  await expect(hud).toHaveCount(0)

  // A checkpoint after, compared with the one before.
  await app.menu('workshop.checkpoint')
  await expect(checkpoints.getByLabel('Name this moment')).toBeFocused()
  await page.keyboard.type('after')
  await page.keyboard.press('Enter')
  await checkpoints.getByRole('button', { name: 'Compare side by side' }).click()
  const compare = page.getByTestId('compare-view')
  await expect(compare.getByTestId('diff-removed')).toContainText(wall)
  await expect(compare.getByTestId('diff-unblocked').getByRole('listitem')).toHaveText([
    /Delay prediction model.*came down/,
    /Dispatcher dashboard/,
    /Route Optimiser 3\.0 uses predictions/
  ])
  await page.screenshot({ path: test.info().outputPath('compare.png') })
  await page.keyboard.press('Escape')
  await expect(compare).toHaveCount(0)
  // The votes are still on the board after all of it.
  await expect(card(page, 'Delay prediction model').getByTestId('vote-badge')).toHaveText('2')
})
