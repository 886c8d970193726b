import type { ExportFonts } from '../../../shared/export/fonts'
import { pngParts } from '../../../shared/export/png'
import type { Scene } from '../../../shared/export/scene'
import type { BandReply, BandRequest } from './bandWorker'
import BandWorker from './bandWorker?worker'
import { sceneOutlines, type Band } from './canvasScene'

/**
 * A PNG of a scene, drawn in horizontal bands by workers, one per core, and
 * compressed band after band, as they arrive, by the browser's own zlib
 * (CompressionStream). Drawing one 130-megapixel canvas and encoding it in one
 * piece took seconds in memory alone, all on one core.
 */

/** Pixels per band: small enough that the bands in hand stay far below the memory one whole canvas needs. */
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

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = []
  const reader = stream.getReader()
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value)
  return chunks
}

/**
 * Hands bands to the workers, and their scanlines to the compressor in order.
 * Bands drawn ahead of the compressor wait in memory, so at most `ahead` are asked for.
 */
function drawAll(workers: Worker[], bands: Band[], write: (lines: Uint8Array<ArrayBuffer>) => Promise<void>, onBand?: (done: number, of: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const drawn = new Map<number, Uint8Array<ArrayBuffer>>()
    const asked = new Map(workers.map((w) => [w, 0]))
    const ahead = workers.length * QUEUED_PER_WORKER + 2
    let next = 0 // the next band to ask for
    let written = 0 // bands handed to the compressor
    let compressed = 0
    const pump = (): void => {
      for (const worker of workers) {
        while (next < bands.length && next - compressed < ahead && (asked.get(worker) ?? 0) < QUEUED_PER_WORKER) {
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
        drawn.set(reply.index, reply.lines)
        // One zlib stream: band after band, in order.
        for (let lines = drawn.get(written); lines; lines = drawn.get(written)) {
          drawn.delete(written++)
          write(lines)
            .then(() => {
              compressed++ // not inside onBand?.(…): without a listener its arguments are never evaluated
              onBand?.(compressed, bands.length)
              if (compressed === bands.length) resolve()
              else pump()
            })
            .catch(reject) // a failed write, or a throwing listener: either ends the export with its error
        }
        pump()
      }
    }
    pump()
  })
}

/** Draws the scene at `scale` into a PNG. Throws OutOfMemoryError when a band cannot be allocated, another Error when it cannot be drawn. */
export async function bandedPng(scene: Scene, fonts: ExportFonts, scale: number, onBand?: (done: number, of: number) => void): Promise<{ blob: Blob; width: number; height: number }> {
  const width = Math.max(1, Math.round(scene.width * scale))
  const height = Math.max(1, Math.round(scene.height * scale))
  const bands = bandsOf(width, height)
  const workers = Array.from({ length: workerCount(navigator.hardwareConcurrency || 2, bands.length) }, () => new BandWorker())
  const compressor = new CompressionStream('deflate')
  const compressed = readAll(compressor.readable)
  const writer = compressor.writable.getWriter()
  try {
    const outlines = [...sceneOutlines(scene, (c, w, s) => fonts.outline(c, w, s))]
    const job: BandRequest = { type: 'scene', scene: drawingOnly(scene), outlines, scale, width }
    for (const worker of workers) worker.postMessage(job)
    // One write per band: per-row writes cost the compressor a call (and a chunk) per row.
    await drawAll(workers, bands, (lines) => writer.write(lines), onBand)
    await writer.close()
    const parts = pngParts(width, height, scene.background ? 'rgb' : 'rgba', await compressed)
    return { blob: new Blob(parts as BlobPart[], { type: 'image/png' }), width, height }
  } catch (err) {
    await writer.abort(err).catch(() => {})
    await compressed.catch(() => {}) // aborted with the writer
    throw err
  } finally {
    for (const worker of workers) worker.terminate()
  }
}
