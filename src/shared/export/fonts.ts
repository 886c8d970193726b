import * as opentype from 'opentype.js'
import type { Font } from 'opentype.js'

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

/** One character placed on a line. */
export interface PlacedGlyph {
  char: string
  x: number
}

/** Characters drawn with one font file, from `x` on (PDF draws them as real text in that font). */
export interface FontRun {
  text: string
  /** Index into ExportFonts.files. */
  file: number
  x: number
}

/** A line of text laid out: every character's place, grouped by the font that draws it. */
export interface LaidOutText {
  glyphs: PlacedGlyph[]
  runs: FontRun[]
  fallback: FallbackRun[]
  width: number
}

interface Glyph {
  /** Advance in em. */
  advance: number
  font: Font
  /** Which of the files the glyph comes from. */
  file: number
}

/** Characters no bundled font has are laid out as this many em (about a CJK ideograph or an emoji). */
const FALLBACK_ADVANCE = 1

export class ExportFonts {
  private readonly faces = new Map<FontWeight, { font: Font; file: number }[]>()
  private readonly glyphs = new Map<string, Glyph | null>()
  private readonly outlines = new Map<string, string>()
  /** Ascent and descent (em) of the fonts' line box, as browsers use for `line-height: normal`. */
  readonly ascent: number
  readonly descent: number

  constructor(readonly files: readonly FontFile[]) {
    let ascent = 0
    let descent = 0
    files.forEach((file, index) => {
      const font = parse(file.bytes)
      const list = this.faces.get(file.weight) ?? []
      list.push({ font, file: index })
      this.faces.set(file.weight, list)
      ascent = Math.max(ascent, font.ascender / font.unitsPerEm)
      descent = Math.max(descent, -font.descender / font.unitsPerEm)
    })
    for (const weight of exportFontWeights) {
      if (!this.faces.get(weight)?.length) throw new Error(`No font file for weight ${weight}`)
    }
    this.ascent = ascent
    this.descent = descent
  }

  private glyph(char: string, weight: FontWeight): Glyph | null {
    const key = `${weight}:${char}`
    const cached = this.glyphs.get(key)
    if (cached !== undefined) return cached
    let found: Glyph | null = null
    for (const { font, file } of this.faces.get(weight) ?? []) {
      if (!font.hasChar(char)) continue
      found = { advance: (font.charToGlyph(char).advanceWidth ?? 0) / font.unitsPerEm, font, file }
      break
    }
    this.glyphs.set(key, found)
    return found
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

  /** Places each character of one line, its left end at `x`. */
  layout(text: string, weight: FontWeight, size: number, x: number, letterSpacing = 0): LaidOutText {
    const glyphs: PlacedGlyph[] = []
    const runs: FontRun[] = []
    const fallback: FallbackRun[] = []
    let pen = x
    let run: FontRun | null = null
    let missing: FallbackRun | null = null
    for (const char of text) {
      const glyph = this.glyph(char, weight)
      const advance = (glyph?.advance ?? FALLBACK_ADVANCE) * size + letterSpacing
      if (glyph) {
        missing = null
        glyphs.push({ char, x: pen })
        if (run && run.file === glyph.file) run.text += char
        else runs.push((run = { text: char, file: glyph.file, x: pen }))
      } else {
        run = null
        if (missing) {
          missing.text += char
          missing.width += advance
        } else {
          fallback.push((missing = { text: char, x: pen, width: advance }))
        }
      }
      pen += advance
    }
    return { glyphs, runs, fallback, width: pen - x }
  }

  /** Outline of one character at `size`, pen at (0, 0) on the baseline, y down; empty for a space. */
  outline(char: string, weight: FontWeight, size: number): string {
    const key = `${weight}:${size}:${char}`
    const cached = this.outlines.get(key)
    if (cached !== undefined) return cached
    const glyph = this.glyph(char, weight)
    const d = glyph ? glyph.font.charToGlyph(char).getPath(0, 0, size).toPathData(2) : ''
    this.outlines.set(key, d)
    return d
  }
}
