import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Board } from '../board'
import { parseBoardText } from '../load'
import { ExportFonts, exportFontSubsets, exportFontWeights, interFileName } from './fonts'

/** Test support: the export fonts and the sample board read from disk, and the Debian tools tests render with. */

const root = join(__dirname, '..', '..', '..')

let fonts: ExportFonts | null = null

/** The same Inter WOFF files the renderer bundles, from node_modules. */
export function nodeExportFonts(): ExportFonts {
  fonts ??= new ExportFonts(
    exportFontWeights.flatMap((weight) =>
      exportFontSubsets.map((subset) => {
        const bytes = readFileSync(join(root, 'node_modules/@fontsource/inter/files', interFileName(subset, weight)))
        return { weight, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }
      })
    )
  )
  return fonts
}

/** The Harbour & Pine "freight trains and gardens" map (e2e/fixtures/harbour-and-pine.orgboard). */
export function harbourAndPine(): Board {
  const result = parseBoardText(readFileSync(join(root, 'e2e/fixtures/harbour-and-pine.orgboard'), 'utf8'))
  if (!result.ok) throw new Error(`The fixture board does not load: ${result.problem}`)
  return result.board
}

/** Renders an SVG to PNG with librsvg (Debian librsvg2-bin), as GNOME, Inkscape's import and many converters do. */
export function rsvgPng(svg: string, zoom = 1): Buffer {
  return execFileSync('rsvg-convert', ['--zoom', String(zoom), '--format', 'png'], { input: svg, maxBuffer: 512 * 1024 * 1024 })
}

export interface Pixels {
  width: number
  height: number
  data: Uint8Array
}

/** [r, g, b, a] at a pixel. */
export function pixelAt(png: Pixels, x: number, y: number): [number, number, number, number] {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0, png.data[i + 3] ?? 0]
}

/** Largest channel difference between a pixel and a #rrggbb colour. */
export function colourDistance(pixel: readonly number[], hex: string): number {
  return Math.max(...[0, 1, 2].map((i) => Math.abs((pixel[i] ?? 0) - parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16))))
}

/** How many distinct colours (quantised) an image has: a blank one has one or two. */
export function colourCount(png: Pixels): number {
  const seen = new Set<number>()
  for (let i = 0; i < png.data.length; i += 4 * 7) {
    seen.add(((png.data[i] ?? 0) >> 4) * 4096 + ((png.data[i + 1] ?? 0) >> 4) * 256 + ((png.data[i + 2] ?? 0) >> 4) * 16 + ((png.data[i + 3] ?? 0) >> 4))
  }
  return seen.size
}
