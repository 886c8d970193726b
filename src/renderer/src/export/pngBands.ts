import type { ExportFonts } from '../../../shared/export/fonts'
import type { Scene } from '../../../shared/export/scene'
import type { BandReply, BandRequest } from './bandWorker'
import BandWorker from './bandWorker?worker'
import { concatBytes } from '../../../shared/export/png'
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
/** Bands each worker has been asked for, so it never waits for the next request. */
const QUEUED_PER_WORKER = 2

/** The image did not fit in memory at this size; a smaller one may. */
export class OutOfMemoryError extends Error {
  override name = 'OutOfMemoryError'
}

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

type DrawnBand = Extract<BandReply, { type: 'band' }>

/** Hands bands to the workers; resolves with every band drawn, in order. */
function drawAll(workers: Worker[], bands: Band[], image: { scale: number; width: number }, onBand?: (done: number, of: number) => void): Promise<DrawnBand[]> {
  return new Promise((resolve, reject) => {
    const asked = new Map(workers.map((w) => [w, 0]))
    let next = 0 // the next band to ask for
    const drawn: DrawnBand[] = []
    let received = 0
    const pump = (): void => {
      for (const worker of workers) {
        while (next < bands.length && (asked.get(worker) ?? 0) < QUEUED_PER_WORKER) {
          asked.set(worker, (asked.get(worker) ?? 0) + 1)
          worker.postMessage({ type: 'band', index: next, last: next === bands.length - 1, ...image, ...(bands[next] as Band) } satisfies BandRequest)
          next++
        }
      }
    }
    for (const worker of workers) {
      worker.onerror = (event) => reject(new Error(event.message || 'the drawing worker stopped'))
      worker.onmessage = (event: MessageEvent<BandReply>) => {
        const reply = event.data
        if (reply.type === 'failed') return reject(reply.outOfMemory ? new OutOfMemoryError(reply.message) : new Error(reply.message))
        asked.set(worker, (asked.get(worker) ?? 1) - 1)
        drawn[reply.index] = reply
        try {
          received++ // not inside onBand?.(…): without a listener its arguments are never evaluated
          onBand?.(received, bands.length)
        } catch (err) {
          return reject(err) // a throwing listener ends the export with its error
        }
        if (received === bands.length) resolve(drawn)
        else pump()
      }
    }
    pump()
  })
}

export interface BandedPng {
  /** The file in parts, as pngParts gives them: signature, IHDR, the image data, IEND. */
  parts: Uint8Array[]
  width: number
  height: number
}

/** The parts as one file, with `chunks` (text) after the header. */
export function pngBytes(png: BandedPng, chunks: readonly Uint8Array[] = []): Uint8Array<ArrayBuffer> {
  const [signature, header, ...rest] = png.parts
  return concatBytes([signature, header, ...chunks, ...rest].filter((part) => part !== undefined))
}

/**
 * Workers kept after a preview, with its scene: the export that follows it
 * draws the same scene larger, and so need not hand it over again (200 ms
 * for the 1,000-card benchmark board) nor wait for it to be read.
 */
let kept: { scene: Scene; workers: Worker[] } | null = null

/** Stops the workers kept after a preview (the export dialog closed). */
export function releaseWorkers(): void {
  for (const worker of kept?.workers ?? []) worker.terminate()
  kept = null
}

/** Workers with the scene: the kept ones if they have it, else new ones, one per core (at most 6: each holds a band several times). */
function workersFor(scene: Scene, fonts: ExportFonts): Worker[] {
  if (kept?.scene === scene) {
    const { workers } = kept
    kept = null // theirs alone now: a second export at once gets its own
    return workers
  }
  releaseWorkers()
  const workers = Array.from({ length: Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 6)) }, () => new BandWorker())
  const outlines = [...sceneOutlines(scene, (c, w, s) => fonts.outline(c, w, s))]
  const job: BandRequest = { type: 'scene', scene: drawingOnly(scene), outlines }
  for (const worker of workers) worker.postMessage(job)
  return workers
}

/**
 * Draws the scene at `scale` into a PNG. Throws OutOfMemoryError when a band cannot be allocated, another
 * Error when it cannot be drawn, the signal's reason when it is aborted (its workers stop then). With `keep`
 * (a preview), the workers stay, for the export of the same scene that may follow.
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
  const workers = workersFor(scene, fonts)
  let done = false
  try {
    const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }))
    const drawn = await Promise.race([aborted, drawAll(workers, bandsOf(width, height, workers.length), { scale, width }, onBand)])
    let adler = ADLER_START
    for (const band of drawn) adler = adler32Combine(adler, band.adler, band.length)
    done = true
    return { parts: pngParts(width, height, drawn.map((band) => band.chunk), adler), width, height }
  } finally {
    if (done && keep) {
      releaseWorkers()
      kept = { scene, workers }
    } else {
      for (const worker of workers) worker.terminate()
    }
  }
}
