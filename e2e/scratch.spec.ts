import { join } from 'node:path'
import { test, expect } from './fixtures'
test('scratch look', async ({ launch }) => {
  test.slow()
  const app = await launch({ answerDialogs: { open: [join(__dirname, 'fixtures/harbour-and-pine.orgboard')], export: ['/tmp/export/dark.png', '/tmp/export/a3.pdf'] } })
  const { page } = app
  await app.menu('board.open')
  await page.evaluate(() => undefined)
  // zoom to 100% around the AI garden
  for (let i = 0; i < 3; i++) await app.menu('view.zoomIn')
  await page.waitForTimeout(600)
  await page.screenshot({ path: '/tmp/export/canvas-100.png' })
  await app.menu('board.export')
  const d = page.getByTestId('export-dialog')
  await d.getByRole('radio', { name: 'Dark' }).click()
  await d.getByRole('radio', { name: '1×' }).click()
  await page.waitForTimeout(500)
  await page.screenshot({ path: '/tmp/export/dialog-dark.png' })
  await d.getByRole('button', { name: /^Export PNG/ }).click()
  await expect(page.getByTestId('notice')).toContainText('Exported')
  await app.menu('board.export')
  await d.getByRole('radio', { name: 'PDF' }).click()
  await d.getByRole('radio', { name: 'A3 landscape' }).click()
  await d.getByRole('radio', { name: 'Light' }).click()
  await d.getByRole('button', { name: /^Export PDF/ }).click()
  await expect(page.getByTestId('notice')).toContainText('a3.pdf')
})
