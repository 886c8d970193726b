import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { card, expect, test } from './fixtures'

const template = join(__dirname, '../resources/templates/freight-trains-and-gardens.orgboard')

test('exports Mermaid and JSON Canvas to files, and imports the canvas back', async ({ launch, folder }) => {
  const app = await launch({ answerDialogs: { open: [template] } })
  const { page } = app
  await page.keyboard.press('Control+O')
  await expect(card(page, 'Delay prediction model')).toBeVisible()

  app.dialogs.export.push(join(folder, 'harbour-and-pine'))
  await app.menu('board.exportMermaid')
  await expect(page.getByTestId('notice')).toHaveText('Exported “freight-trains-and-gardens” to harbour-and-pine.mmd.')
  const mermaid = await readFile(join(folder, 'harbour-and-pine.mmd'), 'utf8')
  expect(mermaid).toContain('flowchart LR')
  expect(mermaid).toContain('c_ft_route -.->|"depends on: only if the pilot with two customers succeeds"| c_blank_dashboard')

  app.dialogs.export.push(join(folder, 'harbour-and-pine.canvas'))
  await app.menu('board.exportCanvas')
  await expect(page.getByTestId('notice')).toHaveText('Exported “freight-trains-and-gardens” to harbour-and-pine.canvas.')
  const canvas = JSON.parse(await readFile(join(folder, 'harbour-and-pine.canvas'), 'utf8'))
  expect(canvas.nodes.find((n: { id: string }) => n.id === 'garden-ai')).toMatchObject({ type: 'group', label: 'AI in operations' })
  expect(app.dialogLog).toEqual(['open', 'export:mermaid', 'export:jsonCanvas'])

  // Back in from the canvas: the same map, as a new unsaved board named after the file.
  app.dialogs.import.push(join(folder, 'harbour-and-pine.canvas'))
  await app.menu('board.importCanvas')
  await expect(page.getByTestId('board-title')).toContainText('harbour-and-pine')
  await expect(card(page, 'Delay prediction model')).toBeVisible()
  await expect(page.locator('.react-flow__node')).toHaveCount(29)
  await expect(page.locator('.react-flow__edge')).toHaveCount(11)
  await page.getByRole('tab', { name: 'Findings' }).click()
  await expect(page.getByTestId('findings').locator('[data-finding="conditional:r3"]')).toBeVisible()
})

test('imports a CSV of initiatives, and refuses a bad one row by row', async ({ app, folder }) => {
  const { page } = app
  const good = join(folder, 'initiatives.csv')
  await writeFile(
    good,
    'title,team,horizon,depends on\n"Cut onboarding time from 6 weeks to 2",Growth,1–3 quarters,Usage-based pricing pilot\nUsage-based pricing pilot,Growth,1–3 months,\nReduce cloud spend by 20%,Data Platform,months,\n'
  )
  app.dialogs.import.push(good)
  await app.menu('board.importCsv')
  await expect(page.getByTestId('notice')).toHaveText('Imported 3 initiatives, 1 dependency and 2 new teams.')
  await expect(card(page, 'Cut onboarding time from 6 weeks to 2')).toBeVisible()
  await expect(card(page, 'Growth')).toBeVisible()
  await expect(page.locator('.react-flow__edge[aria-label="Relation: depends on"]')).toHaveCount(1)
  // One undoable step.
  await page.keyboard.press('Control+Z')
  await expect(page.locator('.react-flow__node')).toHaveCount(0)

  const bad = join(folder, 'bad.csv')
  await writeFile(bad, 'title,horizon,depends on\nRoute Optimiser 3.0 re-platform,next year,Dispatcher dashboard\n')
  app.dialogs.import.push(bad)
  await app.menu('board.importCsv')
  await expect(page.getByTestId('notice')).toHaveText(
    'Nothing was imported from “bad”:\n• row 2: the horizon “next year” is not one of 1–3 months, 1–3 quarters, Longer\n• row 2: it depends on “Dispatcher dashboard”, which is neither a row of this file nor a card on the board'
  )
  await expect(page.locator('.react-flow__node')).toHaveCount(0)
})
