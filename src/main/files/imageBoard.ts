import type { FileHandle } from 'node:fs/promises'
import { boardTextFromSvg, looksLikeSvg } from '../../shared/export/embed'
import { isPng, readChunkHeader, textChunkValue, BOARD_PNG_KEYWORD } from '../../shared/export/png'

/**
 * Boards carried inside exported images: a PNG's `iTXt` chunk or an SVG's
 * `<metadata>`. Reading a PNG walks its chunk headers and reads only the board
 * chunk, so a 200 MB image opens as fast as a small one.
 */

export type ImageKind = 'png' | 'svg'

export type EmbeddedBoard =
  | { ok: true; text: string }
  /** The image is fine but carries no board (or one Orgboard cannot read); `problem` says which. */
  | { ok: false; problem: string }

/** What kind of exported image these first bytes start, if any. */
export function imageKindOf(head: Uint8Array): ImageKind | null {
  if (isPng(head)) return 'png'
  return looksLikeSvg(new TextDecoder('utf-8').decode(head)) ? 'svg' : null
}

const noBoard = (what: string): EmbeddedBoard => ({
  ok: false,
  problem: `this ${what} carries no Orgboard board (only images exported by Orgboard do; open the .orgboard file instead)`
})

/** The board text in a PNG file, reading chunk by chunk; `maxText` bounds the chunk Orgboard will read. */
export async function boardTextFromPngFile(handle: FileHandle, size: number, maxText: number): Promise<EmbeddedBoard> {
  const header = new Uint8Array(8)
  let at = 8
  while (at + 12 <= size) {
    await handle.read(header, 0, 8, at)
    const chunk = readChunkHeader(header, 0)
    if (!chunk) break
    const dataStart = at + 8
    if (chunk.type === 'IEND') break
    if ((chunk.type === 'iTXt' || chunk.type === 'tEXt') && chunk.length <= maxText + 200) {
      const data = new Uint8Array(chunk.length)
      await handle.read(data, 0, chunk.length, dataStart)
      const value = textChunkValue(chunk.type, data, BOARD_PNG_KEYWORD)
      if (typeof value === 'string') return { ok: true, text: value }
      if (value) return { ok: false, problem: value.error }
    }
    at = dataStart + chunk.length + 4
  }
  return noBoard('PNG image')
}

/** The board text in an SVG document's text. */
export function boardTextFromSvgText(svg: string): EmbeddedBoard {
  const text = boardTextFromSvg(svg)
  return text === undefined ? noBoard('SVG image') : { ok: true, text }
}
