import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { bigBoard, boardOf, card, rel } from '../src/shared/analysis/testBoards'
import { boardToMermaid } from '../src/shared/interop/mermaid'
import { parseBoardText } from '../src/shared/load'

/**
 * Exported Mermaid text must parse with Mermaid itself. Its parser needs a DOM
 * (and @mermaid-js/parser has no flowchart grammar), so Mermaid's own bundle
 * runs in a blank Chromium page here, offline.
 */
const mermaidBundle = join(__dirname, '../node_modules/mermaid/dist/mermaid.min.js')

test('Mermaid parses what Orgboard exports', async ({ sharedBrowser }) => {
  const loaded = parseBoardText(readFileSync(join(__dirname, '../resources/templates/freight-trains-and-gardens.orgboard'), 'utf8'))
  if (!loaded.ok) throw new Error(loaded.problem)
  const tricky = boardOf(
    [
      card('frame-1', 'frame', 'Horizon: 1–3 "months" <now>'),
      card('end', 'note', 'end', { container: 'frame-1' }),
      card('graph', 'wall', 'Legal review | EU data; #1 & more [sic] {x} (y)\nsecond line'),
      card('subgraph', 'team', '')
    ],
    [rel('end', 'dependsOn', 'graph', 'only if "legal" says -->'), rel('graph', 'blocks', 'subgraph', '|pipes|')]
  )
  const texts = [boardToMermaid(loaded.board, { title: 'Harbour & Pine' }), boardToMermaid(tricky), boardToMermaid(bigBoard(300, 360))]

  const context = await sharedBrowser.newContext()
  const page = await context.newPage()
  await page.setContent('<!doctype html><html><body></body></html>')
  await page.addScriptTag({ path: mermaidBundle })
  const results = await page.evaluate(async (list) => {
    const m = (globalThis as unknown as { mermaid: { parse(text: string): Promise<{ diagramType: string }> } }).mermaid
    const out: string[] = []
    for (const text of list) {
      try {
        out.push((await m.parse(text)).diagramType)
      } catch (err) {
        out.push(`error: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    return out
  }, [...texts, 'flowchart LR\n  a["broken] --> b'])
  await context.close()
  // The last one is broken on purpose: the check can fail.
  expect(results.slice(0, 3)).toEqual(['flowchart-v2', 'flowchart-v2', 'flowchart-v2'])
  expect(results[3]).toMatch(/^error: /)
})
