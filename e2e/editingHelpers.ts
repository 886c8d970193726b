import type { Page } from '@playwright/test'
import { card } from './fixtures'

/** A card's top-left in board units, as React Flow places it (its transform), by title. */
export async function boardPosition(page: Page, title: string): Promise<{ x: number; y: number }> {
  const style = (await card(page, title).getAttribute('style')) ?? ''
  const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(style)
  if (!m) throw new Error(`no position for ${title}: ${style}`)
  return { x: Number(m[1]), y: Number(m[2]) }
}

/** Clicks the first card and Shift-clicks the others. */
export async function selectCards(page: Page, ...titles: string[]): Promise<void> {
  for (const [i, title] of titles.entries()) {
    await card(page, title).locator('.card__kind').click({ modifiers: i === 0 ? [] : ['Shift'] })
  }
}

/** Titles of the selected cards, in drawing order. */
export async function selectedTitles(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node.selected [data-testid="card-title"]').allInnerTexts()
}

/** The viewport zoom, from React Flow's transform. */
export async function zoomLevel(page: Page): Promise<number> {
  const transform = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? ''
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1])
}

/** Drags on the empty board from one screen point to another (a marquee selection). */
export async function dragOnBoard(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
  await page.mouse.move(to.x, to.y, { steps: 5 })
  await page.mouse.up()
}

/** Draws a relation the mouse way: from a card's right handle to the middle of another card. */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const source = card(page, from)
  await source.hover()
  const handle = await source.locator('.react-flow__handle-right').boundingBox()
  const target = await card(page, to).boundingBox()
  if (!handle || !target) throw new Error('cards not found')
  await dragOnBoard(page, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, { x: target.x + target.width / 2, y: target.y + target.height / 2 })
}

/** Waits until the viewport has stopped moving (a zoom or fit animates): the same transform for ten frames running. */
export async function viewportSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = ''
        let still = 0
        const check = (): void => {
          const now = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? ''
          still = now === last ? still + 1 : 0
          last = now
          if (still >= 10) resolve()
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      })
  )
}
