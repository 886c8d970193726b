import * as opentype from 'opentype.js'
import type { Font } from 'opentype.js'
import { num } from './paths'

// The package's ESM build (bundlers) has named exports only; its CommonJS build (Node, Vitest) a default.
const parse: (buffer: ArrayBuffer) => Font = opentype.parse ?? (opentype as unknown as { default: typeof opentype }).default.parse

/**
 * Text for exports: measured and outlined with the same Inter files the canvas
 * uses (@fontsource/inter), so an exported image wraps and looks the same in a
 * browser, librsvg, Inkscape and a PDF viewer, whatever fonts they have.
 * opentype.js reads the WOFF files (not WOFF2).
 */

/** The weights the canvas uses: summaries 400, relation labels 500, titles and kind labels 600. */
export const exportFontWeights = [400, 500, 600] as const
export type FontWeight = (typeof exportFontWeights)[number]

/** Unicode subsets of Inter bundled for exports; other characters fall back to the viewer's fonts. */
export const exportFontSubsets = ['latin', 'latin-ext', 'cyrillic', 'greek'] as const

/** The @fontsource/inter file name of one subset and weight. */
export function interFileName(subset: (typeof exportFontSubsets)[number], weight: FontWeight): string {
  return `inter-${subset}-${weight}-normal.woff`
}

export interface FontFile {
  weight: FontWeight
  bytes: ArrayBuffer
}

/** A run of characters none of the bundled fonts has (emoji, CJK): drawn as plain text. */
export interface FallbackRun {
  text: string
  /** Left edge, in the same units as the line. */
  x: number
  width: number
}

export interface ShapedText {
  /** Outlines of every character the fonts have, ready for an SVG `d` attribute. */
  d: string
  fallback: FallbackRun[]
  width: number
}

interface GlyphOutline {
  /** Advance in em. */
  advance: number
  /** Outline commands in em, y down, from the pen position. */
  commands: readonly (readonly [string, ...number[]])[]
}

/** Characters no bundled font has are laid out as this many em (about a CJK ideograph or an emoji). */
const FALLBACK_ADVANCE = 1

export class ExportFonts {
  private readonly faces = new Map<FontWeight, Font[]>()
  private readonly glyphs = new Map<string, GlyphOutline | null>()
  /** Ascent and descent (em) of the fonts' line box, as browsers use for `line-height: normal`. */
  readonly ascent: number
  readonly descent: number

  constructor(files: readonly FontFile[]) {
    let ascent = 0
    let descent = 0
    for (const file of files) {
      const font = parse(file.bytes)
      const list = this.faces.get(file.weight) ?? []
      list.push(font)
      this.faces.set(file.weight, list)
      ascent = Math.max(ascent, font.ascender / font.unitsPerEm)
      descent = Math.max(descent, -font.descender / font.unitsPerEm)
    }
    for (const weight of exportFontWeights) {
      if (!this.faces.get(weight)?.length) throw new Error(`No font file for weight ${weight}`)
    }
    this.ascent = ascent
    this.descent = descent
  }

  private glyph(char: string, weight: FontWeight): GlyphOutline | null {
    const key = `${weight}:${char}`
    const cached = this.glyphs.get(key)
    if (cached !== undefined) return cached
    let outline: GlyphOutline | null = null
    for (const font of this.faces.get(weight) ?? []) {
      if (!font.hasChar(char)) continue
      const glyph = font.charToGlyph(char)
      const path = glyph.getPath(0, 0, 1) // 1 = one em, y already pointing down
      outline = {
        advance: (glyph.advanceWidth ?? 0) / font.unitsPerEm,
        commands: path.commands.map((c) => {
          switch (c.type) {
            case 'M':
            case 'L':
              return [c.type, c.x ?? 0, c.y ?? 0] as const
            case 'Q':
              return ['Q', c.x1 ?? 0, c.y1 ?? 0, c.x ?? 0, c.y ?? 0] as const
            case 'C':
              return ['C', c.x1 ?? 0, c.y1 ?? 0, c.x2 ?? 0, c.y2 ?? 0, c.x ?? 0, c.y ?? 0] as const
            default:
              return ['Z'] as const
          }
        })
      }
      break
    }
    this.glyphs.set(key, outline)
    return outline
  }

  /** Whether every character of `text` is in the bundled fonts. */
  covers(text: string, weight: FontWeight): boolean {
    return Array.from(text).every((ch) => this.glyph(ch, weight) !== null)
  }

  /** Width of one line of text, in the units of `size`. */
  measure(text: string, weight: FontWeight, size: number, letterSpacing = 0): number {
    let width = 0
    for (const ch of text) width += (this.glyph(ch, weight)?.advance ?? FALLBACK_ADVANCE) * size + letterSpacing
    return width
  }

  /** Outlines of one line of text with its left end at `x` and its baseline at `y`. */
  shape(text: string, weight: FontWeight, size: number, x: number, y: number, letterSpacing = 0): ShapedText {
    const parts: string[] = []
    const fallback: FallbackRun[] = []
    let pen = x
    for (const ch of text) {
      const glyph = this.glyph(ch, weight)
      if (!glyph) {
        const advance = FALLBACK_ADVANCE * size + letterSpacing
        const last = fallback[fallback.length - 1]
        if (last && Math.abs(last.x + last.width - pen) < 1e-6) {
          last.text += ch
          last.width += advance
        } else {
          fallback.push({ text: ch, x: pen, width: advance })
        }
        pen += advance
        continue
      }
      for (const [op, ...args] of glyph.commands) {
        const coords: string[] = []
        for (let i = 0; i < args.length; i += 2) {
          coords.push(`${num(pen + (args[i] ?? 0) * size)} ${num(y + (args[i + 1] ?? 0) * size)}`)
        }
        parts.push(op + coords.join(' '))
      }
      pen += glyph.advance * size + letterSpacing
    }
    return { d: parts.join(''), fallback, width: pen - x }
  }
}
