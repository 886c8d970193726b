import type { ExportData } from '../../../shared/api'
import type { Board } from '../../../shared/board'
import { boardChunk } from '../../../shared/export/png'
import type { ExportFonts } from '../../../shared/export/fonts'
import { buildScene, cardsInSelection, type Scene } from '../../../shared/export/scene'
import { sceneToSvg } from '../../../shared/export/svg'
import { serializeBoard } from '../../../shared/serialize'
import { fittingScale, type ExportSettings } from './exportSettings'
import { exportFonts } from './fontFiles'
import { OutOfMemoryError } from './bandPool'
import { bandedPng, type BandedPng, pngFile, releaseWorkers } from './pngBands'

/** The step in words, and how much of it is done (0–1) where that is known. */
export type Progress = (step: string, done?: number) => void

export interface ExportResult {
  data: ExportData
  /** Things the facilitator should know (a lowered scale, characters left out of a PDF). */
  notes: string[]
  /** PNG only: the image size and the scale it was drawn at. */
  pixels?: { width: number; height: number; scale: number }
}

/** The board an image carries: the exported cards and the relations between them, nothing the image does not show. */
export function boardForImage(board: Board, cardIds: ReadonlySet<string> | undefined): Board {
  if (!cardIds) return board
  return {
    ...board,
    cards: board.cards.filter((c) => cardIds.has(c.id)),
    relations: board.relations.filter((r) => cardIds.has(r.from) && cardIds.has(r.to))
  }
}

export interface ExportInput {
  board: Board
  name: string
  selection: ReadonlySet<string>
  settings: ExportSettings
}

type SceneOf = { scene: Scene; fonts: ExportFonts; cardIds: ReadonlySet<string> | undefined }

/**
 * The last scene laid out and what it was made of: the export that follows its preview reuses it
 * (laying out 1,000 cards took about 100 ms). Boards are immutable, so the same object is the same board.
 */
let lastScene: { made: readonly unknown[]; scene: Promise<SceneOf> } | null = null

export function sceneFor(input: ExportInput): Promise<SceneOf> {
  const { scope, background, padding } = input.settings
  const made = [input.board, scope, scope === 'selection' ? input.selection : null, background, padding]
  if (lastScene && made.every((part, i) => part === lastScene?.made[i])) return lastScene.scene
  const scene = layOut(input)
  lastScene = { made, scene }
  scene.catch(() => {
    if (lastScene?.scene === scene) lastScene = null // a failure is not kept for the next try
  })
  return scene
}

/** Lets the last scene go, and the workers kept after its preview (the export dialog closed): they hold every card's drawing. */
export function forgetScene(): void {
  lastScene = null
  releaseWorkers()
}

async function layOut(input: ExportInput): Promise<SceneOf> {
  const fonts = await exportFonts()
  const cardIds = input.settings.scope === 'selection' ? cardsInSelection(input.board, input.selection) : undefined
  const scene = buildScene(input.board, fonts, { background: input.settings.background, padding: input.settings.padding, ...(cardIds ? { cardIds } : {}) })
  return { scene, fonts, cardIds }
}

const fmt = (n: number): string => n.toLocaleString('en-US')

/** A PNG of the scene at the largest scale up to the wanted one that the browser can draw. */
export async function pngOf(scene: Scene, fonts: ExportFonts, wanted: number, progress: Progress): Promise<{ png: BandedPng; notes: string[]; pixels: ExportResult['pixels'] }> {
  const notes: string[] = []
  let scale = fittingScale(scene.width, scene.height, wanted)
  for (let attempt = 0; attempt < 4; attempt++) {
    const drawing = `Drawing ${fmt(Math.round(scene.width * scale))} × ${fmt(Math.round(scene.height * scale))} pixels`
    progress(drawing)
    const png = await bandedPng(scene, fonts, scale, { onBand: (done, of) => progress(`${drawing}: ${Math.round((100 * done) / of)}%`, done / of) }).catch((err: unknown) => {
      if (err instanceof OutOfMemoryError) return null
      throw err
    })
    if (png) {
      if (scale < wanted) {
        notes.push(
          `The board is too large for a ${wanted}× PNG (${fmt(Math.round(scene.width * wanted))} × ${fmt(Math.round(scene.height * wanted))} pixels), so it was exported at ${Number(scale.toFixed(2))}× (${fmt(png.width)} × ${fmt(png.height)} pixels). SVG and PDF keep full detail at any size.`
        )
      }
      return { png, notes, pixels: { width: png.width, height: png.height, scale } }
    }
    scale /= 2 // out of memory for this size: try a smaller one
  }
  throw new Error('the computer ran out of memory for an image this large. Try SVG or PDF, or export a selection')
}

/** The preview's pixels: about the size the export dialog shows, at twice the pixels for a sharp screen. */
export const PREVIEW_PIXELS = { width: 1200, height: 800 }

/** A small PNG of the scene, for the export dialog: the same drawing as the export, drawn off the main thread. */
export async function previewPng(scene: Scene, fonts: ExportFonts, signal?: AbortSignal): Promise<Blob> {
  const scale = Math.min(2, PREVIEW_PIXELS.width / scene.width, PREVIEW_PIXELS.height / scene.height)
  return new Blob(pngFile(await bandedPng(scene, fonts, scale, { signal, keep: true })), { type: 'image/png' })
}

/** Builds the file for the chosen format. Throws with a message that says why when it cannot. */
export async function renderExport(input: ExportInput, progress: Progress): Promise<ExportResult> {
  progress('Laying out the board')
  const { scene, fonts, cardIds } = await sceneFor(input)
  const boardText = serializeBoard(boardForImage(input.board, cardIds))
  const { settings, name } = input
  switch (settings.format) {
    case 'svg':
      return { data: sceneToSvg(scene, fonts, { title: name, boardText }), notes: [] }
    case 'pdf': {
      progress('Writing the PDF')
      const { sceneToPdf } = await import('../../../shared/export/pdf')
      const notes: string[] = []
      const data = await sceneToPdf(scene, fonts, {
        page: settings.page,
        title: name,
        onMissingText: (text) => notes.push(`These characters are not in the bundled Inter font and are left out of the PDF: ${text}`)
      })
      return { data: [data], notes }
    }
    case 'png': {
      // Before the drawing, which keeps the workers busy and leaves this thread idle.
      const board = boardChunk(boardText)
      const png = await pngOf(scene, fonts, settings.scale, progress)
      return { data: pngFile(png.png, [board]), notes: png.notes, ...(png.pixels ? { pixels: png.pixels } : {}) }
    }
  }
}

/** Puts a PNG of the board (or the selection) on the clipboard. */
export async function copyPng(input: ExportInput, progress: Progress): Promise<string[]> {
  progress('Laying out the board')
  const { scene, fonts } = await sceneFor(input)
  const png = await pngOf(scene, fonts, input.settings.scale, progress)
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob(pngFile(png.png), { type: 'image/png' }) })])
  return png.notes
}
