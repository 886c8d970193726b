import type { FontWeight } from '../../../shared/export/fonts'
import type { Scene, SceneItem, Stroke } from '../../../shared/export/scene'
import { FONT_STACK } from '../../../shared/export/svg'

/**
 * Draws a scene onto a 2D canvas with the same primitives the SVG is written
 * from: SVG path data through Path2D, text as the same glyph outlines, shadows
 * as the same Gaussian blur. Rasterising the SVG instead meant Chromium parsing
 * and painting a document of 100,000 elements into one huge bitmap, which took
 * most of a PNG export's time.
 */

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/** A glyph's outline as SVG path data (ExportFonts.outline), or '' for a character without ink. */
export type GlyphOutline = (char: string, weight: FontWeight, size: number) => string

/** The key a glyph outline is known by, for handing outlines to a worker that has no fonts. */
export const glyphKey = (char: string, weight: FontWeight, size: number): string => `${weight}:${size}:${char}`

/** Every glyph outline the scene's text uses, by glyphKey. */
export function sceneOutlines(scene: Scene, outline: GlyphOutline): Map<string, string> {
  const outlines = new Map<string, string>()
  for (const group of scene.groups) {
    for (const item of group.items) {
      if (item.type !== 'text') continue
      for (const { char } of item.glyphs) {
        const key = glyphKey(char, item.weight, item.size)
        if (!outlines.has(key)) outlines.set(key, outline(char, item.weight, item.size))
      }
    }
  }
  return outlines
}

/** Parsed paths by their SVG data: cards of one size and kind share outlines, text shares glyphs. */
export class PathCache {
  private readonly paths = new Map<string, Path2D>()

  get(d: string): Path2D {
    let path = this.paths.get(d)
    if (!path) this.paths.set(d, (path = new Path2D(d)))
    return path
  }
}

type TextItem = Extract<SceneItem, { type: 'text' }>

function applyStroke(ctx: Context2D, stroke: Stroke): void {
  ctx.strokeStyle = stroke.color
  ctx.lineWidth = stroke.width
  ctx.setLineDash(stroke.dash ?? [])
  ctx.lineCap = stroke.round ? 'round' : 'butt'
  ctx.lineJoin = stroke.round ? 'round' : 'miter'
}

function drawText(ctx: Context2D, item: TextItem, outline: GlyphOutline, paths: PathCache): void {
  ctx.fillStyle = item.color
  for (const glyph of item.glyphs) {
    const d = outline(glyph.char, item.weight, item.size)
    if (!d) continue
    ctx.translate(glyph.x, item.y)
    ctx.fill(paths.get(d))
    ctx.translate(-glyph.x, -item.y)
  }
  if (item.fallback.length === 0) return
  // Characters no bundled font has: the system's fonts, as the SVG's <text> fallback.
  ctx.font = `${item.weight} ${item.size}px ${FONT_STACK}`
  ctx.letterSpacing = `${item.letterSpacing}px`
  for (const run of item.fallback) ctx.fillText(run.text, run.x, item.y)
}

/**
 * One item, in scene units under the context's transform. `scale` is the
 * device pixels per scene unit, since canvas shadows ignore the transform.
 */
function drawItem(ctx: Context2D, item: SceneItem, outline: GlyphOutline, paths: PathCache, scale: number, shadowLift: number): void {
  switch (item.type) {
    case 'shadow': {
      // Only the blur should show, as the SVG's filtered copy: the shape itself is drawn
      // far above the canvas and its shadow thrown back down onto the spot.
      const { color, opacity, blur, dy } = item.shadow
      ctx.save()
      ctx.shadowColor = color
      ctx.globalAlpha = opacity
      ctx.shadowBlur = blur * scale
      ctx.shadowOffsetY = (shadowLift + dy) * scale
      ctx.fillStyle = color
      ctx.translate(0, -shadowLift)
      ctx.fill(paths.get(item.d))
      ctx.restore()
      return
    }
    case 'path': {
      const path = paths.get(item.d)
      ctx.save()
      if (item.transform) {
        ctx.translate(item.transform.x, item.transform.y)
        ctx.scale(item.transform.scale, item.transform.scale)
      }
      if (item.fill) {
        ctx.globalAlpha = item.fillOpacity ?? 1
        ctx.fillStyle = item.fill
        ctx.fill(path)
      }
      if (item.stroke) {
        ctx.globalAlpha = item.stroke.opacity ?? 1
        applyStroke(ctx, item.stroke)
        ctx.stroke(path)
      }
      ctx.restore()
      return
    }
    case 'text':
      drawText(ctx, item, outline, paths)
      return
  }
}

/** Where a band of the image lies: its first pixel row and how many rows it has. */
export interface Band {
  top: number
  rows: number
}

/**
 * Draws one band of the image at `scale` pixels per scene unit into a canvas whose
 * (0, 0) is the band's top left pixel. Groups whose bounds miss the band are
 * skipped, so drawing an image in bands costs little more than drawing it whole.
 */
export function drawScene(ctx: Context2D, scene: Scene, outline: GlyphOutline, scale: number, band: Band, paths = new PathCache()): void {
  if (scene.background) {
    // The whole canvas, in its own pixels: at a scale that is not whole, the image's last row and column
    // reach past the scene, and a fill in scene units would leave them part-covered (dark, on an opaque canvas).
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.fillStyle = scene.background
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height)
  }
  ctx.setTransform(scale, 0, 0, scale, 0, -band.top)
  // SVG's default, so sharp corners of arrowheads and hexagons are cut the same way.
  ctx.miterLimit = 4
  // A group's bounds hold its shadows to two standard deviations; the faint rest of the blur reaches a few units further.
  const margin = 8
  const top = band.top / scale - margin
  const bottom = (band.top + band.rows) / scale + margin
  const shadowLift = scene.height + 1000
  for (const group of scene.groups) {
    if (group.bounds.y > bottom || group.bounds.y + group.bounds.height < top) continue
    for (const item of group.items) drawItem(ctx, item, outline, paths, scale, shadowLift)
  }
}
