import fontkit from '@pdf-lib/fontkit'
import {
  LineCapStyle,
  LineJoinStyle,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setCharacterSpacing,
  setLineJoin,
  type PDFFont,
  type PDFPage
} from 'pdf-lib'
import type { ExportFonts } from './fonts'
import type { Scene, SceneItem } from './scene'

/**
 * A scene as a vector PDF (pdf-lib): the same paths as the SVG, and text as real
 * text in the same Inter files, embedded as subsets (so it is sharp, small,
 * searchable and selectable), on one page fitted to the board or on an A4/A3
 * landscape sheet. Shadows are left out (PDF has no blur).
 */

export type PdfPage = 'fit' | 'a4' | 'a3'

/** A CSS pixel is 0.75 pt, so a board printed at "fit" has its on-screen size. */
const PT_PER_PX = 0.75
/** Sheet sizes in points, landscape. */
const sheets = { a4: [841.89, 595.28], a3: [1190.55, 841.89] } as const
const SHEET_MARGIN = 28
/** The largest page side most PDF viewers accept (200 inches). */
export const MAX_PAGE_SIDE = 14400

export interface PdfOptions {
  page: PdfPage
  title: string
  /** Characters the bundled fonts lack cannot be drawn in the PDF; reported here. */
  onMissingText?: (text: string) => void
}

function color(hex: string): ReturnType<typeof rgb> {
  const v = (i: number): number => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
  return rgb(v(0), v(1), v(2))
}

interface Placement {
  page: PDFPage
  /** The embedded font of each font file, embedded on first use. */
  font(file: number): Promise<PDFFont>
  /** Page point of the scene's (0, 0), and points per scene unit. */
  x: number
  top: number
  scale: number
}

async function drawItem(item: SceneItem, at: Placement, missing: (text: string) => void): Promise<void> {
  const { page } = at
  if (item.type === 'shadow') return
  if (item.type === 'text') {
    // Each run at the place the scene gave it, so lines wrap and align exactly as in the SVG.
    if (item.letterSpacing) page.pushOperators(setCharacterSpacing(item.letterSpacing * at.scale))
    for (const run of item.runs) {
      page.drawText(run.text, {
        x: at.x + run.x * at.scale,
        y: at.top - item.y * at.scale,
        size: item.size * at.scale,
        font: await at.font(run.file),
        color: color(item.color)
      })
    }
    if (item.letterSpacing) page.pushOperators(setCharacterSpacing(0))
    for (const run of item.fallback) missing(run.text)
    return
  }
  const t = item.transform ?? { x: 0, y: 0, scale: 1 }
  const options: Parameters<PDFPage['drawSvgPath']>[1] = {
    x: at.x + t.x * at.scale,
    y: at.top - t.y * at.scale,
    scale: at.scale * t.scale
  }
  if (item.fill) {
    options.color = color(item.fill)
    if (item.fillOpacity !== undefined) options.opacity = item.fillOpacity
  }
  const stroke = item.stroke
  if (stroke) {
    options.borderColor = color(stroke.color)
    options.borderWidth = stroke.width
    if (stroke.dash?.length) options.borderDashArray = [...stroke.dash]
    if (stroke.opacity !== undefined) options.borderOpacity = stroke.opacity
    if (stroke.round) options.borderLineCap = LineCapStyle.Round
  }
  if (stroke?.round) page.pushOperators(pushGraphicsState(), setLineJoin(LineJoinStyle.Round))
  page.drawSvgPath(item.d, options)
  if (stroke?.round) page.pushOperators(popGraphicsState())
}

export async function sceneToPdf(scene: Scene, fonts: ExportFonts, options: PdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const embedded = new Map<number, Promise<PDFFont>>()
  const font = (file: number): Promise<PDFFont> => {
    let found = embedded.get(file)
    if (!found) {
      const bytes = fonts.files[file]?.bytes
      if (!bytes) throw new Error(`No font file ${file}`)
      // No kerning or ligatures: the scene placed the characters without them, as it measured.
      found = doc.embedFont(new Uint8Array(bytes), { subset: true, features: { kern: false, liga: false, calt: false } })
      embedded.set(file, found)
    }
    return found
  }
  doc.setTitle(options.title)
  doc.setCreator('Orgboard')
  doc.setProducer('Orgboard')

  let pageWidth: number
  let pageHeight: number
  let scale: number
  if (options.page === 'fit') {
    scale = Math.min(PT_PER_PX, MAX_PAGE_SIDE / scene.width, MAX_PAGE_SIDE / scene.height)
    pageWidth = scene.width * scale
    pageHeight = scene.height * scale
  } else {
    ;[pageWidth, pageHeight] = sheets[options.page]
    scale = Math.min((pageWidth - 2 * SHEET_MARGIN) / scene.width, (pageHeight - 2 * SHEET_MARGIN) / scene.height)
  }
  const page = doc.addPage([pageWidth, pageHeight])
  const x = (pageWidth - scene.width * scale) / 2
  const top = pageHeight - (pageHeight - scene.height * scale) / 2
  if (scene.background) page.drawRectangle({ x: 0, y: 0, width: pageWidth, height: pageHeight, color: color(scene.background) })

  const missing = new Set<string>()
  for (const group of scene.groups) {
    for (const item of group.items) await drawItem(item, { page, font, x, top, scale }, (text) => missing.add(text))
  }
  if (missing.size && options.onMissingText) options.onMissingText([...missing].join(' '))
  return doc.save()
}
