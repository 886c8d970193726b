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

/** A chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(latin1(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, (crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0)
  return out
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

/** The chunk that holds the board's text. */
export function boardChunk(boardText: string): Uint8Array {
  return pngChunk('iTXt', iTXtData(BOARD_PNG_KEYWORD, boardText))
}

/** A copy of the PNG with the board chunk after IHDR (replacing any board chunk already there). */
export function withBoardChunk(png: Uint8Array, boardText: string): Uint8Array {
  if (!isPng(png)) throw new Error('Not a PNG image')
  const chunks = pngChunks(png)
  const ihdr = chunks[0]
  if (!ihdr || ihdr.type !== 'IHDR') throw new Error('The PNG has no header chunk')
  const parts: Uint8Array[] = [png.subarray(0, ihdr.offset + ihdr.length + 4), boardChunk(boardText)]
  for (const c of chunks.slice(1)) {
    const data = png.subarray(c.offset, c.offset + c.length)
    if ((c.type === 'iTXt' || c.type === 'tEXt') && textChunkValue(c.type, data, BOARD_PNG_KEYWORD) !== undefined) continue
    parts.push(png.subarray(c.offset - 8, c.offset + c.length + 4))
  }
  return concatBytes(parts)
}

/** The parts one after another, in one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
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
