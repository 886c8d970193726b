import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import type { Board } from '../board'
import { cardKind } from '../kinds'
import { parseBoardText } from '../load'
import { serializeBoard } from '../serialize'
import { boardTextFromSvg, looksLikeSvg } from './embed'
import { colourCount, colourDistance, harbourAndPine, nodeExportFonts, pixelAt, rsvgPng } from './fonts.testing'
import { buildScene, type Scene } from './scene'
import { BOARD_SVG_NAMESPACE, sceneToSvg } from './svg'

const fonts = nodeExportFonts()

function exportSvg(board: Board, padding = 32): { svg: string; scene: Scene } {
  const scene = buildScene(board, fonts, { background: 'light', padding })
  return { scene, svg: sceneToSvg(scene, fonts, { title: 'Harbour & Pine', boardText: serializeBoard(board) }) }
}

function parseXml(svg: string) {
  const errors: string[] = []
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(svg, 'image/svg+xml')
  expect(errors).toEqual([])
  return doc
}

const all = (doc: ReturnType<typeof parseXml>, tag: string): XmlElement[] => Array.from(doc.getElementsByTagName(tag))

// Rendering runs librsvg in a child process: allow for a busy machine.
describe('the SVG export of the freight trains and gardens map', { timeout: 60_000 }, () => {
  const board = harbourAndPine()
  const { svg, scene } = exportSvg(board)
  const doc = parseXml(svg)

  it('is real vector: shapes, paths and text; no foreignObject, no embedded image, no web font', () => {
    expect(all(doc, 'foreignObject')).toHaveLength(0)
    expect(all(doc, 'image')).toHaveLength(0)
    expect(svg).not.toMatch(/@font-face|data:|<style|href="(?!#)/)
    expect(all(doc, 'path').length).toBeGreaterThan(board.cards.length * 3)
    expect(doc.documentElement?.getAttribute('viewBox')).toBe(`0 0 ${scene.width} ${scene.height}`)
  })

  it('has every card title as text: whole in the card title, and line by line in <text>', () => {
    const titles = all(doc, 'title').map((t) => t.textContent ?? '')
    const texts = all(doc, 'text').map((t) => t.textContent ?? '')
    for (const card of board.cards) {
      expect(titles).toContain(`${cardKind(card.kind).label}: ${card.title}`)
      const words = card.title.split(/\s+/)
      // The title's words appear, in order, across the card's text lines.
      const group = all(doc, 'g').find((g) => g.getAttribute('data-id') === card.id && g.getAttribute('data-role') === 'card')
      const lines = Array.from(group?.getElementsByTagName('text') ?? []).map((t) => t.textContent ?? '')
      expect(lines.join(' ')).toContain(words.slice(0, 3).join(' '))
    }
    expect(texts).toContain('FREIGHT TRAIN')
    // The conditional dependency's label, cut with an ellipsis at the canvas's 260 px like the canvas does.
    expect(texts.find((t) => t.startsWith('only if the pilot with two'))).toMatch(/…$/)
  })

  it('carries the board in <metadata>, which reads back as the identical document', () => {
    const element = doc.getElementsByTagNameNS(BOARD_SVG_NAMESPACE, 'board')[0]
    expect(element?.parentNode?.nodeName).toBe('metadata')
    const text = boardTextFromSvg(svg)
    expect(text).toBe(serializeBoard(board))
    const reread = parseBoardText(text ?? '')
    expect(reread.ok && serializeBoard(reread.board)).toBe(serializeBoard(board))
    expect(looksLikeSvg(svg)).toBe(true)
  })

  it('renders in librsvg: the right size, not blank, and each card in its kind’s fill where the canvas puts it', () => {
    const png = PNG.sync.read(rsvgPng(svg))
    expect([png.width, png.height]).toEqual([scene.width, scene.height])
    expect(colourCount(png)).toBeGreaterThan(20)
    for (const card of board.cards) {
      const spec = cardKind(card.kind)
      if (spec.container) continue // see-through, and full of other cards
      // Near the bottom corners inside the card, clear of its text and border.
      const y = card.y - scene.origin.y + card.height - 12
      for (const x of [card.x - scene.origin.x + 30, card.x - scene.origin.x + card.width - 30]) {
        expect(colourDistance(pixelAt(png, x, y), spec.fill), `${card.title} at ${x},${y}`).toBeLessThan(40)
      }
    }
  })
})

describe('SVG export of awkward boards', { timeout: 60_000 }, () => {
  const base = harbourAndPine()

  it('draws a card placed far off-screen, and grows the image to hold it', () => {
    const far = { ...base.cards.find((c) => c.kind === 'wall'), id: 'far-wall', title: 'A wall far away', x: 30000, y: 20000 } as Board['cards'][number]
    const board = { ...base, cards: [...base.cards, far] }
    const { svg, scene } = exportSvg(board, 0)
    expect(scene.width).toBeGreaterThan(30000)
    expect(svg).toContain('A wall far away')
    const png = PNG.sync.read(rsvgPng(svg, 0.05))
    const x = (far.x - scene.origin.x + far.width / 2) * 0.05
    const y = (far.y - scene.origin.y + far.height / 2) * 0.05
    expect(colourDistance(pixelAt(png, x, y), cardKind('wall').fill)).toBeLessThan(60)
  })

  it('keeps hostile titles as text: markup in a title cannot break out of the SVG', () => {
    const title = '</text></g><script>alert(1)</script><foreignObject/> & "quotes" \u0001'
    const board = { ...base, cards: base.cards.map((c, i) => (i === 0 ? { ...c, title } : c)) }
    const { svg } = exportSvg(board)
    const doc = parseXml(svg)
    expect(all(doc, 'script')).toHaveLength(0)
    expect(all(doc, 'foreignObject')).toHaveLength(0)
    expect(all(doc, 'title').some((t) => t.textContent?.includes('<script>alert(1)</script>'))).toBe(true)
    expect(boardTextFromSvg(svg)).toBe(serializeBoard(board))
  })

  it('draws characters Inter lacks (emoji, CJK) as text the viewer fills in, and the rest as outlines', () => {
    const note = base.cards.find((c) => c.kind === 'note')
    if (!note) throw new Error('no note')
    const board = { ...base, cards: [{ ...note, title: 'Salaries ✈ 日本' }] }
    const { svg } = exportSvg(board)
    const visible = all(parseXml(svg), 'text').filter((t) => t.getAttribute('fill') !== 'none')
    expect(visible.map((t) => t.textContent)).toEqual(['✈', '日本'])
  })
})

describe('reading a board back from an SVG someone edited', () => {
  it('finds it under another prefix and in CDATA, as Inkscape may write it', () => {
    const text = '{"format":"orgboard","title":"A & B <c>"}'
    const svg = `<?xml version="1.0"?>\n<!-- edited -->\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="${BOARD_SVG_NAMESPACE}"><metadata><x:board><![CDATA[${text}]]></x:board></metadata></svg>`
    expect(boardTextFromSvg(svg)).toBe(text)
    expect(looksLikeSvg(svg)).toBe(true)
  })

  it('finds nothing in an SVG without a board, and does not take other XML for an SVG', () => {
    expect(boardTextFromSvg('<svg xmlns="http://www.w3.org/2000/svg"><metadata><rdf:RDF/></metadata></svg>')).toBeUndefined()
    expect(looksLikeSvg('<?xml version="1.0"?><html/>')).toBe(false)
    expect(looksLikeSvg('{"format":"orgboard"}')).toBe(false)
  })
})
