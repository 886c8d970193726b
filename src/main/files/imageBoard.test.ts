import fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { withBoardChunk } from '../../shared/export/png'
import { BOARD_SVG_NAMESPACE } from '../../shared/export/svg'
import { serializeBoard } from '../../shared/serialize'
import { RecentBoards } from '../desktop/recentBoards'
import { createBoardHandlers, createBoardServices, type AppServices, type WindowHost } from '../handlers'
import { readBoardFile } from './boardFiles'
import { withExtension, writeExportFile } from './exportFiles'
import { sampleBoard } from './sampleBoard'

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'orgboard-images-'))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await fs.rm(dir, { recursive: true, force: true })
})

function png(width = 4, height = 3): Uint8Array {
  const image = new PNG({ width, height })
  image.data.fill(255)
  return new Uint8Array(PNG.sync.write(image))
}

const boardText = serializeBoard(sampleBoard())
const svgWith = (inner: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${inner}<rect width="10" height="10"/></svg>\n`
const escaped = boardText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

describe('opening a board from an exported image', () => {
  it('reads the board inside a PNG, identical to the board file', async () => {
    const path = join(dir, 'Harbour & Pine.png')
    await fs.writeFile(path, withBoardChunk(png(), boardText))
    expect(await readBoardFile(path)).toEqual({ ok: true, board: sampleBoard(), notices: [], warnings: [], hash: null, source: 'png' })
  })

  it('reads a PNG far over the board file limit by its chunk headers only', async () => {
    // signature + IHDR + board chunk + a 60 MB private chunk (sparse on disk) + IEND
    const start = withBoardChunk(png(), boardText)
    const iend = start.subarray(start.length - 12)
    const head = start.subarray(0, start.length - 12)
    const big = 60 * 1024 * 1024
    const header = new Uint8Array(8)
    new DataView(header.buffer).setUint32(0, big)
    header.set(new TextEncoder().encode('prVt'), 4)
    const path = join(dir, 'huge.png')
    await fs.writeFile(path, Buffer.concat([head, header]))
    await fs.truncate(path, head.length + 8 + big + 4)
    await fs.appendFile(path, iend)
    const readFile = vi.spyOn(fs, 'readFile')
    expect(await readBoardFile(path)).toMatchObject({ ok: true, source: 'png', board: sampleBoard() })
    expect(readFile).not.toHaveBeenCalled()
  })

  it('says clearly when a PNG carries no board', async () => {
    const path = join(dir, 'screenshot.png')
    await fs.writeFile(path, png())
    expect(await readBoardFile(path)).toEqual({
      ok: false,
      message: 'Could not open "screenshot.png": this PNG image carries no Orgboard board (only images exported by Orgboard do; open the .orgboard file instead).'
    })
  })

  it('explains a board inside an image that is broken, naming the image', async () => {
    const path = join(dir, 'edited.png')
    await fs.writeFile(path, withBoardChunk(png(), boardText.slice(0, 200)))
    const result = await readBoardFile(path)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(/^Could not open "edited\.png": the board inside it: it ends too early/)
  })

  it('reads the board inside an SVG, and says when an SVG has none', async () => {
    const withBoard = join(dir, 'map.svg')
    await fs.writeFile(withBoard, svgWith(`<metadata><ob:board xmlns:ob="${BOARD_SVG_NAMESPACE}">${escaped}</ob:board></metadata>`))
    expect(await readBoardFile(withBoard)).toEqual({ ok: true, board: sampleBoard(), notices: [], warnings: [], hash: expect.any(String), source: 'svg' })

    const plain = join(dir, 'logo.svg')
    await fs.writeFile(plain, svgWith(''))
    expect(await readBoardFile(plain)).toEqual({
      ok: false,
      message: 'Could not open "logo.svg": this SVG image carries no Orgboard board (only images exported by Orgboard do; open the .orgboard file instead).'
    })
  })
})

describe('writing an export', () => {
  it('writes bytes in parts and text, replacing an older export atomically without a backup', async () => {
    const path = join(dir, 'map.png')
    const bytes = png()
    // Parts of uneven sizes, one empty: the file is them one after another.
    const parts = [bytes.subarray(0, 8), bytes.subarray(8, 8), bytes.subarray(8, 29), bytes.subarray(29)]
    expect(await writeExportFile(path, parts)).toEqual({ ok: true })
    expect(new Uint8Array(await fs.readFile(path))).toEqual(bytes)
    expect(await writeExportFile(path, [png(8, 8)])).toEqual({ ok: true })
    expect(PNG.sync.read(await fs.readFile(path)).width).toBe(8)
    expect(await fs.readdir(dir)).toEqual(['map.png'])
  })

  it('says why it failed and writes nothing', async () => {
    const path = join(dir, 'gone', 'map.svg')
    expect(await writeExportFile(path, '<svg/>')).toEqual({
      ok: false,
      message: `Could not export "map.svg": its folder "${join(dir, 'gone')}" does not exist. Choose another folder. Nothing was written.`
    })
    expect(await fs.readdir(dir)).toEqual([])
  })

  it('adds the format’s extension unless the name has it', () => {
    expect(withExtension('/boards/map', 'png')).toBe('/boards/map.png')
    expect(withExtension('/boards/map.PDF', 'pdf')).toBe('/boards/map.PDF')
    expect(withExtension('/boards/map.png', 'svg')).toBe('/boards/map.png.svg')
  })
})

describe('the window handlers with images', () => {
  function host(answers: { open?: string; save?: string; export?: string | null }) {
    return {
      chooseOpenPath: vi.fn(async () => answers.open ?? null),
      chooseSavePath: vi.fn(async () => answers.save ?? null),
      chooseExportPath: vi.fn(async () => answers.export ?? null),
      confirmDiscard: vi.fn(async () => 'cancel' as const),
      confirmConflict: vi.fn(async () => 'cancel' as const),
      setWindowState: vi.fn(),
      close: vi.fn(),
      send: vi.fn(),
      showElsewhere: vi.fn(() => false),
      newWindow: vi.fn(),
      chooseImportPath: vi.fn(async () => null)
    } satisfies WindowHost
  }
  const services = (): AppServices => ({ recent: new RecentBoards(join(dir, 'profile', 'recent.json')), ...createBoardServices(join(dir, 'profile')) })

  it('opens a board from a PNG without taking the PNG as its file: Save asks where, and the PNG is untouched', async () => {
    const image = join(dir, 'Harbour & Pine.png')
    const bytes = withBoardChunk(png(), boardText)
    await fs.writeFile(image, bytes)
    const h = host({ open: image, save: join(dir, 'Harbour & Pine') })
    const handlers = createBoardHandlers(h, services())
    const opened = await handlers.openBoard()
    expect(opened).toMatchObject({ status: 'opened', name: 'Harbour & Pine', fromImage: 'png', board: sampleBoard() })
    expect(opened.status === 'opened' && opened.notices[0]).toMatch(/inside "Harbour & Pine\.png".*Save will ask/)
    expect(handlers.currentPath()).toBeNull()
    expect(await handlers.saveBoard({ board: sampleBoard(), saveAs: false })).toMatchObject({ status: 'saved', name: 'Harbour & Pine' })
    expect(h.chooseSavePath).toHaveBeenCalledOnce()
    expect(new Uint8Array(await fs.readFile(image))).toEqual(bytes)
    expect(await fs.readFile(join(dir, 'Harbour & Pine.orgboard'), 'utf8')).toBe(boardText)
  })

  it('exports to the chosen path with its extension, or reports a cancel or a failure', async () => {
    const ok = createBoardHandlers(host({ export: join(dir, 'slides') }), services())
    expect(await ok.exportImage({ format: 'svg', data: '<svg/>', suggestedName: 'Harbour & Pine' })).toEqual({
      status: 'exported',
      path: join(dir, 'slides.svg'),
      name: 'slides.svg'
    })
    expect(await fs.readFile(join(dir, 'slides.svg'), 'utf8')).toBe('<svg/>')
    expect(ok.currentPath()).toBeNull() // an export never becomes the board's file

    expect(await createBoardHandlers(host({ export: null }), services()).exportImage({ format: 'pdf', data: [new Uint8Array(3)], suggestedName: 'x' })).toEqual({
      status: 'cancelled'
    })
    const failed = await createBoardHandlers(host({ export: join(dir, 'no', 'such', 'map.pdf') }), services()).exportImage({
      format: 'pdf',
      data: [new Uint8Array(3)],
      suggestedName: 'x'
    })
    expect(failed).toMatchObject({ status: 'failed', message: expect.stringMatching(/does not exist.*Nothing was written/) })
  })
})
