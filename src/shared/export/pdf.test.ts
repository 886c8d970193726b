import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, it } from 'vitest'
import { cardKind } from '../kinds'
import { colourCount, colourDistance, harbourAndPine, nodeExportFonts, pixelAt } from './fonts.testing'
import { sceneToPdf } from './pdf'
import { buildScene } from './scene'

const fonts = nodeExportFonts()
const board = harbourAndPine()
const scene = buildScene(board, fonts, { background: 'light', padding: 32 })
const folder = mkdtempSync(join(tmpdir(), 'orgboard-pdf-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Renders page 1 with poppler's pdftoppm (Debian poppler-utils) at `dpi`. */
function render(pdf: Uint8Array, dpi: number) {
  const file = join(folder, 'board.pdf')
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', file, join(folder, 'page')])
  return PNG.sync.read(readFileSync(join(folder, 'page.png')))
}

describe('the PDF export', { timeout: 60_000 }, () => {
  it('fits one page to the board at its on-screen size (1 px = 0.75 pt), and renders it, not blank', async () => {
    const pdf = await sceneToPdf(scene, fonts, { page: 'fit', title: 'Harbour & Pine' })
    const doc = await PDFDocument.load(pdf)
    expect(doc.getPageCount()).toBe(1)
    const { width, height } = doc.getPage(0).getSize()
    expect(width).toBeCloseTo(scene.width * 0.75, 1)
    expect(height).toBeCloseTo(scene.height * 0.75, 1)
    expect(doc.getTitle()).toBe('Harbour & Pine')

    // At 96 dpi one PDF pixel is one board unit again: cards sit where the canvas puts them.
    const png = render(pdf, 96)
    expect(colourCount(png)).toBeGreaterThan(20)
    for (const card of board.cards.filter((c) => !cardKind(c.kind).container)) {
      const y = card.y - scene.origin.y + card.height - 12
      for (const x of [card.x - scene.origin.x + 30, card.x - scene.origin.x + card.width - 30]) {
        expect(colourDistance(pixelAt(png, x, y), cardKind(card.kind).fill), card.title).toBeLessThan(40)
      }
    }
  })

  it('has its text as real, searchable text in the embedded Inter, not as outlines', async () => {
    const pdf = await sceneToPdf(scene, fonts, { page: 'fit', title: 'Harbour & Pine' })
    const file = join(folder, 'text.pdf')
    writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    for (const words of ['Data warehouse migration', 'Delay prediction model', 'FREIGHT TRAIN', 'only if the pilot', 'Growth team']) {
      expect(text).toContain(words)
    }
    const fontList = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    expect(fontList).toMatch(/Inter/)
    expect(fontList).not.toMatch(/Helvetica|Times/)
  })

  it.each([
    ['a4', 841.89, 595.28],
    ['a3', 1190.55, 841.89]
  ] as const)('puts the board on an %s landscape sheet', async (page, w, h) => {
    const pdf = await sceneToPdf(scene, fonts, { page, title: 'Harbour & Pine' })
    const size = (await PDFDocument.load(pdf)).getPage(0).getSize()
    expect(size.width).toBeCloseTo(w, 1)
    expect(size.height).toBeCloseTo(h, 1)
    expect(colourCount(render(pdf, 50))).toBeGreaterThan(10)
  })

  it('keeps a huge board within the page size PDF viewers accept', async () => {
    const far = { ...board.cards[1], id: 'far', x: 60000, y: 40000 } as (typeof board.cards)[number]
    const huge = buildScene({ ...board, cards: [...board.cards, far] }, fonts, { background: 'light', padding: 0 })
    const size = (await PDFDocument.load(await sceneToPdf(huge, fonts, { page: 'fit', title: 'x' }))).getPage(0).getSize()
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(14400)
    expect(size.width / size.height).toBeCloseTo(huge.width / huge.height, 2)
  })
})
