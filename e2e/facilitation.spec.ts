import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { card, expect, test } from './fixtures'

const templates = join(__dirname, '../resources/templates')
const start = (page: Page) => page.getByTestId('start-screen')
const tile = (page: Page, name: string) => start(page).getByRole('button', { name: new RegExp(`^${name}`) })
const sidePanelTab = (page: Page, name: string) => page.getByRole('tab', { name })
/** A screenshot beside the test's results, to look at what the journey showed. */
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) })

/** Starts the app on its start screen and opens a template from it. */
async function fromTemplate(launch: Parameters<Parameters<typeof test>[2]>[0]['launch'], name: string, options = {}) {
  const app = await launch({ startScreen: 'keep', ...options })
  await tile(app.page, name).click()
  await expect(start(app.page)).toHaveCount(0)
  return app
}

test('the start screen works from the keyboard: templates, Open, and back to the board', async ({ launch, folder }) => {
  const saved = join(folder, 'Q3 dependency path.orgboard')
  const app = await launch({ startScreen: 'keep', answerDialogs: { save: [saved], open: [saved] } })
  const { page } = app
  await expect(start(page)).toBeVisible()
  await expect(tile(page, 'Blank board')).toBeFocused()
  await expect(start(page).locator('[data-tile]')).toHaveText([
    /Blank board/,
    /Freight trains and gardens/,
    /Drivers, constraints and floats/,
    /Dependency path/,
    /Team context model/
  ])
  // Every template tile has a thumbnail drawn from its cards.
  await expect(start(page).locator('[data-tile] svg rect').first()).toBeVisible()
  await shot(page, 'start-screen')

  // Shortcuts for the board underneath do nothing here.
  await page.keyboard.press('n')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(tile(page, 'Dependency path')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(tile(page, 'Drivers, constraints and floats')).toBeFocused()
  await page.keyboard.press('End')
  await expect(tile(page, 'Team context model')).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(tile(page, 'Dependency path')).toBeFocused()
  await page.keyboard.press('Enter')

  // An untitled board from the template, fitted to the window, with nothing to save yet.
  await expect(start(page)).toHaveCount(0)
  await expect(card(page, 'Delay prediction model')).toBeInViewport()
  await expect(card(page, 'Phase 4: optimise routes')).toBeInViewport()
  await expect(card(page, 'Where does the path get stuck?')).toBeVisible()
  await expect(page.getByTestId('board-title')).toHaveText('Untitled')
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)

  // Save asks where: the template itself is never written over.
  const template = await readFile(join(templates, 'dependency-path.orgboard'), 'utf8')
  await page.keyboard.press('Control+S')
  await expect(page.getByTestId('board-title')).toHaveText('Q3 dependency path')
  expect(app.dialogLog).toEqual(['save'])
  expect(await readFile(join(templates, 'dependency-path.orgboard'), 'utf8')).toBe(template)
  expect(JSON.parse(await readFile(saved, 'utf8')).cards).toEqual(JSON.parse(template).cards)

  // File > New comes back to the start screen; Escape returns to the board as it was.
  await page.keyboard.press('Control+N')
  await expect(tile(page, 'Blank board')).toBeFocused()
  await page.keyboard.press('n') // would add a note to the board underneath
  await page.keyboard.press('Escape')
  await expect(start(page)).toHaveCount(0)
  await expect(card(page, 'Delay prediction model')).toBeVisible()
  await expect(page.locator('.card__title-editor')).toHaveCount(0)
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)

  // Tab leaves the grid for Open…, which opens a board from disk.
  await page.keyboard.press('Control+N')
  await page.keyboard.press('Tab')
  await expect(start(page).getByRole('button', { name: /^Open/ })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(start(page)).toHaveCount(0)
  await expect(page.getByTestId('board-title')).toHaveText('Q3 dependency path')
  expect(app.dialogLog).toEqual(['save', 'open'])
})

test('a blank board from the start screen is the empty board', async ({ launch }) => {
  const app = await launch({ startScreen: 'keep' })
  await app.page.keyboard.press('Enter')
  await expect(start(app.page)).toHaveCount(0)
  await expect(app.page.getByTestId('empty-hint')).toBeVisible()
  await expect(app.page.locator('.react-flow__node')).toHaveCount(0)
})

/** The vote "+" on a card, and the current voter's own dots on it. */
const voteFor = (c: Locator) => c.getByRole('button', { name: /^Vote for/ })
const myDots = (c: Locator) => c.locator('.vote-control__dot')

test('a timed dot-voting round: votes stay hidden, the timer rings, the reveal ranks the cards', async ({ launch, folder }) => {
  const path = join(folder, 'voted.orgboard')
  const app = await fromTemplate(launch, 'Freight trains and gardens', {
    answerDialogs: { save: [path] },
    beforeLoad: async (page: Page) => {
      await page.clock.install({ time: new Date('2025-03-14T09:00:00Z') })
      // Observe the chime: count the tones the timer makes (the sound itself is Web Audio, made on the spot).
      await page.addInitScript(() => {
        const w = window as unknown as { tones: number[] }
        w.tones = []
        const create = AudioContext.prototype.createOscillator
        AudioContext.prototype.createOscillator = function (this: AudioContext) {
          const tone = create.call(this)
          const start = tone.start.bind(tone)
          tone.start = (when?: number) => {
            w.tones.push(tone.frequency.value)
            start(when)
          }
          return tone
        }
      })
    }
  })
  const { page } = app
  // From here on, time moves only when the test says so.
  await page.clock.pauseAt(new Date('2025-03-14T09:30:00Z'))

  // The facilitator sets up the round: 3 votes each, on freight trains and walls.
  await sidePanelTab(page, 'Votes').click()
  const panel = page.getByTestId('votes-panel')
  await panel.getByLabel('Votes per person').fill('3')
  for (const kind of ['Seedling', 'Blank page', 'Initiative']) await panel.getByRole('checkbox', { name: kind }).uncheck()
  await panel.getByRole('button', { name: 'Start round' }).click()
  await expect(panel.getByTestId('votes-left')).toHaveText('3 of 3 votes left')

  // …and a five-minute timebox.
  await page.getByRole('button', { name: 'Timer', exact: true }).click()
  const timer = page.getByTestId('timer')
  await timer.getByRole('button', { name: '5 minutes', exact: true }).click()
  await expect(timer.getByTestId('timer-time')).toHaveText('5:00')
  await page.clock.runFor(60_000)
  await expect(timer.getByTestId('timer-time')).toHaveText('4:00')
  // The timer sits over the walls: the facilitator drags it aside by its top strip.
  const grip = await timer.locator('.timer__top').boundingBox()
  if (!grip) throw new Error('no timer grip')
  await page.mouse.move(grip.x + 40, grip.y + grip.height / 2)
  await page.mouse.down()
  await page.mouse.move(400, 700, { steps: 4 })
  await page.mouse.up()
  await expect.poll(async () => (await timer.boundingBox())?.x).toBeLessThan(400)

  const route = card(page, 'Route Optimiser 3.0 re-platform')
  const release = card(page, 'Quarterly release train')
  const dwh = card(page, 'Data warehouse migration')
  const hiring = card(page, 'Hiring freeze for all non-revenue roles')
  // Only the kinds being voted on get a vote control.
  await expect(voteFor(card(page, 'Delay prediction model'))).toHaveCount(0)

  // Voter 1 (Priya): two votes on the route optimiser, one on the release train.
  await panel.getByLabel('Name of the person voting').fill('Priya')
  await panel.getByLabel('Name of the person voting').press('Enter')
  await voteFor(route).click()
  await voteFor(route).click()
  await voteFor(release).click()
  await expect(myDots(route)).toHaveCount(2)
  await expect(panel.getByTestId('votes-left')).toHaveText('0 of 3 votes left')
  await expect(voteFor(dwh)).toBeDisabled()
  // Changing her mind: one vote back from the route optimiser, onto the hiring freeze.
  await route.getByRole('button', { name: /^Take back a vote/ }).click()
  await voteFor(hiring).click()
  await shot(page, 'voting-open')
  await panel.getByRole('button', { name: 'Next voter' }).click()

  // Voter 2 sees none of Priya's votes.
  await expect(page.getByTestId('vote-badge')).toHaveCount(0)
  await expect(page.locator('.vote-control__dot')).toHaveCount(0)
  await expect(panel.getByLabel('Name of the person voting')).toHaveValue('Voter 2')
  await expect(panel.getByTestId('voter-count')).toHaveText('1 person has voted.')

  // The facilitator pauses the clock while the laptop changes hands.
  await timer.getByRole('button', { name: 'Pause' }).click()
  await page.clock.runFor(90_000)
  await expect(timer.getByTestId('timer-time')).toHaveText('4:00')
  await expect(timer).toContainText('Paused')
  await timer.getByRole('button', { name: 'Resume' }).click()

  await voteFor(release).click()
  await voteFor(release).click()
  await voteFor(dwh).click()
  await panel.getByRole('button', { name: 'Next voter' }).click()
  await voteFor(route).click()

  // One more minute for the last voter, then time runs out and the timer chimes.
  await timer.getByRole('button', { name: 'Add a minute' }).click()
  await expect(timer.getByTestId('timer-time')).toHaveText('5:00')
  await page.clock.runFor(4 * 60_000 + 59_000)
  await expect(timer.getByTestId('timer-time')).toHaveText('0:01')
  expect(await page.evaluate(() => (window as unknown as { tones: number[] }).tones)).toEqual([])
  await page.clock.runFor(1_000)
  await expect(timer.getByTestId('timer-time')).toHaveText('0:00')
  await expect(timer).toContainText("Time's up")
  expect(await page.evaluate(() => (window as unknown as { tones: number[] }).tones)).toHaveLength(3)
  await shot(page, 'timer-ended')

  // Reveal: the ranked list and a badge on every card that got votes.
  await panel.getByRole('button', { name: 'Reveal votes' }).click()
  const results = page.getByTestId('vote-results').getByRole('listitem')
  await expect(results).toHaveText([/^1.*Quarterly release train\s*3$/, /^2.*Route Optimiser 3\.0 re-platform\s*2$/, /^3.*Data warehouse migration\s*1$/, /^3.*Hiring freeze.*\s*1$/])
  await expect(release.getByTestId('vote-badge')).toHaveText('3')
  await expect(route.getByTestId('vote-badge')).toHaveText('2')
  await expect(card(page, 'Warehouse Mobile App rewrite').getByTestId('vote-badge')).toHaveCount(0)
  await shot(page, 'voting-revealed')

  // Votes are saved with the board.
  await page.keyboard.press('Control+S')
  await expect(page.getByTestId('board-title')).toHaveText('voted')
  const voting = JSON.parse(await readFile(path, 'utf8')).voting
  expect(voting).toMatchObject({ status: 'revealed', votesPerPerson: 3, kinds: ['freightTrain', 'wall'] })
  expect(voting.ballots.map((b: { voter: string; cards: string[] }) => [b.voter, b.cards.length])).toEqual([
    ['Priya', 3],
    ['Voter 2', 3],
    ['Voter 3', 1]
  ])

  // Reopened elsewhere, the results are still there.
  const reopened = await launch({ answerDialogs: { open: [path] } })
  await reopened.page.keyboard.press('Control+O')
  await expect(card(reopened.page, 'Quarterly release train').getByTestId('vote-badge')).toHaveText('3')
  await sidePanelTab(reopened.page, 'Votes').click()
  await expect(reopened.page.getByTestId('vote-results').getByRole('listitem')).toHaveCount(4)
})

test('presenter mode steps through the frames with the arrow keys, with a laser pointer', async ({ launch }) => {
  const app = await fromTemplate(launch, 'Dependency path')
  const { page } = app
  const cards = page.locator('.react-flow__node')
  const count = await cards.count()
  const frame = (title: string) => card(page, title)
  const hud = page.getByTestId('presenter-hud')

  await page.keyboard.press('F5')
  await expect(hud).toContainText('1 / 4')
  await expect(hud).toContainText('Phase 1: foundations')
  // No chrome: top bar, palette, side panel, minimap and zoom controls are gone.
  for (const chrome of ['.topbar', '.palette', '.side-panel', '.react-flow__minimap', '.react-flow__controls']) {
    await expect(page.locator(chrome)).toBeHidden()
  }

  /** The frame fills the screen's height, centred. */
  const fitted = async (title: string) => {
    await expect
      .poll(async () => {
        const box = await frame(title).boundingBox()
        return box && Math.abs(box.x + box.width / 2 - 640) < 20 && box.height > 650 && box.y >= 0 && box.y + box.height <= 800
      })
      .toBe(true)
  }
  await fitted('Phase 1: foundations')

  await page.keyboard.press('ArrowRight')
  await expect(hud).toContainText('2 / 4')
  await expect(hud).toContainText('Phase 2: prediction and identity')
  await fitted('Phase 2: prediction and identity')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight') // past the last frame: stays there
  await expect(hud).toContainText('4 / 4')
  await fitted('Phase 4: optimise routes')
  await page.keyboard.press('ArrowLeft')
  await expect(hud).toContainText('3 / 4')

  // Keys that would edit the board do nothing while presenting.
  await page.keyboard.press('n')
  await page.keyboard.press('Delete')
  await expect(page.locator('.card__title-editor')).toHaveCount(0)

  // The laser pointer: a red dot where the pointer is.
  await page.mouse.move(500, 300)
  await page.mouse.move(520, 320, { steps: 4 })
  await expect
    .poll(() =>
      page.getByTestId('laser').evaluate((el: HTMLCanvasElement) => {
        const ratio = el.width / el.clientWidth
        const [r, g, b, a] = el.getContext('2d')?.getImageData(524 * ratio, 320 * ratio, 1, 1).data ?? []
        return (r ?? 0) > 200 && (g ?? 255) < 120 && (b ?? 255) < 120 && (a ?? 0) > 200
      })
    )
    .toBe(true)
  await shot(page, 'presenter')

  await page.keyboard.press('Escape')
  await expect(hud).toHaveCount(0)
  await expect(page.locator('.topbar')).toBeVisible()
  await expect(page.locator('.side-panel')).toBeVisible()
  // Back where the facilitator was, with every card still there.
  await expect(cards).toHaveCount(count)
  await expect(page.getByTestId('edited-marker')).toHaveCount(0)
})

test('checkpoints "before" and "after": the diff shows what was added, removed, graduated and unblocked', async ({ launch, folder }) => {
  const path = join(folder, 'checkpoints.orgboard')
  const app = await fromTemplate(launch, 'Dependency path', { answerDialogs: { save: [path], open: [path] } })
  const { page } = app
  await sidePanelTab(page, 'Checkpoints').click()
  const panel = page.getByTestId('checkpoints-panel')
  await panel.getByLabel('Name this moment').fill('before')
  await panel.getByRole('button', { name: 'Save checkpoint' }).click()
  await expect(panel.getByTestId('checkpoint-list')).toContainText('before')

  // The room takes the wall down, graduates a seedling and adds a note.
  await card(page, 'The data warehouse migration owns the only two data engineers').click()
  await page.keyboard.press('Delete')
  await card(page, 'Self-serve onboarding').click()
  await sidePanelTab(page, 'Inspector').click()
  await page.getByRole('button', { name: 'Into a team' }).click()
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
  await page.keyboard.press('n')
  await page.locator('.card__title-editor').fill('Hire a contract data engineer')
  await page.locator('.card__title-editor').press('Enter')

  // Save checkpoint… from the Workshop menu puts the keyboard in the name field.
  await app.menu('workshop.checkpoint')
  await expect(panel.getByLabel('Name this moment')).toBeFocused()
  await page.keyboard.type('after')
  await page.keyboard.press('Enter')
  await expect(panel.getByTestId('checkpoint-list').getByRole('listitem')).toHaveCount(2)

  await panel.getByRole('button', { name: 'Compare side by side' }).click()
  const compare = page.getByTestId('compare-view')
  await expect(compare).toContainText('before')
  await expect(compare.getByTestId('diff-added')).toContainText('Hire a contract data engineer')
  await expect(compare.getByTestId('diff-added')).toContainText('Self-serve onboarding') // the team it grew into
  await expect(compare.getByTestId('diff-removed')).toContainText('The data warehouse migration owns the only two data engineers')
  await expect(compare.getByTestId('diff-graduated').getByRole('listitem')).toHaveText([/Self-serve onboarding\s*Seedling/])
  await expect(compare.getByTestId('diff-unblocked').getByRole('listitem')).toHaveText([
    /Delay prediction model.*came down/,
    /Dispatcher dashboard/,
    /Route Optimiser 3\.0 uses predictions/
  ])
  // Both moments are drawn, the later one marking what is new.
  await expect(compare.locator('figure')).toHaveCount(2)
  await expect(compare.locator('figure').nth(1).locator('[data-tone="added"]')).toHaveCount(2)
  await shot(page, 'compare')
  await page.keyboard.press('Delete') // the compare view is not the board: nothing is deleted
  await page.keyboard.press('Escape')
  await expect(compare).toHaveCount(0)
  await expect(card(page, 'Hire a contract data engineer')).toBeVisible()

  // Saved with the board, and comparable again after reopening.
  await page.keyboard.press('Control+S')
  await expect(page.getByTestId('board-title')).toHaveText('checkpoints')
  const checkpoints = JSON.parse(await readFile(path, 'utf8')).checkpoints
  expect(checkpoints.map((c: { name: string }) => c.name)).toEqual(['before', 'after'])
  const reopened = await launch({ answerDialogs: { open: [path] } })
  await reopened.page.keyboard.press('Control+O')
  await expect(reopened.page.getByTestId('board-title')).toHaveText('checkpoints')
  await reopened.menu('workshop.compare')
  await expect(reopened.page.getByTestId('diff-removed')).toContainText('The data warehouse migration owns the only two data engineers')
})
