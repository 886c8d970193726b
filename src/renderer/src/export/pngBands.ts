import type { ExportFonts } from '../../../shared/export/fonts'
import type { Scene } from '../../../shared/export/scene'
import BandWorker from './bandWorker?worker'
import { BandPool } from './bandPool'
import { ADLER_START, adler32Combine, pngParts } from '../../../shared/export/scanlines'
import { sceneOutlines, type Band } from './canvasScene'

/**
 * A PNG of a scene, drawn and compressed in horizontal bands by workers, one
 * per core (bandWorker.ts); the bands' IDAT chunks follow each other in the
 * file. No canvas of the whole image is ever made: the browser's own encoder
 * needed one, and touching its fresh 537 MB for a 2× export of 1,000 cards
 * took longer here than drawing the cards.
 */

/** Pixels per band (32 MB a worker, twice: its canvas and the pixels read back). */
const BAND_PIXELS = 8 * 1024 * 1024

/** The bands an image is drawn in, top to bottom: at least one for each of `workers` (a preview is small). */
export function bandsOf(width: number, height: number, workers = 1): Band[] {
  const rows = Math.max(16, Math.min(Math.floor(BAND_PIXELS / Math.max(1, width)), Math.ceil(height / workers)))
  const bands: Band[] = []
  for (let top = 0; top < height; top += rows) bands.push({ top, rows: Math.min(rows, height - top) })
  return bands
}

/** The scene without the words only the SVG and PDF use, so handing it to each worker is cheaper. */
function drawingOnly(scene: Scene): Scene {
  return {
    ...scene,
    groups: scene.groups.map((g) => ({
      ...g,
      label: '',
      items: g.items.map((item) => (item.type === 'text' ? { ...item, text: '', runs: [] } : item))
    }))
  }
}

export interface BandedPng {
  /** The file in parts, as pngParts gives them: signature, IHDR, the image data, IEND. */
  parts: Uint8Array[]
  width: number
  height: number
}

/**
 * The file's parts in order, with `chunks` (text) after the header: written one after
 * another, or made a Blob of, without joining them into one copy (30 MB for the benchmark board).
 */
export function pngFile(png: BandedPng, chunks: readonly Uint8Array[] = []): Uint8Array<ArrayBuffer>[] {
  const [signature, header, ...rest] = png.parts
  return [signature, header, ...chunks, ...rest].filter((part) => part !== undefined) as Uint8Array<ArrayBuffer>[]
}

/**
 * The workers kept after a preview (drawn with `keep`), for as long as the export dialog is open: the
 * export that follows draws the same scene larger, and so need not hand it over again (200 ms for the
 * 1,000-card benchmark board) and starts at once on a worker the preview leaves idle. A later preview
 * of another scene finds them started and their compressor compiled.
 */
let kept: BandPool | null = null

/** Lets the kept workers go (the export dialog closed); they stop once what they are drawing is done. */
export function releaseWorkers(): void {
  kept?.release()
  kept = null
}

/** One worker per core, at most 6: each holds a band several times. */
const workerCount = (): number => Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 6))

/** Workers that are handed each scene with its glyphs, from the export fonts (loaded once, so the same for every scene). */
function newPool(fonts: ExportFonts): BandPool {
  const workers = Array.from({ length: workerCount() }, () => new BandWorker())
  return new BandPool(workers, (scene, id) => ({
    type: 'scene',
    id,
    scene: drawingOnly(scene),
    outlines: [...sceneOutlines(scene, (c, w, s) => fonts.outline(c, w, s))]
  }))
}

/**
 * Draws the scene at `scale` into a PNG. Throws OutOfMemoryError when a band cannot be allocated, another
 * Error when it cannot be drawn, the signal's reason when it is aborted. Draws with the kept workers if
 * there are; with `keep` (a preview) the workers are kept, otherwise new ones stop when done.
 */
export async function bandedPng(
  scene: Scene,
  fonts: ExportFonts,
  scale: number,
  options: { onBand?: (done: number, of: number) => void; signal?: AbortSignal; keep?: boolean } = {}
): Promise<BandedPng> {
  const { onBand, signal, keep = false } = options
  signal?.throwIfAborted()
  const width = Math.max(1, Math.round(scene.width * scale))
  const height = Math.max(1, Math.round(scene.height * scale))
  const pool = kept?.usable ? kept : newPool(fonts)
  if (keep && pool !== kept) {
    releaseWorkers()
    kept = pool
  }
  try {
    const drawn = await pool.draw(scene, bandsOf(width, height, workerCount()), { scale, width }, { ...(onBand ? { onBand } : {}), ...(signal ? { signal } : {}) })
    let adler = ADLER_START
    for (const band of drawn) adler = adler32Combine(adler, band.adler, band.length)
    return { parts: pngParts(width, height, drawn.map((band) => band.chunk), adler), width, height }
  } finally {
    if (kept !== pool) pool.release()
  }
}
