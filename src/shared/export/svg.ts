import type { ExportFonts } from './fonts'
import { num } from './paths'
import type { Scene, SceneItem } from './scene'

/**
 * A scene as a self-contained SVG document: shapes as paths; text as glyph
 * outlines (each glyph defined once in `<defs>` and placed with `<use>`), with
 * each line also as `<text>` (invisible: for search, selection and screen
 * readers); no `<foreignObject>`, no images, no web fonts, so every viewer draws
 * the same. The board itself rides along in `<metadata>`, so File > Open on the
 * SVG reopens it.
 */

/** Namespace of the board element inside `<metadata>`. */
export const BOARD_SVG_NAMESPACE = 'urn:orgboard:board'
/** The element (in that namespace) whose text is the board file. */
export const BOARD_SVG_ELEMENT = 'board'

export const FONT_STACK = 'Inter, system-ui, sans-serif'

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string)
}

/** XML 1.0 cannot carry most control characters, even escaped; board text could contain them. */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- exactly the characters XML forbids
  return escapeXml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd'))
}

export interface SvgOptions {
  /** The document's title (the board name). */
  title: string
  /** The board file text to embed, or none. */
  boardText?: string
  /** Output size in pixels; the drawing scales to it (the PNG path renders at its final size). */
  pixelWidth?: number
  pixelHeight?: number
}

function shadowFilterId(blur: number): string {
  return `shadow-${String(blur).replace('.', '_')}`
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : xmlSafe(v as string)}"`)
    .join('')
}

/** Each glyph outline once, by weight, size and character. */
class GlyphDefs {
  private readonly ids = new Map<string, string>()
  private readonly defs: string[] = []
  constructor(private readonly fonts: ExportFonts) {}

  /** The id of the glyph's outline, or null for a character with no ink (a space). */
  id(char: string, weight: SceneTextItem['weight'], size: number): string | null {
    const key = `${weight}:${size}:${char}`
    const known = this.ids.get(key)
    if (known !== undefined) return known || null
    const d = this.fonts.outline(char, weight, size)
    const id = d ? `g${this.defs.length}` : ''
    if (d) this.defs.push(`<path id="${id}" d="${d}"/>`)
    this.ids.set(key, id)
    return id || null
  }

  toString(): string {
    return this.defs.join('')
  }
}

type SceneTextItem = Extract<SceneItem, { type: 'text' }>

function itemSvg(item: SceneItem, glyphs: GlyphDefs): string {
  switch (item.type) {
    case 'shadow':
      return `<path${attrs({
        d: item.d,
        fill: item.shadow.color,
        'fill-opacity': item.shadow.opacity,
        transform: item.shadow.dy ? `translate(0 ${num(item.shadow.dy)})` : undefined,
        filter: `url(#${shadowFilterId(item.shadow.blur)})`
      })}/>`
    case 'path': {
      const s = item.stroke
      return `<path${attrs({
        d: item.d,
        transform: item.transform ? `translate(${num(item.transform.x)} ${num(item.transform.y)}) scale(${item.transform.scale})` : undefined,
        fill: item.fill ?? 'none',
        'fill-opacity': item.fillOpacity,
        stroke: s?.color,
        'stroke-width': s?.width,
        'stroke-dasharray': s?.dash?.length ? s.dash.join(' ') : undefined,
        'stroke-opacity': s?.opacity,
        'stroke-linecap': s?.round ? 'round' : undefined,
        'stroke-linejoin': s?.round ? 'round' : undefined
      })}/>`
    }
    case 'text': {
      const font = { 'font-size': item.size, 'font-weight': item.weight, 'letter-spacing': item.letterSpacing || undefined }
      const uses = item.glyphs
        .map((g) => {
          const id = glyphs.id(g.char, item.weight, item.size)
          return id ? `<use xlink:href="#${id}" x="${num(g.x)}" y="${num(item.y)}"/>` : ''
        })
        .join('')
      const outlines = uses ? `<g fill="${item.color}">${uses}</g>` : ''
      // Characters no bundled font has are drawn as real text in the viewer's fonts.
      const fallback = item.fallback
        .map((run) => `<text${attrs({ x: run.x, y: item.y, ...font, fill: item.color })}>${xmlSafe(run.text)}</text>`)
        .join('')
      const searchable =
        item.width > 0
          ? `<text${attrs({ x: item.x, y: item.y, ...font, fill: 'none', textLength: item.width, lengthAdjust: 'spacingAndGlyphs' })} xml:space="preserve">${xmlSafe(item.text)}</text>`
          : ''
      return outlines + fallback + searchable
    }
  }
}

export function sceneToSvg(scene: Scene, fonts: ExportFonts, options: SvgOptions): string {
  const glyphs = new GlyphDefs(fonts)
  const body = scene.groups.map(
    (group) =>
      `<g${attrs({ 'data-role': group.role, 'data-id': group.id, 'data-kind': group.kind })}><title>${xmlSafe(group.label)}</title>${group.items.map((item) => itemSvg(item, glyphs)).join('')}</g>\n`
  )
  const blurs = new Set<number>()
  for (const group of scene.groups) for (const item of group.items) if (item.type === 'shadow') blurs.add(item.shadow.blur)
  const filters = [...blurs]
    .map(
      (blur) =>
        `<filter id="${shadowFilterId(blur)}" x="-25%" y="-25%" width="150%" height="150%" color-interpolation-filters="sRGB"><feGaussianBlur stdDeviation="${num(blur / 2)}"/></filter>`
    )
    .join('')
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs({
      width: options.pixelWidth ?? scene.width,
      height: options.pixelHeight ?? scene.height,
      viewBox: `0 0 ${scene.width} ${scene.height}`,
      'font-family': FONT_STACK,
      role: 'img',
      'aria-label': options.title
    })}>\n`,
    `<title>${xmlSafe(options.title)}</title>\n`
  ]
  if (options.boardText !== undefined) {
    out.push(
      `<metadata><ob:${BOARD_SVG_ELEMENT} xmlns:ob="${BOARD_SVG_NAMESPACE}">${xmlSafe(options.boardText)}</ob:${BOARD_SVG_ELEMENT}></metadata>\n`
    )
  }
  out.push(`<defs>${filters}${glyphs.toString()}</defs>\n`)
  if (scene.background) out.push(`<rect width="${scene.width}" height="${scene.height}" fill="${scene.background}"/>\n`)
  out.push(...body, '</svg>\n')
  return out.join('')
}
