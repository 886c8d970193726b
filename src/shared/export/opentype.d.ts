/**
 * The part of opentype.js (2.x ships no types) that the export uses: parse a
 * WOFF/OTF/TTF, look up glyphs, read their outlines and advances.
 */
declare module 'opentype.js' {
  export interface PathCommand {
    type: 'M' | 'L' | 'C' | 'Q' | 'Z'
    x?: number
    y?: number
    x1?: number
    y1?: number
    x2?: number
    y2?: number
  }
  export interface Path {
    commands: PathCommand[]
    toPathData(decimalPlaces?: number): string
  }
  export interface Glyph {
    index: number
    unicode: number | undefined
    advanceWidth: number | undefined
    getPath(x: number, y: number, fontSize: number): Path
  }
  export interface Font {
    unitsPerEm: number
    ascender: number
    descender: number
    hasChar(char: string): boolean
    charToGlyph(char: string): Glyph
  }
  export function parse(buffer: ArrayBuffer): Font
  const opentype: { parse: typeof parse }
  export default opentype
}
