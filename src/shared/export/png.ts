/**
 * The board inside a PNG: an `iTXt` chunk (keyword "orgboard", UTF-8, uncompressed)
 * right after the header, so File > Open finds it without reading the pixels, and
 * any PNG tool (pngcheck, exiftool) shows it. Pure byte work, shared by the
 * renderer (writing) and the main process (reading).
 */

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
/** The chunk keyword that marks an Orgboard board. */
export const BOARD_PNG_KEYWORD = 'orgboard'

const crcTable = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

export function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  let c = crc
  for (let i = 0; i < bytes.length; i++) c = (crcTable[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8)
  return c
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)
}

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff)

function fromLatin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return out
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(latin1(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, (crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0)
  return out
}

/** IDAT chunks this size or smaller: any size is valid, and viewers stream smaller chunks more easily. */
const IDAT_BYTES = 1 << 20

/** What a pixel holds in the PNG: RGB (colour type 2) for an opaque image, RGBA (type 6) for one with a transparent background. */
export type PngColour = 'rgb' | 'rgba'

/**
 * Rows of RGBA pixels as PNG scanlines: filter type 0 ("None", cheapest to make, and on a board's
 * flat colours about as small as the others) before each row, then the row as RGB or RGBA.
 * RGB leaves zlib, the slowest step of a large export, a quarter fewer bytes.
 */
export function scanlines(rgba: Uint8Array, width: number, rows: number, colour: PngColour): Uint8Array<ArrayBuffer> {
  const channels = colour === 'rgb' ? 3 : 4
  const stride = width * channels + 1
  const out = new Uint8Array(rows * stride)
  if (channels === 4) {
    for (let row = 0; row < rows; row++) out.set(rgba.subarray(row * width * 4, (row + 1) * width * 4), row * stride + 1)
    return out
  }
  // A row packed word by word, then copied after its filter byte (which leaves the rows unaligned).
  const packed = new Uint8Array(Math.ceil((width * 3) / 4) * 4)
  for (let row = 0; row < rows; row++) {
    packRgb(rgba.subarray(row * width * 4, (row + 1) * width * 4), packed)
    out.set(packed.subarray(0, width * 3), row * stride + 1)
  }
  return out
}

/**
 * RGBA pixels to RGB, four pixels (four words in, three out) at a time: about four times faster
 * than byte by byte on a 130-megapixel export. `out` holds at least 3 bytes per pixel.
 */
export function packRgb(rgba: Uint8Array, out: Uint8Array): void {
  const pixels = rgba.length >> 2
  const whole = pixels & ~3
  if (rgba.byteOffset % 4 === 0 && out.byteOffset % 4 === 0) {
    const from = new Uint32Array(rgba.buffer, rgba.byteOffset, whole)
    const to = new Uint32Array(out.buffer, out.byteOffset, (whole / 4) * 3)
    // Little-endian words (every platform Orgboard runs on): byte 0 is the lowest.
    for (let p = 0, q = 0; p < whole; p += 4, q += 3) {
      const a = from[p] as number
      const b = from[p + 1] as number
      const c = from[p + 2] as number
      const d = from[p + 3] as number
      to[q] = (a & 0xffffff) | (b << 24)
      to[q + 1] = ((b >>> 8) & 0xffff) | (c << 16)
      to[q + 2] = ((c >>> 16) & 0xff) | (d << 8)
    }
  }
  const start = rgba.byteOffset % 4 === 0 && out.byteOffset % 4 === 0 ? whole : 0
  for (let p = start; p < pixels; p++) {
    out[p * 3] = rgba[p * 4] as number
    out[p * 3 + 1] = rgba[p * 4 + 1] as number
    out[p * 3 + 2] = rgba[p * 4 + 2] as number
  }
}

/**
 * An 8-bit PNG (no interlace) from its zlib-compressed scanlines (in as many pieces as they
 * come), as the file's parts in order, to join into a Blob without another copy.
 */
export function pngParts(width: number, height: number, colour: PngColour, compressed: readonly Uint8Array[]): Uint8Array[] {
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, colour === 'rgb' ? 2 : 6, 0, 0, 0], 8) // bit depth, colour type, compression, filter method, interlace
  const parts = [PNG_SIGNATURE, chunk('IHDR', header)]
  for (const piece of compressed) {
    for (let at = 0; at < piece.length; at += IDAT_BYTES) parts.push(chunk('IDAT', piece.subarray(at, at + IDAT_BYTES)))
  }
  parts.push(chunk('IEND', new Uint8Array(0)))
  return parts
}

/** The data of an uncompressed iTXt chunk: keyword, flags, empty language and translated keyword, UTF-8 text. */
export function iTXtData(keyword: string, text: string): Uint8Array {
  const head = latin1(keyword)
  const body = new TextEncoder().encode(text)
  const data = new Uint8Array(head.length + 5 + body.length)
  data.set(head, 0)
  // After the keyword: NUL, compression flag 0, method 0, empty language tag + NUL, empty translation + NUL.
  data.set(body, head.length + 5)
  return data
}

export interface ChunkHeader {
  type: string
  /** Offset of the chunk's data in the file. */
  offset: number
  length: number
}

/** Reads the 8-byte length/type header of the chunk at `at` (which points at its length field). */
export function readChunkHeader(bytes: Uint8Array, at: number): ChunkHeader | null {
  if (at + 8 > bytes.length) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 8)
  const type = fromLatin1(bytes.subarray(at + 4, at + 8))
  return { type, offset: at + 8, length: view.getUint32(0) }
}

/** The chunks of a PNG in order; stops at IEND or at a chunk that runs past the end. */
export function pngChunks(bytes: Uint8Array): ChunkHeader[] {
  const chunks: ChunkHeader[] = []
  let at = 8
  for (;;) {
    const header = readChunkHeader(bytes, at)
    if (!header || header.offset + header.length + 4 > bytes.length) break
    chunks.push(header)
    if (header.type === 'IEND') break
    at = header.offset + header.length + 4
  }
  return chunks
}

/**
 * The text of an iTXt (or tEXt) chunk's data if its keyword is `keyword`;
 * undefined for another keyword; an error message for a compressed or broken one.
 */
export function textChunkValue(type: string, data: Uint8Array, keyword: string): string | { error: string } | undefined {
  const nul = data.indexOf(0)
  if (nul < 0) return undefined
  const key = fromLatin1(data.subarray(0, nul))
  if (key !== keyword) return undefined
  if (type === 'tEXt') return fromLatin1(data.subarray(nul + 1))
  if (type !== 'iTXt') return undefined
  if (data[nul + 1] !== 0) return { error: 'its board is stored compressed, which this version of Orgboard does not read' }
  const language = data.indexOf(0, nul + 3)
  const translated = language < 0 ? -1 : data.indexOf(0, language + 1)
  if (translated < 0) return { error: 'its board chunk is damaged' }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(translated + 1))
  } catch {
    return { error: 'its board chunk is not valid UTF-8' }
  }
}

/** A copy of the PNG with the board chunk after IHDR (replacing any board chunk already there). */
export function withBoardChunk(png: Uint8Array, boardText: string): Uint8Array {
  if (!isPng(png)) throw new Error('Not a PNG image')
  const chunks = pngChunks(png)
  const ihdr = chunks[0]
  if (!ihdr || ihdr.type !== 'IHDR') throw new Error('The PNG has no header chunk')
  const parts: Uint8Array[] = [png.subarray(0, ihdr.offset + ihdr.length + 4), chunk('iTXt', iTXtData(BOARD_PNG_KEYWORD, boardText))]
  for (const c of chunks.slice(1)) {
    const data = png.subarray(c.offset, c.offset + c.length)
    if ((c.type === 'iTXt' || c.type === 'tEXt') && textChunkValue(c.type, data, BOARD_PNG_KEYWORD) !== undefined) continue
    parts.push(png.subarray(c.offset - 8, c.offset + c.length + 4))
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** The board text embedded in a PNG held in memory; see textChunkValue for the other outcomes. */
export function boardTextFromPng(png: Uint8Array): string | { error: string } | undefined {
  for (const c of pngChunks(png)) {
    if (c.type !== 'iTXt' && c.type !== 'tEXt') continue
    const value = textChunkValue(c.type, png.subarray(c.offset, c.offset + c.length), BOARD_PNG_KEYWORD)
    if (value !== undefined) return value
  }
  return undefined
}

/** Width and height from the IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}
