import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Board } from '../../shared/board'
import { serializeBoard } from '../../shared/serialize'
import { MAX_BOARD_FILE_BYTES, formatBytes, migrationNotices, readBoardFile, writeBoardFile } from './boardFiles'
import { sampleBoard } from './sampleBoard'

let dir: string
let target: string
const fileName = 'Harbour & Pine offsite.orgboard'

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'orgboard-files-'))
  target = join(dir, fileName)
})

afterEach(async () => {
  vi.restoreAllMocks()
  await fs.rm(dir, { recursive: true, force: true })
})

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })
const tempFiles = async (folder = dir) => (await fs.readdir(folder)).filter((f) => f.endsWith('.tmp'))

function withTitle(board: Board, title: string): Board {
  return { ...board, cards: board.cards.map((c) => (c.id === 'ft-route' ? { ...c, title } : c)) }
}

describe('writeBoardFile then readBoardFile', () => {
  it('round-trips a board: same board back, file text is exactly serializeBoard', async () => {
    const board = sampleBoard()
    expect(await writeBoardFile(target, board)).toEqual({ ok: true })
    expect(await fs.readFile(target, 'utf8')).toBe(serializeBoard(board))
    expect(await readBoardFile(target)).toEqual({ ok: true, board, notices: [], source: 'board' })
  })

  it('leaves no temp files behind and keeps the previous save as .bak', async () => {
    const first = sampleBoard()
    const second = withTitle(first, 'Route Optimiser 3.0 re-platform (paused)')
    await writeBoardFile(target, first)
    expect(await fs.readdir(dir)).toEqual([fileName])
    await writeBoardFile(target, second)
    expect((await fs.readdir(dir)).sort()).toEqual([fileName, `${fileName}.bak`])
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe(serializeBoard(first))
    expect(await readBoardFile(`${target}.bak`)).toMatchObject({ ok: true, board: first })
    expect(await readBoardFile(target)).toMatchObject({ ok: true, board: second })
  })

  it('writes through a symlink to its target, so the link survives', async () => {
    const realDir = join(dir, 'shared drive')
    await fs.mkdir(realDir)
    const real = join(realDir, 'plan.orgboard')
    await writeBoardFile(real, sampleBoard())
    await fs.symlink(real, target)
    const changed = withTitle(sampleBoard(), 'Route Optimiser 3.0 (descoped)')
    expect(await writeBoardFile(target, changed)).toEqual({ ok: true })
    expect((await fs.lstat(target)).isSymbolicLink()).toBe(true)
    expect(await fs.readlink(target)).toBe(real)
    expect(await fs.readFile(real, 'utf8')).toBe(serializeBoard(changed))
    expect(await fs.readFile(`${real}.bak`, 'utf8')).toBe(serializeBoard(sampleBoard()))
    expect(await tempFiles(realDir)).toEqual([])
    expect((await fs.readdir(dir)).sort()).toEqual([fileName, 'shared drive'])
  })

  it.skipIf(process.platform === 'win32')('keeps the file mode of the file it replaces', async () => {
    await writeBoardFile(target, sampleBoard())
    await fs.chmod(target, 0o640)
    await writeBoardFile(target, withTitle(sampleBoard(), 'Renamed'))
    expect((await fs.stat(target)).mode & 0o777).toBe(0o640)
  })

  it('saves only what the schema knows (the renderer is untrusted)', async () => {
    const board = { ...sampleBoard(), secret: 'not for the file' } as Board
    await writeBoardFile(target, board)
    expect(await fs.readFile(target, 'utf8')).not.toContain('secret')
  })
})

describe('writeBoardFile refusals and failures', () => {
  /** Saves the sample, then `sabotage`s the disk, then saves over it; the original must survive. */
  async function saveOverOriginal(board: Board = withTitle(sampleBoard(), 'Changed'), sabotage = () => {}) {
    await writeBoardFile(target, sampleBoard())
    sabotage()
    const result = await writeBoardFile(target, board)
    expect(await fs.readFile(target, 'utf8')).toBe(serializeBoard(sampleBoard()))
    expect(await tempFiles()).toEqual([])
    if (result.ok) throw new Error('expected the save to fail')
    expect(result.message).toMatch(new RegExp(`^Could not save "${fileName}"`))
    return result.message
  }

  it('refuses an invalid board and names the field', async () => {
    const board = sampleBoard()
    board.cards[1] = { ...board.cards[1]!, width: 2 }
    const message = await saveOverOriginal(board)
    expect(message).toContain('the board is not valid')
    expect(message).toContain('at cards[1].width')
  })

  it('refuses a relation to a card that is not on the board', async () => {
    const board = sampleBoard()
    board.relations[0] = { ...board.relations[0]!, to: 'ghost' }
    expect(await saveOverOriginal(board)).toContain('at relations[0].to')
  })

  it('refuses something that is not a board at all', async () => {
    expect(await saveOverOriginal(null as unknown as Board)).toContain('the board is not valid')
  })

  it('leaves the original intact when the backup cannot be written (a real failure)', async () => {
    await fs.mkdir(join(`${target}.bak`, 'in the way'), { recursive: true })
    const message = await saveOverOriginal()
    expect(message).toContain(`"${fileName}.bak"`)
    expect(message).toContain('a folder with that name is in the way')
  })

  it('says when the folder is gone', async () => {
    const result = await writeBoardFile(join(dir, 'USB stick', fileName), sampleBoard())
    expect(result).toEqual({ ok: false, message: expect.stringContaining('USB stick" no longer exists') })
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Save As') })
  })

  it('says when a folder has the file name', async () => {
    await fs.mkdir(target)
    const result = await writeBoardFile(target, sampleBoard())
    expect(result).toEqual({ ok: false, message: expect.stringContaining('a folder with that name is in the way') })
  })

  it.each([
    ['EACCES', 'permission denied', 'Save As'],
    ['EPERM', 'read-only or protected', 'Save As'],
    ['EROFS', 'the disk is read-only', 'Save As'],
    ['ENOSPC', 'the disk is full', 'Save As'],
    ['EBUSY', 'in use by another program', 'save again'],
    ['EIO', 'EIO: simulated', 'Save As']
  ])('explains %s when the file cannot be replaced', async (code, problem, advice) => {
    const message = await saveOverOriginal(undefined, () => vi.spyOn(fs, 'rename').mockRejectedValue(errno(code)))
    expect(message).toContain('while replacing the old version')
    expect(message).toContain(problem)
    expect(message).toContain(advice)
    expect(message).toContain('The file on disk was not changed.')
  })

  it('explains a full disk while writing the new version', async () => {
    const message = await saveOverOriginal(undefined, () => vi.spyOn(fs, 'open').mockRejectedValueOnce(errno('ENOSPC')))
    expect(message).toContain('(while writing the new version): the disk is full')
  })

  it('explains a read-only file', async () => {
    await writeBoardFile(target, sampleBoard())
    vi.spyOn(fs, 'access').mockRejectedValue(errno('EACCES'))
    const result = await writeBoardFile(target, withTitle(sampleBoard(), 'Changed'))
    expect(result).toEqual({ ok: false, message: expect.stringContaining('read-only') })
    expect(await fs.readFile(target, 'utf8')).toBe(serializeBoard(sampleBoard()))
  })
})

describe('readBoardFile refusals', () => {
  const valid = serializeBoard(sampleBoard())
  const asJson = (doc: unknown) => JSON.stringify(doc, null, 2)
  const withCard = (patch: Record<string, unknown>) =>
    asJson({ ...sampleBoard(), cards: [{ ...sampleBoard().cards[0], ...patch }] })

  // Each case: file content, then the words the message must contain.
  const cases: [string, string | Uint8Array, string[]][] = [
    ['empty', '', ['the file is empty']],
    ['only whitespace', '\n  \n', ['the file is empty']],
    ['binary (NUL bytes)', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), ['binary file']],
    ['UTF-16 text', Buffer.from(`\ufeff${valid}`, 'utf16le'), ['UTF-16']],
    ['not UTF-8', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), ['not UTF-8 text']],
    ['not JSON', 'Freight trains:\n- Route Optimiser 3.0 re-platform\n', ['not valid JSON']],
    ['hand-edited JSON', valid.replace('"id": "ft-route"', 'id: "ft-route"'), ['not valid JSON', '(at line 16, column 7)']],
    ['truncated JSON', valid.slice(0, valid.indexOf('Route Optimiser') + 5), ['ends too early', 'looks truncated', '(at line ']],
    ['a JSON list', '[1, 2, 3]', ['not an Orgboard board', 'expected an object']],
    ['a wrong format marker', asJson({ ...sampleBoard(), format: 'excalidraw' }), ['not an Orgboard board', '"excalidraw"']],
    ['a newer version', asJson({ ...sampleBoard(), version: 7 }), ['file version 7', 'up to version 1', 'Update Orgboard']],
    ['a version that is not a number', asJson({ ...sampleBoard(), version: 'two' }), ['"version" is "two"']],
    ['a card too small', withCard({ width: 2 }), ['(at cards[0].width)']],
    ['a card of an unknown kind', withCard({ kind: 'rocket' }), ['not a kind of card', '(at cards[0].kind)']],
    ['a field the kind does not have', withCard({ fields: { colour: 'red' } }), ['(at cards[0].fields']],
    ['a prototype key', valid.replace('"fields": {}', '"fields": {"__proto__": {"x": 1}}'), ['not allowed', '__proto__']]
  ]

  it.each(cases)('refuses %s with a specific message naming the file', async (_, content, words) => {
    await fs.writeFile(target, content)
    const result = await readBoardFile(target)
    if (result.ok) throw new Error('expected the open to fail')
    expect(result.message.startsWith(`Could not open "${fileName}": `)).toBe(true)
    expect(result.message.endsWith('.')).toBe(true)
    for (const word of words) expect(result.message).toContain(word)
  })

  it('opens a file with a UTF-8 byte order mark', async () => {
    await fs.writeFile(target, `\ufeff${valid}`)
    expect(await readBoardFile(target)).toEqual({ ok: true, board: sampleBoard(), notices: [], source: 'board' })
  })

  it('refuses a file over the size limit without reading it, naming size and limit', async () => {
    await fs.writeFile(target, '')
    await fs.truncate(target, 60 * 1024 * 1024) // sparse: no real disk space used
    const readFile = vi.spyOn(fs, 'readFile')
    const result = await readBoardFile(target)
    expect(result).toEqual({
      ok: false,
      message: `Could not open "${fileName}": it is 60 MB, larger than the 50 MB limit for a board file.`
    })
    expect(readFile).not.toHaveBeenCalled()
    expect(MAX_BOARD_FILE_BYTES).toBe(50 * 1024 * 1024)
  })

  it('refuses a missing file', async () => {
    expect(await readBoardFile(target)).toEqual({
      ok: false,
      message: `Could not open "${fileName}": the file does not exist (it may have been moved, renamed or deleted).`
    })
  })

  it('refuses a folder', async () => {
    await fs.mkdir(target)
    expect(await readBoardFile(target)).toEqual({ ok: false, message: `Could not open "${fileName}": it is a folder, not a board file.` })
  })

  it('refuses a file it may not read', async () => {
    await fs.writeFile(target, valid)
    vi.spyOn(fs, 'readFile').mockRejectedValue(errno('EACCES')) // root reads anything, so simulate
    expect(await readBoardFile(target)).toEqual({
      ok: false,
      message: `Could not open "${fileName}": permission denied: Orgboard is not allowed to read it.`
    })
  })

  it.skipIf(process.platform === 'win32')('refuses a FIFO instead of hanging on it', async () => {
    execFileSync('mkfifo', [target])
    expect(await readBoardFile(target)).toEqual({ ok: false, message: `Could not open "${fileName}": it is not a regular file.` })
  })
})

describe('helpers', () => {
  it('describes each applied migration with its versions', () => {
    expect(migrationNotices([])).toEqual([])
    expect(migrationNotices(['Split notes from questions', 'Added card colours'], 3)).toEqual([
      'Upgraded from file version 1 to 2: Split notes from questions',
      'Upgraded from file version 2 to 3: Added card colours'
    ])
  })

  it('formats sizes, rounding up so an oversized file never looks within the limit', () => {
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(2048)).toBe('2 KB')
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB')
    expect(formatBytes(50 * 1024 * 1024 + 1)).toBe('50.1 MB')
  })
})
