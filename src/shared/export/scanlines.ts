import { add, canonicalCodes, codeLengths } from './huffman'
import { crc32, PNG_SIGNATURE, pngChunk } from './png'

/**
 * Compresses a band of RGBA rows into PNG image data: each row gets filter
 * "Up" (the difference from the row above, as Chromium's own PNG encoder
 * does), and the deflate stream uses only matches 4 bytes back, that is, runs
 * of the same pixel difference. After the Up filter a whiteboard is 93% zero
 * bytes, and those runs are nearly all there is to find: on the 15,915 ×
 * 8,433 px benchmark export this gives 29.2 MB where Chromium gave 32.0 MB.
 *
 * Written for the export's speed: bands are compressed in parallel, one per
 * worker, and their streams simply follow each other, since each band ends on
 * a byte boundary with a non-final block (as zlib's sync flush does).
 * CompressionStream cannot end that way and runs at 200 MB/s on one core;
 * fflate and pako ran at 130–160 MB/s here, against 537 MB of pixels.
 */

/** Token values: a literal byte, or 256 + a match's length (3–258). */
const TOKENS = 256 + 259
/** Tokens held before a block is written: 4 MB, and each block gets its own Huffman codes. */
const BLOCK_TOKENS = 1 << 20

const MOD_ADLER = 65521
/**
 * The Adler-32 sums are reduced once s2 passes this, so both stay small
 * integers: a sum that outgrew them made V8 throw away the compiled
 * compressor in the middle of a band (seen with node --trace-deopt).
 */
const ADLER_REDUCE_AT = 1 << 29

/** a × b modulo 65,521 for a, b below it, without a product past 2^30. */
function mulMod(a: number, b: number): number {
  return ((((a * (b >>> 8)) % MOD_ADLER) << 8) + a * (b & 0xff)) % MOD_ADLER
}

// Length symbols 257–285: the shortest length each stands for, and its extra bits (RFC 1951 3.2.5).
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
/** For each match length 3–258: its symbol's index into LENGTH_BASE. */
const LENGTH_INDEX = (() => {
  const index = new Uint8Array(259)
  for (let length = 3, i = 0; length <= 258; length++) {
    while (i < 28 && (LENGTH_BASE[i + 1] as number) <= length) i++
    index[length] = i
  }
  return index
})()
/** The order code length code lengths are written in (RFC 1951 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
/** Distance codes 0 (distance 1, unused) and 3 (distance 4), one bit each: a complete code. */
const DISTANCE_LENGTHS = Uint8Array.of(1, 0, 0, 1)
const DISTANCE_4 = canonicalCodes(DISTANCE_LENGTHS)[3] as number

/** A growing byte buffer written LSB first, as deflate packs its bits. */
class BitWriter {
  bytes: Uint8Array
  at = 0
  /** Bits not yet written, and how many: always under 8 between calls. */
  bits = 0
  count = 0

  constructor(size: number) {
    this.bytes = new Uint8Array(Math.max(1024, size))
  }

  /** Up to 24 bits at a time; room for them must have been ensured. */
  put(value: number, count: number): void {
    this.bits |= value << this.count
    this.count += count
    while (this.count >= 8) {
      this.bytes[this.at++] = this.bits & 0xff
      this.bits >>>= 8
      this.count -= 8
    }
  }

  /** Pads to the next byte boundary with zero bits. */
  align(): void {
    if (this.count > 0) this.put(0, 8 - this.count)
  }

  /** Room for `bytes` more bytes. */
  ensure(bytes: number): void {
    if (this.at + bytes <= this.bytes.length) return
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + bytes))
    bigger.set(this.bytes.subarray(0, this.at))
    this.bytes = bigger
  }
}

export interface CompressedBand {
  /** A whole IDAT chunk (length, type, data, CRC) of deflate blocks; the zlib header comes before the first band's. */
  chunk: Uint8Array
  /** Adler-32 of the band's uncompressed scanlines (filter bytes included), for adler32Combine. */
  adler: number
  /** How many uncompressed bytes that is. */
  length: number
}

/**
 * Scratch kept from one band to the next, as fresh memory is slow to touch
 * (see bandWorker.ts); so one band at a time: the newest compressor owns it.
 */
let scratch: { tokens: Uint32Array; row: Uint32Array; owner: ScanlineCompressor | null } | null = null

/**
 * A band's rows as PNG scanlines, deflated, in an IDAT chunk; the rows come a
 * few at a time (`add`), so the pixels read back need not be held all at once.
 * The band's first row has filter None, since the row above it is another
 * band's. A band that is not `last` ends with an empty stored block, on a byte
 * boundary, for the next band to follow.
 */
export class ScanlineCompressor {
  private readonly out: BitWriter
  private readonly tokens: Uint32Array
  private readonly row: Uint32Array
  private readonly rowBytes: Uint8Array
  /** The last row added, unfiltered: the row above the next one. */
  private readonly above: Uint32Array
  private count = 0
  private added = 0
  private s1 = 1
  private s2 = 0

  /** `rows` rows of `width` RGBA pixels, to be added in order. */
  constructor(
    private readonly width: number,
    private readonly rows: number,
    private readonly last: boolean
  ) {
    this.out = new BitWriter((width * rows * 4) >> 3)
    this.out.at = 8 // the chunk's length and type go there
    // A row never makes more tokens than it has bytes: a match stands for 3 or more.
    const rowTokens = 1 + 4 * width
    if (!scratch || scratch.row.length < 2 * width || scratch.tokens.length < rowTokens) {
      scratch = { tokens: new Uint32Array(Math.max(BLOCK_TOKENS, rowTokens)), row: new Uint32Array(2 * width), owner: null }
    }
    scratch.owner = this
    this.tokens = scratch.tokens
    this.row = scratch.row.subarray(0, width)
    this.rowBytes = new Uint8Array(this.row.buffer, 0, 4 * width)
    this.above = scratch.row.subarray(width, 2 * width)
  }

  /** The next `rows` rows, tightly packed in `pixels`. */
  add(pixels: Uint8Array | Uint8ClampedArray, rows: number): void {
    if (pixels.byteOffset % 4 !== 0) throw new Error('pixels must start on a 4-byte boundary')
    this.ownScratch()
    if (this.added + rows > this.rows) throw new Error(`more rows than the band's ${this.rows}`)
    if (rows === 0) return
    const { width, out, tokens, row, rowBytes } = this
    const words = new Uint32Array(pixels.buffer, pixels.byteOffset, width * rows)
    const rowTokens = 1 + 4 * width
    let { count, s1, s2 } = this
    for (let y = 0; y < rows; y++) {
      if (count + rowTokens > tokens.length) {
        writeBlock(out, tokens, count, false)
        count = 0
      }
      const at = y * width
      // The row above: earlier in these pixels, or the last one added before them.
      const above = y > 0 ? words : this.above
      const up = y > 0 ? at - width : 0
      const filter = this.added === 0 && y === 0 ? 0 : 2
      if (filter === 2) {
        // Up, a byte at a time modulo 256, four bytes per word (SWAR subtraction).
        for (let x = 0; x < width; x++) {
          const a = words[at + x] as number
          const b = above[up + x] as number
          row[x] = ((a | 0x80808080) - (b & 0x7f7f7f7f)) ^ ((a ^ ~b) & 0x80808080)
        }
      } else {
        row.set(words.subarray(at, at + width))
      }
      tokens[count++] = filter
      s1 += filter
      s2 += s1
      // Literals for words that differ from the one before, matches 4 back for runs; Adler-32 along the way.
      let x = 0
      while (x < width) {
        const word = row[x] as number
        const from = x
        if (x > 0 && word === row[x - 1]) {
          let end = x + 1
          while (end < width && row[end] === word) end++
          let length = (end - x) * 4
          while (length >= 3) {
            const take = length > 258 ? (length - 258 < 3 ? length - 3 : 258) : length
            tokens[count++] = 256 + take
            length -= take
          }
          for (let k = length; k > 0; k--) tokens[count++] = rowBytes[end * 4 - k] as number
          x = end
        } else {
          const b = x * 4
          tokens[count] = rowBytes[b] as number
          tokens[count + 1] = rowBytes[b + 1] as number
          tokens[count + 2] = rowBytes[b + 2] as number
          tokens[count + 3] = rowBytes[b + 3] as number
          count += 4
          x++
        }
        // Adler-32 of the words just coded, all equal to `word`.
        if (word === 0) {
          // Most of a whiteboard: zero bytes only add s1 to s2, once per byte.
          s1 %= MOD_ADLER
          s2 = (s2 + mulMod((4 * (x - from)) % MOD_ADLER, s1)) % MOD_ADLER
          continue
        }
        const b0 = rowBytes[from * 4] as number
        const b1 = rowBytes[from * 4 + 1] as number
        const b2 = rowBytes[from * 4 + 2] as number
        const b3 = rowBytes[from * 4 + 3] as number
        for (let k = from; k < x; k++) {
          s1 += b0
          s2 += s1
          s1 += b1
          s2 += s1
          s1 += b2
          s2 += s1
          s1 += b3
          s2 += s1
          if (s2 >= ADLER_REDUCE_AT) {
            s1 %= MOD_ADLER
            s2 %= MOD_ADLER
          }
        }
      }
      s1 %= MOD_ADLER
      s2 %= MOD_ADLER
    }
    this.above.set(words.subarray((rows - 1) * width, rows * width))
    this.count = count
    this.s1 = s1
    this.s2 = s2
    this.added += rows
  }

  private ownScratch(): void {
    if (scratch?.owner !== this) throw new Error('another band was started before this one was finished')
  }

  /** The band, once all its rows are added. */
  finish(): CompressedBand {
    if (this.added !== this.rows) throw new Error(`${this.added} of the band's ${this.rows} rows added`)
    this.ownScratch()
    const { out, last } = this
    writeBlock(out, this.tokens, this.count, last)
    out.ensure(12)
    if (!last) out.put(0, 3) // an empty stored block (BFINAL 0, BTYPE 00), as zlib's sync flush ends …
    out.align()
    if (!last) {
      out.put(0, 16) // … LEN 0
      out.put(0xffff, 16) // … NLEN, its complement
    }
    // The chunk around the data, in the same buffer: the band's only copy of its bytes.
    const chunk = out.bytes.subarray(0, out.at + 4)
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.length)
    view.setUint32(0, out.at - 8)
    chunk.set(IDAT, 4)
    view.setUint32(out.at, (crc32(chunk.subarray(4, out.at)) ^ 0xffffffff) >>> 0)
    return { chunk, adler: ((this.s2 << 16) | this.s1) >>> 0, length: this.rows * (4 * this.width + 1) }
  }
}

/** A band's rows, all at once (see ScanlineCompressor). */
export function compressScanlines(pixels: Uint8Array | Uint8ClampedArray, width: number, rows: number, last: boolean): CompressedBand {
  const band = new ScanlineCompressor(width, rows, last)
  band.add(pixels, rows)
  return band.finish()
}

const IDAT = Uint8Array.from('IDAT', (ch) => ch.charCodeAt(0))

/** Writes tokens as one block with dynamic Huffman codes. */
function writeBlock(out: BitWriter, tokens: Uint32Array, count: number, final: boolean): void {
  // Counted by token (a literal, or 256 + a match's length), then by symbol: no lookup per token.
  const perToken = new Uint32Array(TOKENS)
  for (let i = 0; i < count; i++) {
    const token = tokens[i] as number
    perToken[token] = (perToken[token] as number) + 1
  }
  const freq = new Uint32Array(286)
  freq[256] = 1 // end of block
  for (let token = 0; token < TOKENS; token++) add(freq, token < 256 ? token : 257 + (LENGTH_INDEX[token - 256] as number), perToken[token] as number)
  const litLengths = codeLengths(freq, 15)
  const litCodes = canonicalCodes(litLengths)
  let hlit = 286
  while (hlit > 257 && litLengths[hlit - 1] === 0) hlit--

  // The code lengths of both alphabets, run-length coded with symbols 16–18.
  const all = new Uint8Array(hlit + DISTANCE_LENGTHS.length)
  all.set(litLengths.subarray(0, hlit))
  all.set(DISTANCE_LENGTHS, hlit)
  const runs: number[] = [] // symbol, then its extra bits' value for 16–18
  for (let i = 0; i < all.length; ) {
    const length = all[i] as number
    let run = 1
    while (i + run < all.length && all[i + run] === length) run++
    i += run
    if (length === 0) {
      while (run >= 11) {
        const take = Math.min(run, 138)
        runs.push(18, take - 11)
        run -= take
      }
      if (run >= 3) {
        runs.push(17, run - 3)
        run = 0
      }
    } else {
      runs.push(length, 0)
      run--
      while (run >= 3) {
        const take = Math.min(run, 6)
        runs.push(16, take - 3)
        run -= take
      }
    }
    while (run-- > 0) runs.push(length, 0)
  }
  const clFreq = new Uint32Array(19)
  for (let i = 0; i < runs.length; i += 2) add(clFreq, runs[i] as number, 1)
  const clLengths = codeLengths(clFreq, 7)
  const clCodes = canonicalCodes(clLengths)
  let hclen = 19
  while (hclen > 4 && clLengths[CODE_LENGTH_ORDER[hclen - 1] as number] === 0) hclen--

  // Room for the header and the worst case of 21 bits a token.
  out.ensure(600 + count * 3)
  out.put(final ? 1 : 0, 1)
  out.put(2, 2) // dynamic Huffman codes
  out.put(hlit - 257, 5)
  out.put(DISTANCE_LENGTHS.length - 1, 5)
  out.put(hclen - 4, 4)
  for (let i = 0; i < hclen; i++) out.put(clLengths[CODE_LENGTH_ORDER[i] as number] as number, 3)
  for (let i = 0; i < runs.length; i += 2) {
    const symbol = runs[i] as number
    out.put(clCodes[symbol] as number, clLengths[symbol] as number)
    if (symbol === 16) out.put(runs[i + 1] as number, 2)
    else if (symbol === 17) out.put(runs[i + 1] as number, 3)
    else if (symbol === 18) out.put(runs[i + 1] as number, 7)
  }

  // Each token's bits: a literal's code, or a match length's code, extra bits and distance code in one (at most 15 + 5 + 1).
  const tokenBits = new Uint32Array(TOKENS)
  const tokenCount = new Uint8Array(TOKENS)
  tokenBits.set(litCodes.subarray(0, 256))
  tokenCount.set(litLengths.subarray(0, 256))
  const distanceBits = DISTANCE_LENGTHS[3] as number
  for (let length = 3; length <= 258; length++) {
    const index = LENGTH_INDEX[length] as number
    const symbol = 257 + index
    const codeBits = litLengths[symbol] as number
    if (!codeBits) continue
    const extra = LENGTH_EXTRA[index] as number
    tokenBits[256 + length] = (litCodes[symbol] as number) | ((length - (LENGTH_BASE[index] as number)) << codeBits) | (DISTANCE_4 << (codeBits + extra))
    tokenCount[256 + length] = codeBits + extra + distanceBits
  }
  // The writer's state in locals: this loop writes every token of the image.
  const bytes = out.bytes
  let at = out.at
  let bits = out.bits
  let pending = out.count
  for (let i = 0; i < count; i++) {
    const token = tokens[i] as number
    bits |= (tokenBits[token] as number) << pending
    pending += tokenCount[token] as number
    while (pending >= 8) {
      bytes[at++] = bits & 0xff
      bits >>>= 8
      pending -= 8
    }
  }
  out.at = at
  out.bits = bits
  out.count = pending
  out.put(litCodes[256] as number, litLengths[256] as number)
}

/** Adler-32 of two byte runs one after the other, from each run's own (zlib's adler32_combine). */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % MOD_ADLER
  let sum1 = first & 0xffff
  let sum2 = (rem * sum1) % MOD_ADLER
  sum1 += (second & 0xffff) + MOD_ADLER - 1
  sum2 += (first >>> 16) + (second >>> 16) + MOD_ADLER - rem
  sum1 %= MOD_ADLER
  sum2 %= MOD_ADLER
  return ((sum2 << 16) | sum1) >>> 0
}

/** Adler-32 of the empty string, the start for combining. */
export const ADLER_START = 1

/** zlib's header for a deflate stream with a 32 KB window, marked "fastest". */
const ZLIB_HEADER = Uint8Array.of(0x78, 0x01)

/**
 * The parts of an RGBA PNG, in order, around its bands' IDAT chunks
 * (CompressedBand.chunk): the zlib header before them, and
 * the Adler-32 of all the bands' scanlines after them.
 */
export function pngParts(width: number, height: number, bandChunks: readonly Uint8Array[], adler: number): Uint8Array[] {
  const header = new Uint8Array(13)
  const view = new DataView(header.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  header.set([8, 6, 0, 0, 0], 8) // 8 bits per sample, RGBA, deflate, adaptive filters, not interlaced
  const trailer = new Uint8Array(4)
  new DataView(trailer.buffer).setUint32(0, adler)
  return [PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', ZLIB_HEADER), ...bandChunks, pngChunk('IDAT', trailer), pngChunk('IEND', new Uint8Array(0))]
}
