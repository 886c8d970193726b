import { ScanlineCompressor } from './scanlines'

/**
 * Rows that take every path of the scanline compressor: noise (literals, a
 * block written mid-band), flat colour and zero differences (runs longer than
 * one match), bright runs (the Adler-32 sums reduced mid-row), short runs
 * with a few bytes left over. `rows` of `width` RGBA pixels.
 */
export function warmUpRows(width: number, rows: number): Uint8Array {
  const pixels = new Uint8Array(width * rows * 4)
  let seed = 7
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      switch ((y + (x >> 9)) % 4) {
        case 0: // noise
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
          pixels.set([seed >>> 24, (seed >>> 16) & 255, (seed >>> 8) & 255, 255], i)
          break
        case 1: // a light background
          pixels.set([248, 250, 252, 255], i)
          break
        case 2: {
          // stripes of a card colour, the blue changing from row to row
          const on = ((x * 7) >> 4) % 3 === 0
          pixels.set([on ? 43 : 246, on ? 108 : 245, y & 255, 255], i)
          break
        }
        default: // gradients
          pixels.set([x & 255, (x >> 3) & 255, (y * 3) & 255, 255], i)
      }
    }
  }
  return pixels
}

/**
 * Compresses a made-up image twice, so V8 compiles the compressor once with
 * every path already seen. Without it, a band worker's first bands of an
 * export recompiled it over and over: 880 ms of TurboFan on the other core
 * in the benchmark's trace, while both cores were needed for drawing.
 */
export function warmUpScanlines(): void {
  // Wide enough that noise rows fill a block of tokens mid-band.
  const width = 1536
  const rows = 320
  const pixels = warmUpRows(width, rows)
  for (let round = 0; round < 2; round++) {
    for (const last of [false, true]) {
      const band = new ScanlineCompressor(width, rows, last)
      band.add(pixels.subarray(0, width * 4 * 40), 40)
      band.add(pixels.subarray(width * 4 * 40), rows - 40)
      band.finish()
    }
  }
}
