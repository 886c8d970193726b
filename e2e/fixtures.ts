import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test'
import { launchBoard, launchChromium, type BoardSession, type LaunchOptions } from './harness'

interface Fixtures {
  /** A temporary folder for this test's board files. */
  folder: string
  /** Starts the app; every session is closed after the test. */
  launch(options?: Omit<LaunchOptions, 'browser'>): Promise<BoardSession>
  /** The app, started once for this test. */
  app: BoardSession
}

export const test = base.extend<Fixtures, { sharedBrowser: Browser }>({
  sharedBrowser: [
    // Playwright reads fixture dependencies from the destructuring pattern, so it must be there even when empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchChromium()
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' }
  ],
  // eslint-disable-next-line no-empty-pattern -- see above
  folder: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'orgboard-files-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  launch: async ({ sharedBrowser }, use) => {
    const sessions: BoardSession[] = []
    await use(async (options) => {
      const session = await launchBoard({ ...options, browser: sharedBrowser })
      sessions.push(session)
      return session
    })
    for (const s of sessions) await s.close()
    for (const s of sessions) expect(s.foreignRequests, 'requests that left the machine').toEqual([])
  },
  app: async ({ launch }, use) => {
    await use(await launch())
  }
})

export { expect }

/** The card node with this title. */
export function card(page: Page, title: string): Locator {
  return page.locator('.react-flow__node').filter({ has: page.getByTestId('card-title').getByText(title, { exact: true }) })
}

/** Adds a card with a palette button and types its title. */
export async function addCard(page: Page, kindLabel: string, title: string): Promise<Locator> {
  await page.getByRole('button', { name: new RegExp(`^${kindLabel}`) }).click()
  const editor = page.locator('.card__title-editor')
  await editor.fill(title)
  await editor.press('Enter')
  return card(page, title)
}
