import type { Scene } from '../../../shared/export/scene'
import { drawScene, glyphKey, PathCache, type Band, type GlyphOutline } from './canvasScene'

/**
 * Draws bands of an exported image off the main thread, so the window stays
 * responsive and every core takes a share. Each band comes back as PNG
 * scanlines (a filter byte, then the row's RGBA), ready for the compressor.
 */

export type BandRequest =
  | { type: 'scene'; scene: Scene; outlines: [string, string][]; scale: number; width: number }
  | ({ type: 'band'; index: number } & Band)

export type BandReply =
  | { type: 'band'; index: number; scanlines: Uint8Array<ArrayBuffer> }
  /** outOfMemory: a smaller image may still work. */
  | { type: 'failed'; message: string; outOfMemory: boolean }

class OutOfMemory extends Error {}

/** The worker's own scope (the renderer's types are the window's, not a worker's). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<BandRequest>) => void) | null
  postMessage(message: BandReply, transfer?: Transferable[]): void
}

let job: { scene: Scene; outline: GlyphOutline; scale: number; width: number; paths: PathCache } | null = null
let canvas: OffscreenCanvas | null = null

/** PNG scanlines with filter type 0 ("None"): cheapest to make, and on a board's flat colours it packs about as well as the others. */
function scanlines(pixels: Uint8ClampedArray, width: number, rows: number): Uint8Array<ArrayBuffer> {
  const stride = width * 4
  // A Uint8Array view: copying between arrays of one type is a memory copy, between two types a slow loop.
  const source = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength)
  const out = new Uint8Array(rows * (stride + 1))
  for (let row = 0; row < rows; row++) out.set(source.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1)
  return out
}

function drawBand(band: Band): Uint8Array<ArrayBuffer> {
  if (!job) throw new Error('no scene to draw')
  if (!canvas || canvas.height !== band.rows) canvas = new OffscreenCanvas(job.width, band.rows)
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) throw new OutOfMemory(`no memory left for a ${job.width} × ${band.rows} pixel canvas`)
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, canvas.width, canvas.height)
  drawScene(ctx, job.scene, job.outline, job.scale, band, job.paths)
  return scanlines(ctx.getImageData(0, 0, job.width, band.rows).data, job.width, band.rows)
}

scope.onmessage = (event: MessageEvent<BandRequest>) => {
  const request = event.data
  try {
    if (request.type === 'scene') {
      const outlines = new Map(request.outlines)
      job = {
        scene: request.scene,
        outline: (char, weight, size) => outlines.get(glyphKey(char, weight, size)) ?? '',
        scale: request.scale,
        width: request.width,
        paths: new PathCache()
      }
      return
    }
    const lines = drawBand(request)
    scope.postMessage({ type: 'band', index: request.index, scanlines: lines }, [lines.buffer])
  } catch (err) {
    // A RangeError is an allocation the browser refused (a canvas or an array too large).
    const outOfMemory = err instanceof OutOfMemory || err instanceof RangeError
    scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err), outOfMemory })
  }
}
