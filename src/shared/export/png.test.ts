import { deflateSync } from 'node:zlib'
import { PNG } from 'pngjs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BOARD_PNG_KEYWORD, boardTextFromPng, crc32, iTXtData, isPng, pngChunks, pngParts, packRgb, pngSize, scanlines, withBoardChunk } from './png'

function smallPng(width = 3, height = 2): Uint8Array {
  const png = new PNG({ width, height })
  png.data.fill(200)
  return new Uint8Array(PNG.sync.write(png))
}

const board = '{\n  "format": "orgboard",\n  "title": "Where do the $40M of salaries go? «Ünïcödé» ✈ 日本"\n}\n'

describe('a PNG from compressed scanlines', () => {
  const [width, height] = [700, 500]
  // Noise, so the compressed data spans several IDAT chunks.
  const noise = (bytes: Uint8Array): Uint8Array => {
    for (let i = 0, x = 7; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24
    return bytes
  }

  it('is a valid RGBA PNG with exactly those pixels, its data split over IDAT chunks of 1 MiB', () => {
    const pixels = noise(new Uint8Array(width * height * 4))
    const parts = pngParts(width, height, 'rgba', [new Uint8Array(deflateSync(scanlines(pixels, width, height, 'rgba'), { level: 0 }))])
    const file = Buffer.concat(parts)
    const decoded = PNG.sync.read(file, { checkCRC: true })
    expect([decoded.width, decoded.height]).toEqual([width, height])
    expect(Buffer.from(decoded.data).equals(Buffer.from(pixels))).toBe(true)
    const types = pngChunks(new Uint8Array(file)).map((c) => c.type)
    expect(types.filter((t) => t === 'IDAT').length).toBe(2)
    expect([types[0], types.at(-1)]).toEqual(['IHDR', 'IEND'])
    expect(boardTextFromPng(withBoardChunk(new Uint8Array(file), board))).toBe(board)
  })

  it('is an RGB PNG (colour type 2) of the same colours for an opaque image', () => {
    const pixels = noise(new Uint8Array(width * height * 4))
    for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255
    const lines = scanlines(pixels, width, height, 'rgb')
    expect(lines.length).toBe(height * (width * 3 + 1))
    const file = Buffer.concat(pngParts(width, height, 'rgb', [new Uint8Array(deflateSync(lines))]))
    expect(file[25]).toBe(2) // the IHDR's colour type
    const decoded = PNG.sync.read(file, { checkCRC: true })
    expect(Buffer.from(decoded.data).equals(Buffer.from(pixels))).toBe(true)
  })
})

describe('RGBA pixels packed as RGB', () => {
  const byteByByte = (rgba: Uint8Array): number[] => [...rgba].filter((_, i) => i % 4 !== 3)

  it('keeps every colour byte in order, for any pixel count and whether or not the arrays are word-aligned', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4 * 41, size: 'max' }), fc.boolean(), fc.boolean(), (bytes, offsetIn, offsetOut) => {
        const pixels = bytes.length >> 2
        const rgba = new Uint8Array(pixels * 4 + 1).subarray(offsetIn ? 1 : 0, (offsetIn ? 1 : 0) + pixels * 4)
        rgba.set(bytes.subarray(0, pixels * 4))
        const out = new Uint8Array(pixels * 3 + 5).subarray(offsetOut ? 1 : 0)
        packRgb(rgba, out)
        expect([...out.subarray(0, pixels * 3)]).toEqual(byteByByte(rgba))
        expect([...out.subarray(pixels * 3)].every((b) => b === 0)).toBe(true) // nothing written past the pixels
      })
    )
  })

  it('makes scanlines of any width: a zero filter byte, then the row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 23 }), fc.integer({ min: 1, max: 4 }), fc.integer(), (width, rows, seed) => {
        const rgba = new Uint8Array(width * rows * 4).map((_, i) => (seed * 31 + i * 7) & 0xff)
        const lines = scanlines(rgba, width, rows, 'rgb')
        const expected: number[] = []
        for (let row = 0; row < rows; row++) expected.push(0, ...byteByByte(rgba.subarray(row * width * 4, (row + 1) * width * 4)))
        expect([...lines]).toEqual(expected)
      })
    )
  })
})

describe('the board chunk in a PNG', () => {
  it('computes the standard CRC-32', () => {
    expect((crc32(new TextEncoder().encode('123456789')) ^ 0xffffffff) >>> 0).toBe(0xcbf43926)
  })

  it('round-trips the board text exactly, and the image stays a valid PNG with the same pixels', () => {
    const original = smallPng()
    const withBoard = withBoardChunk(original, board)
    expect(boardTextFromPng(withBoard)).toBe(board)
    // pngjs checks every chunk's CRC: a wrong one throws.
    const decoded = PNG.sync.read(Buffer.from(withBoard), { checkCRC: true })
    expect([decoded.width, decoded.height]).toEqual([3, 2])
    expect(Buffer.from(decoded.data)).toEqual(Buffer.from(PNG.sync.read(Buffer.from(original)).data))
    expect(pngChunks(withBoard).map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND'])
    expect(pngSize(withBoard)).toEqual({ width: 3, height: 2 })
  })

  it('replaces a board chunk already there instead of adding a second one', () => {
    const twice = withBoardChunk(withBoardChunk(smallPng(), 'first'), 'second')
    expect(pngChunks(twice).filter((c) => c.type === 'iTXt')).toHaveLength(1)
    expect(boardTextFromPng(twice)).toBe('second')
  })

  it('finds no board in a PNG without one, and ignores other text chunks', () => {
    expect(boardTextFromPng(smallPng())).toBeUndefined()
    expect(isPng(smallPng())).toBe(true)
    expect(isPng(new TextEncoder().encode('{"format":"orgboard"}'))).toBe(false)
  })

  it('says so when the board chunk is compressed (written by some other tool)', () => {
    const data = iTXtData(BOARD_PNG_KEYWORD, 'x')
    data[BOARD_PNG_KEYWORD.length + 1] = 1 // compression flag
    const png = withBoardChunk(smallPng(), 'placeholder')
    const chunk = pngChunks(png)[1]
    if (!chunk) throw new Error('no chunk')
    const patched = new Uint8Array(png)
    patched.set(data.subarray(0, chunk.length), chunk.offset)
    expect(boardTextFromPng(patched)).toEqual({ error: expect.stringMatching(/compressed/) })
  })

  it('refuses to add a board to something that is not a PNG', () => {
    expect(() => withBoardChunk(new TextEncoder().encode('GIF89a'), board)).toThrow(/Not a PNG/)
  })
})
