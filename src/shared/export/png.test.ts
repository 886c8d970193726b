import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { BOARD_PNG_KEYWORD, boardTextFromPng, crc32, iTXtData, isPng, pngChunks, pngSize, withBoardChunk } from './png'

function smallPng(width = 3, height = 2): Uint8Array {
  const png = new PNG({ width, height })
  png.data.fill(200)
  return new Uint8Array(PNG.sync.write(png))
}

const board = '{\n  "format": "orgboard",\n  "title": "Where do the $40M of salaries go? «Ünïcödé» ✈ 日本"\n}\n'

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
