import type { TextExportFormat } from '../../shared/api'
import type { Board } from '../../shared/board'
import { addCard } from '../../shared/edits'
import { boardToJsonCanvas, jsonCanvasToBoard } from '../../shared/interop/jsonCanvas'
import { initiativesFromCsv } from '../../shared/interop/initiativesCsv'
import { boardToMermaid } from '../../shared/interop/mermaid'
import { confirmDiscard, type ActionContext, type ActionImpl } from './actions'
import { runLayout } from './layout/runLayout'
import { frameCards } from './canvas/frameCards'

/** What the commands in src/shared/mapCommands.ts do: findings, layout, import and export. */

/** A viewport that shows every card of `board` in the canvas, for a board that arrives without one. */
function fitted(ctx: ActionContext, board: Board): Board {
  const rect = ctx.canvas?.getBoundingClientRect()
  if (!rect || board.cards.length === 0) return board
  const minX = Math.min(...board.cards.map((c) => c.x))
  const minY = Math.min(...board.cards.map((c) => c.y))
  const width = Math.max(...board.cards.map((c) => c.x + c.width)) - minX
  const height = Math.max(...board.cards.map((c) => c.y + c.height)) - minY
  const zoom = Math.min(1, Math.max(0.05, Math.min(rect.width / width, rect.height / height) * 0.9))
  return { ...board, viewport: { x: (rect.width - width * zoom) / 2 - minX * zoom, y: (rect.height - height * zoom) / 2 - minY * zoom, zoom } }
}

const say = (ctx: ActionContext, tone: 'info' | 'error', text: string): void => ctx.store.set({ notice: { tone, text } })

async function exportText(ctx: ActionContext, format: TextExportFormat, text: string): Promise<void> {
  const name = ctx.store.getState().name
  const outcome = await ctx.api.exportText({ format, text, suggestedName: name })
  if (outcome.status === 'failed') say(ctx, 'error', outcome.message)
  else if (outcome.status === 'saved') say(ctx, 'info', `Exported “${name}” to ${outcome.name}.`)
}

async function importCanvas(ctx: ActionContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return
  const file = await ctx.api.importFile({ format: 'jsonCanvas' })
  if (file.status === 'cancelled') return
  if (file.status === 'failed') return say(ctx, 'error', file.message)
  const result = jsonCanvasToBoard(file.text)
  if (!result.ok) return say(ctx, 'error', `Could not import “${file.name}”: ${result.problem}.`)
  // A new, unsaved board: Save asks where to keep it as an .orgboard file.
  await ctx.api.newBoard()
  ctx.store.load(fitted(ctx, result.board), file.name, false)
  say(ctx, 'info', [`Imported “${file.name}” from JSON Canvas.`, ...result.notices].join(' '))
}

async function importCsv(ctx: ActionContext): Promise<void> {
  const { store } = ctx
  const file = await ctx.api.importFile({ format: 'csv' })
  if (file.status === 'cancelled') return
  if (file.status === 'failed') return say(ctx, 'error', file.message)
  const board = store.board
  const right = Math.max(...board.cards.map((c) => c.x + c.width))
  const top = Math.min(...board.cards.map((c) => c.y))
  const origin = board.cards.length ? { x: right + 160, y: top } : { x: 0, y: 0 }
  const result = initiativesFromCsv(file.text, board, origin)
  if (!result.ok) {
    const shown = result.problems.slice(0, 8)
    const more = result.problems.length - shown.length
    return say(ctx, 'error', `Nothing was imported from “${file.name}”:\n${shown.map((p) => `• ${p}`).join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`)
  }
  const { cards, relations, summary } = result.value
  store.change('Import initiatives', (draft) => {
    for (const card of cards) addCard(draft, card)
    draft.relations.push(...relations)
  })
  store.select(cards.map((c) => c.id))
  say(ctx, 'info', summary)
  if (cards.length) frameCards(ctx, cards, { padding: 0.1, maxZoom: 1.25, duration: 300 })
}

const hasCards = ({ store }: ActionContext): boolean => store.board.cards.length > 0

export const mapActions: Record<string, ActionImpl> = {
  'arrange.autoLayout': { run: (ctx) => runLayout(ctx, 'Auto-layout'), isEnabled: hasCards },
  'arrange.tidySelection': {
    run: (ctx) => runLayout(ctx, 'Tidy selection', new Set(ctx.store.getState().selectedCards)),
    isEnabled: ({ store }) => store.getState().selectedCards.size > 0
  },
  'view.findings': { run: ({ store }) => store.set({ panel: 'findings' }) },
  'view.criticalPath': {
    run: ({ store }) => store.set({ showCriticalPath: !store.getState().showCriticalPath }),
    isChecked: ({ store }) => store.getState().showCriticalPath
  },
  'view.phases': { run: ({ store }) => store.set({ showPhases: !store.getState().showPhases }), isChecked: ({ store }) => store.getState().showPhases },
  'board.exportMermaid': {
    run: (ctx) => exportText(ctx, 'mermaid', boardToMermaid(ctx.store.board, { title: ctx.store.getState().name })),
    isEnabled: hasCards
  },
  'board.copyMermaid': {
    run: async (ctx) => {
      await navigator.clipboard.writeText(boardToMermaid(ctx.store.board, { title: ctx.store.getState().name }))
      say(ctx, 'info', 'Copied the board as a Mermaid flowchart: paste it into a doc or wiki page.')
    },
    isEnabled: hasCards
  },
  'board.exportCanvas': { run: (ctx) => exportText(ctx, 'jsonCanvas', boardToJsonCanvas(ctx.store.boardToSave())), isEnabled: hasCards },
  'board.importCanvas': { run: importCanvas },
  'board.importCsv': { run: importCsv }
}
