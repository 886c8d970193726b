import type { Scene } from '../../../shared/export/scene'
import { ScanlineCompressor, type CompressedBand } from '../../../shared/export/scanlines'
import { warmUpScanlines } from '../../../shared/export/scanlinesWarmUp'
import { drawScene, glyphKey, PathCache, type Band, type GlyphOutline } from './canvasScene'

/**
 * Draws bands of an exported image off the main thread and compresses each
 * into PNG image data (scanlines.ts), so the window stays responsive and
 * every core takes a share of both. Each band comes back as an IDAT chunk,
 * handed over rather than copied, for pngBands.ts to put in order.
 *
 * The canvas and the pixel buffer are drawn into and read into again for
 * every band, and the pixels are read a few rows at a time: fresh memory is
 * slow to touch (here, 1.9 s for the 537 MB of a 2× export of the 1,000-card
 * benchmark board, against 30 ms for memory touched before).
 */

export type BandRequest =
  /** A scene to draw bands of, known by `id` from then on. */
  | { type: 'scene'; id: number; scene: Scene; outlines: [string, string][] }
  /** Band `index` of image `job`, of scene `scene`; `width` is the whole image's, in pixels; `scale` its pixels per scene unit. */
  | ({ type: 'band'; scene: number; job: number; index: number; last: boolean; scale: number; width: number } & Band)
  /** No more bands of this scene will be asked for. */
  | { type: 'forget'; scene: number }
  /** Nothing to draw for now: a moment to get the compressor compiled (warmUpScanlines). */
  | { type: 'warm' }

export type BandReply =
  /** `chunk` is a whole IDAT chunk; `adler` and `length` are its scanlines' Adler-32 and size. */
  | { type: 'band'; job: number; index: number; chunk: Uint8Array; adler: number; length: number }
  /** outOfMemory: a smaller image may still work. */
  | { type: 'failed'; job: number; message: string; outOfMemory: boolean }

class OutOfMemory extends Error {}

/** The worker's own scope (the renderer's types are the window's, not a worker's). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<BandRequest>) => void) | null
  postMessage(message: BandReply, transfer?: Transferable[]): void
}

/** The scenes this worker draws, by id, with their glyphs and the paths parsed so far. */
const scenes = new Map<number, { scene: Scene; outline: GlyphOutline; paths: PathCache }>()
/** The canvas bands are drawn on, and the buffer their pixels are read back into. */
interface Surface {
  canvas: OffscreenCanvas
  ctx: OffscreenCanvasRenderingContext2D
  pixels: Uint8Array
}

let surface: Surface | null = null
let framesReadRgba: Promise<boolean> | null = null

/**
 * Whether a VideoFrame of a canvas copies out as RGBA into a buffer of ours
 * (Chromium 127 on). Tried on one pixel, as a browser that ignores the format
 * would hand over BGRA without a word.
 */
async function videoFramesReadRgba(): Promise<boolean> {
  if (typeof VideoFrame === 'undefined') return false
  const canvas = new OffscreenCanvas(1, 1)
  const ctx = canvas.getContext('2d', { alpha: false })
  if (!ctx) return false
  ctx.fillStyle = 'rgb(1, 2, 3)'
  ctx.fillRect(0, 0, 1, 1)
  const frame = new VideoFrame(canvas, { timestamp: 0 })
  try {
    const pixel = new Uint8Array(4)
    await frame.copyTo(pixel, { format: 'RGBA' } as VideoFrameCopyToOptions)
    return pixel.join() === '1,2,3,255'
  } catch {
    return false
  } finally {
    frame.close()
  }
}

/** Pixels read back at a time (4 MB): a band's worth was 32 MB more of fresh memory for each worker. */
const READ_PIXELS = 1024 * 1024

/**
 * Compresses the band drawn on the canvas, its rows read back a few at a time
 * as unpremultiplied RGBA. A VideoFrame copies them into our buffer;
 * getImageData would make a fresh one each time. Frames carry premultiplied
 * colours, so an image with transparency is read with getImageData.
 */
async function compressBand(surface: Surface, width: number, rows: number, opaque: boolean, last: boolean): Promise<CompressedBand> {
  const { canvas, ctx, pixels } = surface
  const band = new ScanlineCompressor(width, rows, last)
  const step = Math.max(1, Math.floor(READ_PIXELS / width))
  const frame = opaque && (await (framesReadRgba ??= videoFramesReadRgba())) ? new VideoFrame(canvas, { timestamp: 0 }) : null
  try {
    for (let top = 0; top < rows; top += step) {
      const height = Math.min(step, rows - top)
      if (frame) {
        const into = pixels.subarray(0, width * height * 4)
        await frame.copyTo(into, { rect: { x: 0, y: top, width, height }, format: 'RGBA' } as VideoFrameCopyToOptions)
        band.add(into, height)
      } else {
        band.add(ctx.getImageData(0, top, width, height).data, height)
      }
    }
  } finally {
    frame?.close() // before the next band is drawn, or drawing would copy the canvas first
  }
  return band.finish()
}

async function drawBand(request: Extract<BandRequest, { type: 'band' }>): Promise<Extract<BandReply, { type: 'band' }>> {
  const held = scenes.get(request.scene)
  if (!held) throw new Error('no scene to draw')
  const { width, rows } = request
  const opaque = Boolean(held.scene.background)
  if (!surface || surface.canvas.width !== width || surface.canvas.height < rows) {
    surface = null
    const canvas = new OffscreenCanvas(width, rows)
    // Opaque when the image has a background: nothing to blend or unpremultiply.
    const ctx = canvas.getContext('2d', { alpha: !opaque })
    if (!ctx) throw new OutOfMemory(`no memory left for a ${width} × ${rows} pixel canvas`)
    surface = { canvas, ctx, pixels: new Uint8Array(width * Math.min(rows, Math.max(1, Math.floor(READ_PIXELS / width))) * 4) }
  }
  const { canvas, ctx } = surface
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, canvas.width, canvas.height)
  drawScene(ctx, held.scene, held.outline, request.scale, request, held.paths)
  return { type: 'band', job: request.job, index: request.index, ...(await compressBand(surface, width, rows, opaque, request.last)) }
}

const failed = (job: number, err: unknown): void => {
  // A RangeError is an allocation the browser refused (a canvas or an array too large).
  const outOfMemory = err instanceof OutOfMemory || err instanceof RangeError
  scope.postMessage({ type: 'failed', job, message: err instanceof Error ? err.message : String(err), outOfMemory })
}

// Bands are drawn one after another: each waits for the one before, as they share the canvas.
let queue: Promise<void> = Promise.resolve()

scope.onmessage = (event: MessageEvent<BandRequest>) => {
  const request = event.data
  if (request.type === 'scene') {
    const outlines = new Map(request.outlines)
    scenes.set(request.id, {
      scene: request.scene,
      outline: (char, weight, size) => outlines.get(glyphKey(char, weight, size)) ?? '',
      paths: new PathCache()
    })
    return
  }
  // In turn with the bands: a scene is forgotten after the bands asked of it before.
  if (request.type === 'forget') {
    queue = queue.then(() => void scenes.delete(request.scene))
    return
  }
  if (request.type === 'warm') {
    queue = queue.then(() => {
      try {
        warmUpScanlines()
      } catch {
        // Only ever a speed-up: the bands after it must still be drawn.
      }
    })
    return
  }
  queue = queue.then(() =>
    drawBand(request).then(
      (reply) => scope.postMessage(reply, [reply.chunk.buffer]),
      (err: unknown) => failed(request.job, err)
    )
  )
}
