import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecentBoards } from '../desktop/recentBoards'
import { createBoardHandlers, createBoardServices, type AppServices, type WindowHost } from '../handlers'
import { MAX_TEXT_FILE_BYTES, readTextFile, writeTextFile } from './textFiles'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orgboard-text-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('text files for export and import', () => {
  it('reads UTF-8 text without its byte-order mark', async () => {
    await writeFile(join(dir, 'plan.csv'), '\uFEFFtitle\nReduce cloud spend by 20%\n')
    expect(await readTextFile(join(dir, 'plan.csv'))).toEqual({ ok: true, text: 'title\nReduce cloud spend by 20%\n' })
  })

  it('refuses what is not text, too big, or not there, saying why', async () => {
    await writeFile(join(dir, 'latin1.csv'), Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0x0a]))
    expect(await readTextFile(join(dir, 'latin1.csv'))).toEqual({
      ok: false,
      message: 'Could not read "latin1.csv": it is not UTF-8 text (save it from your spreadsheet as “CSV UTF-8”).'
    })
    await writeFile(join(dir, 'image.canvas'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))
    expect(await readTextFile(join(dir, 'image.canvas'))).toEqual({ ok: false, message: 'Could not read "image.canvas": it is a binary file, not text.' })
    await writeFile(join(dir, 'huge.csv'), Buffer.alloc(MAX_TEXT_FILE_BYTES + 1, 0x41))
    expect(await readTextFile(join(dir, 'huge.csv'))).toMatchObject({ ok: false, message: expect.stringContaining('larger than the 20 MB limit') })
    expect(await readTextFile(join(dir, 'gone.csv'))).toEqual({ ok: false, message: 'Could not read "gone.csv": the file or its folder does not exist.' })
    expect(await readTextFile(dir)).toMatchObject({ ok: false, message: expect.stringContaining('it is a folder') })
  })

  it('writes atomically, and says so when the folder is gone', async () => {
    expect(await writeTextFile(join(dir, 'map.mmd'), 'flowchart LR\n')).toEqual({ ok: true })
    expect(await readFile(join(dir, 'map.mmd'), 'utf8')).toBe('flowchart LR\n')
    expect(await writeTextFile(join(dir, 'missing', 'map.mmd'), 'flowchart LR\n')).toEqual({
      ok: false,
      message: 'Could not save "map.mmd": the file or its folder does not exist. Nothing was written.'
    })
  })
})

describe('export and import handlers', () => {
  const host = (exportPath: string | null, importPath: string | null): WindowHost => ({
    chooseOpenPath: async () => null,
    chooseSavePath: async () => null,
    confirmDiscard: async () => 'cancel',
    confirmConflict: async () => 'cancel',
    setWindowState: () => undefined,
    close: () => undefined,
    chooseExportPath: async () => exportPath,
    chooseImportPath: async () => importPath,
    send: () => undefined,
    showElsewhere: () => false,
    newWindow: () => undefined
  })
  const services = (): AppServices => ({ recent: new RecentBoards(join(dir, 'profile', 'recent.json')), ...createBoardServices(join(dir, 'profile')) })

  it('adds the format’s extension to an export and names the file it wrote', async () => {
    const handlers = createBoardHandlers(host(join(dir, 'Harbour & Pine'), null), services())
    expect(await handlers.exportText({ format: 'jsonCanvas', text: '{"nodes":[],"edges":[]}\n', suggestedName: 'Harbour & Pine' })).toEqual({
      status: 'saved',
      path: join(dir, 'Harbour & Pine.canvas'),
      name: 'Harbour & Pine.canvas'
    })
    expect(await readFile(join(dir, 'Harbour & Pine.canvas'), 'utf8')).toBe('{"nodes":[],"edges":[]}\n')
  })

  it('returns an imported file’s text and name, or nothing when cancelled', async () => {
    await writeFile(join(dir, 'initiatives.csv'), 'title\nCut onboarding time from 6 weeks to 2\n')
    expect(await createBoardHandlers(host(null, join(dir, 'initiatives.csv')), services()).importFile({ format: 'csv' })).toEqual({
      status: 'read',
      path: join(dir, 'initiatives.csv'),
      name: 'initiatives',
      text: 'title\nCut onboarding time from 6 weeks to 2\n'
    })
    expect(await createBoardHandlers(host(null, null), services()).importFile({ format: 'csv' })).toEqual({ status: 'cancelled' })
    expect(await createBoardHandlers(host(null, null), services()).exportText({ format: 'mermaid', text: '', suggestedName: 'x' })).toEqual({ status: 'cancelled' })
  })
})
