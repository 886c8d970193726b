import type { ExportFonts } from '../../../shared/export/fonts'
import type { Scene } from '../../../shared/export/scene'
import type { BandReply, BandRequest } from './bandWorker'
import BandWorker from './bandWorker?worker'
import type { EncoderReply, EncoderRequest } from './pngEncoder'
import PngEncoder from './pngEncoder?worker'
import { sceneOutlines, type Band } from './canvasScene'

/**
 * A PNG of a scene, drawn in horizontal bands by workers, one per core, put
 * together by another worker as the bands arrive, and encoded there in one
 * piece by the browser's own encoder (see pngEncoder.ts). Drawing the whole
 * 130-megapixel canvas in one worker left the other cores idle.
 */

/** Pixels per band (32 MB): the few bands in flight add little to the whole image the encoder holds. */
const BAND_PIXELS = 8 * 1024 * 1024
/** Bands each worker has been asked for, so it never waits for the next request. */
const QUEUED_PER_WORKER = 2

/** The image did not fit in memory at this size; a smaller one may. */
export class OutOfMemoryError extends Error {
  override name = 'OutOfMemoryError'
}

/** How many workers draw: one per core, at most 6 (each holds a band's pixels several times), no more than there are bands. */
export function workerCount(cores: number, bands: number): number {
  return Math.max(1, Math.min(cores, 6, bands))
}

/** The bands an image is drawn in, top to bottom. */
export function bandsOf(width: number, height: number): Band[] {
  const rows = Math.max(16, Math.floor(BAND_PIXELS / Math.max(1, width)))
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

/** Hands bands to the workers, and each drawn band to `place` as it comes; resolves when all are placed. */
function drawAll(workers: Worker[], bands: Band[], place: (bitmap: ImageBitmap, band: Band) => void, onBand?: (done: number, of: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const asked = new Map(workers.map((w) => [w, 0]))
    let next = 0 // the next band to ask for
    let placed = 0
    const pump = (): void => {
      for (const worker of workers) {
        while (next < bands.length && (asked.get(worker) ?? 0) < QUEUED_PER_WORKER) {
          asked.set(worker, (asked.get(worker) ?? 0) + 1)
          worker.postMessage({ type: 'band', index: next, ...(bands[next] as Band) } satisfies BandRequest)
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
        try {
          place(reply.bitmap, bands[reply.index] as Band)
          placed++ // not inside onBand?.(…): without a listener its arguments are never evaluated
          onBand?.(placed, bands.length)
        } catch (err) {
          return reject(err) // a throwing listener ends the export with its error
        }
        if (placed === bands.length) resolve()
        else pump()
      }
    }
    pump()
  })
}

/** The encoder's answer to `finish`, or its failure at any point before. */
function encoded(encoder: Worker): Promise<Blob> {
  return new Promise((resolve, reject) => {
    encoder.onerror = (event) => reject(new Error(event.message || 'the encoding worker stopped'))
    encoder.onmessage = (event: MessageEvent<EncoderReply>) => {
      const reply = event.data
      if (reply.type === 'png') resolve(reply.blob)
      else reject(reply.outOfMemory ? new OutOfMemoryError(reply.message) : new Error(reply.message))
    }
  })
}

/**
 * Draws the scene at `scale` into a PNG. Throws OutOfMemoryError when the image or a band cannot be
 * allocated, another Error when it cannot be drawn, the signal's reason when it is aborted (its workers stop then).
 */
export async function bandedPng(scene: Scene, fonts: ExportFonts, scale: number, onBand?: (done: number, of: number) => void, signal?: AbortSignal): Promise<{ blob: Blob; width: number; height: number }> {
  signal?.throwIfAborted()
  const width = Math.max(1, Math.round(scene.width * scale))
  const height = Math.max(1, Math.round(scene.height * scale))
  const bands = bandsOf(width, height)
  const workers = Array.from({ length: workerCount(navigator.hardwareConcurrency || 2, bands.length) }, () => new BandWorker())
  const encoder = new PngEncoder()
  try {
    const png = encoded(encoder)
    encoder.postMessage({ type: 'start', width, height, opaque: Boolean(scene.background) } satisfies EncoderRequest)
    const outlines = [...sceneOutlines(scene, (c, w, s) => fonts.outline(c, w, s))]
    const job: BandRequest = { type: 'scene', scene: drawingOnly(scene), outlines, scale, width }
    for (const worker of workers) worker.postMessage(job)
    const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }))
    // The encoder fails early when the whole image does not fit; drawing then stops too.
    await Promise.race([
      aborted,
      drawAll(workers, bands, (bitmap, band) => encoder.postMessage({ type: 'band', top: band.top, bitmap } satisfies EncoderRequest, [bitmap]), onBand),
      png.then(() => Promise.reject(new Error('the encoder finished before the image was drawn')))
    ])
    encoder.postMessage({ type: 'finish' } satisfies EncoderRequest)
    return { blob: await Promise.race([png, aborted]), width, height }
  } finally {
    for (const worker of workers) worker.terminate()
    encoder.terminate()
  }
}
