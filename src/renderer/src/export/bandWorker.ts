import type { Scene } from '../../../shared/export/scene'
import { drawScene, glyphKey, PathCache, type Band, type GlyphOutline } from './canvasScene'

/**
 * Draws bands of an exported image off the main thread, so the window stays
 * responsive and every core takes a share. Each band comes back as a bitmap,
 * handed over rather than copied, for the encoder (pngEncoder.ts) to place.
 */

export type BandRequest =
  | { type: 'scene'; scene: Scene; outlines: [string, string][]; scale: number; width: number }
  | ({ type: 'band'; index: number } & Band)

export type BandReply =
  | { type: 'band'; index: number; bitmap: ImageBitmap }
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

function drawBand(band: Band): ImageBitmap {
  if (!job) throw new Error('no scene to draw')
  if (!canvas || canvas.height !== band.rows) canvas = new OffscreenCanvas(job.width, band.rows)
  // Opaque when the image has a background: nothing to blend or unpremultiply.
  const ctx = canvas.getContext('2d', { alpha: !job.scene.background })
  if (!ctx) throw new OutOfMemory(`no memory left for a ${job.width} × ${band.rows} pixel canvas`)
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, canvas.width, canvas.height)
  drawScene(ctx, job.scene, job.outline, job.scale, band, job.paths)
  // Drawn here, in this worker, as the snapshot is taken; no read back of the pixels.
  return canvas.transferToImageBitmap()
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
    const bitmap = drawBand(request)
    scope.postMessage({ type: 'band', index: request.index, bitmap }, [bitmap])
  } catch (err) {
    // A RangeError is an allocation the browser refused (a canvas or an array too large).
    const outOfMemory = err instanceof OutOfMemory || err instanceof RangeError
    scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err), outOfMemory })
  }
}
