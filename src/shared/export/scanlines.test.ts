import fc from 'fast-check'
import { PNG } from 'pngjs'
import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { canonicalCodes, codeLengths } from './huffman'
import { pngChunks } from './png'
import { ADLER_START, adler32Combine, compressScanlines, pngParts, ScanlineCompressor } from './scanlines'
import { warmUpRows, warmUpScanlines } from './scanlinesWarmUp'

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

/** Encodes the image in bands of `bandRows` rows, as the export's workers do, and decodes it with pngjs (zlib checks the Adler-32, pngjs each CRC). */
function roundTrip(pixels: Uint8Array, width: number, height: number, bandRows: number): { decoded: Uint8Array; bytes: number } {
  const chunks: Uint8Array[] = []
  let adler = ADLER_START
  for (let top = 0; top < height; top += bandRows) {
    const rows = Math.min(bandRows, height - top)
    const band = compressScanlines(pixels.slice(top * width * 4, (top + rows) * width * 4), width, rows, top + rows >= height)
    chunks.push(band.chunk)
    adler = adler32Combine(adler, band.adler, band.length)
  }
  const parts = pngParts(width, height, chunks, adler)
  const file = Buffer.concat(parts)
  const png = PNG.sync.read(file, { checkCRC: true })
  expect([png.width, png.height]).toEqual([width, height])
  return { decoded: new Uint8Array(png.data), bytes: file.length }
}

/** A whiteboard: a warm background, cards with borders, a few lines of "text" (noise). */
function whiteboard(width: number, height: number, seed = 1): Uint8Array {
  const pixels = new Uint8Array(width * height * 4)
  const set = (x: number, y: number, rgba: readonly number[]): void => pixels.set(rgba, (y * width + x) * 4)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) set(x, y, [246, 245, 241, 255])
  let random = seed
  const next = (): number => (random = (random * 1103515245 + 12345) >>> 0) / 2 ** 32
  for (let card = 0; card < 12; card++) {
    const left = Math.floor(next() * (width - 60))
    const top = Math.floor(next() * (height - 40))
    for (let y = top; y < top + 40; y++) {
      for (let x = left; x < left + 60; x++) {
        const edge = y === top || y === top + 39 || x === left || x === left + 59
        set(x, y, edge ? [43, 108, 176, 255] : [255, 255, 255, 255])
      }
    }
    for (let x = left + 4; x < left + 50; x++) if (next() < 0.5) set(x, top + 8, [30, 30, 30, Math.floor(next() * 256)])
  }
  return pixels
}

describe('PNG scanlines compressed in bands', () => {
  it('decodes the warm-up image, whose noise fills a block of tokens mid-band, to its pixels', () => {
    const [width, height] = [1536, 320]
    const pixels = warmUpRows(width, height)
    // Compared as buffers: toEqual on 2 MB of bytes takes seconds.
    expect(Buffer.from(roundTrip(pixels, width, height, height).decoded).equals(Buffer.from(pixels))).toBe(true)
    expect(() => warmUpScanlines()).not.toThrow()
  })

  it('decodes to the same pixels, whole or in bands of any height (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer(),
        (width, height, bandRows, texture, seed) => {
          // Textures from flat (long runs) to noise (no runs), with runs of repeated pixels in between.
          let random = seed >>> 0
          const next = (): number => (random = (random * 1103515245 + 12345) >>> 0) >>> 24
          const pixels = new Uint8Array(width * height * 4)
          const palette = [0, 1, 255, 128].slice(0, texture + 1)
          for (let i = 0; i < pixels.length; i += 4) {
            const repeat = texture < 3 && i >= 4 && next() < 200
            for (let c = 0; c < 4; c++) pixels[i + c] = repeat ? (pixels[i + c - 4] as number) : texture === 3 ? next() : (palette[next() % palette.length] as number)
          }
          expect(Buffer.from(roundTrip(pixels, width, height, bandRows).decoded)).toEqual(Buffer.from(pixels))
        }
      ),
      { numRuns: 150 }
    )
  })

  it('keeps a wide whiteboard exact and small, through blocks of new Huffman codes', () => {
    const width = 1500
    const height = 400
    const pixels = whiteboard(width, height)
    const { decoded, bytes } = roundTrip(pixels, width, height, 128)
    expect(Buffer.from(decoded).equals(pixels)).toBe(true) // not toEqual: it compares 2.4 MB a byte at a time
    // 2.4 MB of pixels: mostly runs of the same difference, so a few KB.
    expect(bytes).toBeLessThan(pixels.length / 100)
  })

  it('writes more than one block when a band has more tokens than a block holds', () => {
    // Noise: every byte a literal, so 1,048,576 tokens fill a block long before the band ends.
    const width = 700
    const height = 400
    let random = 7
    const pixels = Uint8Array.from({ length: width * height * 4 }, () => (random = (random * 1103515245 + 12345) >>> 0) >>> 24)
    expect(Buffer.from(roundTrip(pixels, width, height, height).decoded).equals(pixels)).toBe(true)
  })

  it('gives the same band whether its rows come all at once or a few at a time (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 20 }), fc.boolean(), (width, rows, sizes, last) => {
        const pixels = whiteboard(Math.max(width, 60), rows + 40, rows).slice(0, width * rows * 4)
        const whole = compressScanlines(pixels, width, rows, last)
        const band = new ScanlineCompressor(width, rows, last)
        let added = 0
        for (let i = 0; added < rows; i++) {
          const n = Math.min(sizes[i % sizes.length] as number, rows - added)
          // Each piece in a buffer of its own, as the worker reads them.
          band.add(pixels.slice(added * width * 4, (added + n) * width * 4), n)
          added += n
        }
        const pieces = band.finish()
        expect(Buffer.from(pieces.chunk).equals(whole.chunk)).toBe(true)
        expect([pieces.adler, pieces.length]).toEqual([whole.adler, whole.length])
      })
    )
  })

  it('refuses rows past the band, a band finished short, and two bands at once (they share scratch)', () => {
    const band = new ScanlineCompressor(4, 2, true)
    band.add(new Uint8Array(4 * 4), 1)
    expect(() => band.finish()).toThrow('1 of the band')
    expect(() => band.add(new Uint8Array(4 * 4 * 2), 2)).toThrow('more rows than')
    const next = new ScanlineCompressor(4, 1, true)
    expect(() => band.add(new Uint8Array(4 * 4), 1)).toThrow('another band was started')
    next.add(new Uint8Array(4 * 4), 1)
    expect(next.finish().length).toBe(17)
  })

  it('gives each band the Adler-32 and length of its scanlines, and ends a band that is not last on a byte boundary', () => {
    const width = 5
    const pixels = Uint8Array.from({ length: width * 4 * 4 }, (_, i) => (i * 37) % 251)
    const band = compressScanlines(pixels, width, 4, false)
    const [idat] = pngChunks(Buffer.concat([Buffer.alloc(8), band.chunk]))
    expect(idat?.type).toBe('IDAT')
    const data = band.chunk.subarray(8, -4)
    expect(idat?.length).toBe(data.length)
    const raw = inflateRawSync(Buffer.concat([data, Buffer.from([0x03, 0x00])])) // + an empty final block
    expect(raw.length).toBe(band.length)
    expect(band.length).toBe(4 * (1 + 4 * width))
    expect(band.adler).toBe(adler32(raw))
    expect([...data.subarray(-4)]).toEqual([0x00, 0x00, 0xff, 0xff])
    // Filter None on the band's first row, Up on the others.
    expect([0, 1, 2, 3].map((y) => raw[y * (1 + 4 * width)])).toEqual([0, 2, 2, 2])
  })

  it('combines Adler-32s as one over both runs (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 }), (a, b) => {
        const both = new Uint8Array([...a, ...b])
        expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(adler32(both))
      })
    )
    // Long runs of 0xff, where the sums wrap many times.
    const ones = new Uint8Array(200_000).fill(255)
    expect(adler32Combine(adler32(ones), adler32(ones), ones.length)).toBe(adler32(new Uint8Array(400_000).fill(255)))
  })
})

describe('Huffman code lengths', () => {
  const kraft = (lengths: Uint8Array): number => lengths.reduce((sum, l) => sum + (l ? 2 ** -l : 0), 0)

  it('make a complete prefix code no longer than the limit, shorter codes for more frequent symbols (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 2, maxLength: 286 }), fc.integer({ min: 7, max: 15 }), (freq, limit) => {
        const lengths = codeLengths(freq, limit)
        const used = freq.filter((f) => f > 0).length
        if (used === 0) return expect(kraft(lengths)).toBe(0)
        expect(Math.max(...lengths)).toBeLessThanOrEqual(limit)
        expect(kraft(lengths)).toBe(1)
        freq.forEach((f, s) => {
          if (f === 0 && used > 1) expect(lengths[s]).toBe(0)
          freq.forEach((g, t) => {
            if (f > g && g > 0) expect(lengths[s]).toBeLessThanOrEqual(lengths[t] as number)
          })
        })
      })
    )
  })

  it('limit the lengths of very skewed frequencies (Fibonacci, which would need 30 bits)', () => {
    const freq = [1, 1]
    while (freq.length < 31) freq.push((freq.at(-1) as number) + (freq.at(-2) as number))
    const lengths = codeLengths(freq, 15)
    expect(Math.max(...lengths)).toBe(15)
    expect(kraft(lengths)).toBe(1)
  })

  it('give a lone symbol a 1-bit partner, and canonical codes in order of length then symbol', () => {
    expect([...codeLengths([0, 0, 5], 15)]).toEqual([1, 0, 1])
    // RFC 1951 3.2.2's example: lengths (3, 3, 3, 3, 3, 2, 4, 4) give F=00, A=010 … H=1111 (here bit-reversed).
    const codes = canonicalCodes(Uint8Array.of(3, 3, 3, 3, 3, 2, 4, 4))
    const reverse = (code: number, bits: number): string => code.toString(2).padStart(bits, '0').split('').reverse().join('')
    expect([...codes].map((c, i) => reverse(c, [3, 3, 3, 3, 3, 2, 4, 4][i] as number))).toEqual(['010', '011', '100', '101', '110', '00', '1110', '1111'])
  })
})
