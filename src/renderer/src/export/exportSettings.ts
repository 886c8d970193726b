import type { ExportFormat } from '../../../shared/api'
import type { ExportBackground } from '../../../shared/export/look'
import type { PdfPage } from '../../../shared/export/pdf'

/*
 * The light part of exporting, loaded with the app; the drawing code (fonts,
 * opentype.js, pdf-lib) is in exporter.ts, loaded on the first export.
 */

/** What the export dialog asks; remembered for the next export and for Copy as PNG. */
export interface ExportSettings {
  format: ExportFormat
  scope: 'board' | 'selection'
  /** PNG only: pixels per board unit. */
  scale: 1 | 2 | 4
  background: ExportBackground
  /** Space around the cards, in board units. */
  padding: number
  /** PDF only. */
  page: PdfPage
}

export const defaultExportSettings: ExportSettings = { format: 'png', scope: 'board', scale: 2, background: 'light', padding: 32, page: 'fit' }

/**
 * Browsers refuse canvases past 16,384 px a side (and past about 268 million
 * pixels in all); memory runs short well before the area limit, so exports stay
 * under half of it. Larger boards get a lower scale, with a note saying so.
 */
export const MAX_CANVAS_SIDE = 16384
export const MAX_CANVAS_PIXELS = 128 * 1024 * 1024

/** The largest scale up to `wanted` at which the scene fits a canvas. */
export function fittingScale(width: number, height: number, wanted: number): number {
  return Math.min(wanted, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_CANVAS_PIXELS / (width * height)))
}

