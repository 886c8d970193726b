import type { ActionContext } from '../actions'
import { delayedProgress } from '../../../shared/export/progress'
import type { Progress } from './exporter'
import { defaultExportSettings, type ExportSettings } from './exportSettings'

type Exporter = typeof import('./exporter')
let loaded: Exporter | null = null

/** The drawing code, loaded on the first export (it brings the fonts, opentype.js and pdf-lib). */
export const loadExporter = (): Promise<Exporter> => import('./exporter').then((exporter) => (loaded = exporter))

/** Lets the exporter's kept scene go; nothing to do (and nothing to load) when it never ran. */
export function forgetExportScene(): void {
  loaded?.forgetScene()
}

/** The last export's settings: the dialog starts from them and Copy as PNG uses them. */
let lastSettings: ExportSettings = defaultExportSettings

export function rememberedSettings(): ExportSettings {
  return lastSettings
}

function inputFor(ctx: ActionContext, settings: ExportSettings) {
  const state = ctx.store.getState()
  return { board: ctx.store.board, name: state.name, selection: state.selectedCards, settings }
}

export type ExportRun = { status: 'exported' | 'cancelled' } | { status: 'failed'; message: string }

/**
 * Renders the export, asks where to save it and writes it. Never changes the
 * board; a failure comes back as a message that says why.
 */
export async function exportToFile(ctx: ActionContext, settings: ExportSettings, progress: Progress): Promise<ExportRun> {
  lastSettings = settings
  let result
  try {
    progress('Loading the drawing code')
    const { renderExport } = await loadExporter()
    result = await renderExport(inputFor(ctx, settings), progress)
  } catch (err) {
    return { status: 'failed', message: `Could not export: ${err instanceof Error ? err.message : String(err)}` }
  }
  progress('Saving')
  const outcome = await ctx.api.exportImage({ format: settings.format, data: result.data, suggestedName: ctx.store.getState().name })
  if (outcome.status === 'failed') return { status: 'failed', message: outcome.message }
  if (outcome.status === 'cancelled') return outcome
  const size = result.pixels ? ` (${result.pixels.width.toLocaleString('en-US')} × ${result.pixels.height.toLocaleString('en-US')} pixels)` : ''
  ctx.store.set({ notice: { tone: 'info', text: [`Exported "${outcome.name}"${size}.`, ...result.notes].join(' ') } })
  return { status: 'exported' }
}

/** Copy as PNG: the selection if there is one, else the whole board, with the last export's look. */
export async function copyBoardPng(ctx: ActionContext): Promise<void> {
  const { store } = ctx
  const scope = store.getState().selectedCards.size > 0 ? 'selection' : 'board'
  const settings: ExportSettings = { ...lastSettings, format: 'png', scope }
  const shown = delayedProgress((step) => store.set({ notice: step ? { tone: 'info', text: `Copying as PNG: ${step.text}…` } : null }))
  try {
    shown.progress('Loading the drawing code')
    const { copyPng } = await loadExporter()
    const notes = await copyPng(inputFor(ctx, settings), shown.progress)
    shown.done()
    const what = scope === 'selection' ? 'the selection' : 'the board'
    store.set({ notice: { tone: 'info', text: [`Copied ${what} to the clipboard as a PNG.`, ...notes].join(' ') } })
  } catch (err) {
    shown.done()
    store.set({ notice: { tone: 'error', text: `Could not copy as PNG: ${err instanceof Error ? err.message : String(err)}` } })
  }
}
