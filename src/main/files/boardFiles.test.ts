import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Board } from '../../shared/board'
import { serializeBoard } from '../../shared/serialize'
import { MAX_BOARD_FILE_BYTES, contentHash, diskState, formatBytes, migrationNotices, readBoardFile, writeBoardFile } from './boardFiles'
import { hostileBoards, scriptBoard, scriptTexts } from './hostileBoards'
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
    const text = serializeBoard(board)
    expect(await writeBoardFile(target, board)).toEqual({ ok: true, hash: contentHash(text), text })
    expect(await fs.readFile(target, 'utf8')).toBe(text)
    expect(await readBoardFile(target)).toEqual({ ok: true, board, notices: [], warnings: [], hash: contentHash(text), source: 'board' })
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
    expect(await writeBoardFile(target, changed)).toMatchObject({ ok: true })
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
    const realRename = fs.rename.bind(fs)
    const failOntoTarget = () =>
      vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
        if (to === target) throw errno(code)
        return realRename(from, to)
      })
    const message = await saveOverOriginal(undefined, failOntoTarget)
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

  it.each(hostileBoards.filter((h) => 'refused' in h.expect).map((h) => [h.file, h] as const))(
    'refuses %s with a specific message naming the file',
    async (file, { content, expect: expected }) => {
      const path = join(dir, file)
      await fs.writeFile(path, content)
      const result = await readBoardFile(path)
      if (result.ok) throw new Error('expected the open to fail')
      expect(result.message.startsWith(`Could not open "${file}": `)).toBe(true)
      expect(result.message.endsWith('.')).toBe(true)
      for (const word of 'refused' in expected ? expected.refused : []) expect(result.message).toContain(word)
      expect(Buffer.from(content).equals(await fs.readFile(path))).toBe(true)
    }
  )

  it('opens a file with a UTF-8 byte order mark', async () => {
    await fs.writeFile(target, `\ufeff${valid}`)
    expect(await readBoardFile(target)).toMatchObject({ ok: true, board: sampleBoard(), notices: [], warnings: [], source: 'board' })
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

describe('readBoardFile repairs', () => {
  it.each(hostileBoards.filter((h) => 'warnings' in h.expect).map((h) => [h.file, h] as const))(
    'opens %s with a readable warning for each repair, and leaves the file as it was',
    async (file, { content, expect: expected }) => {
      const path = join(dir, file)
      await fs.writeFile(path, content)
      const result = await readBoardFile(path)
      if (!result.ok) throw new Error(`expected it to open: ${result.message}`)
      const fragments = 'warnings' in expected ? expected.warnings : []
      if (fragments.length === 0) expect(result.warnings).toEqual([])
      for (const fragment of fragments) expect(result.warnings.join('\n')).toContain(fragment)
      expect(Buffer.from(content).equals(await fs.readFile(path))).toBe(true)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  )

  it('keeps script-like titles and labels as plain text, byte for byte', async () => {
    await fs.writeFile(target, serializeBoard(scriptBoard()))
    const result = await readBoardFile(target)
    if (!result.ok) throw new Error(result.message)
    expect(result.board).toEqual(scriptBoard())
    expect(result.board.cards.map((c) => c.title)).toEqual(expect.arrayContaining([...scriptTexts]))
  })

  it('saves a board with an unknown kind back with that card exactly as the file had it', async () => {
    const unknown = hostileBoards.find((h) => h.file === 'unknown-kind.orgboard')
    await fs.writeFile(target, unknown?.content ?? '')
    const opened = await readBoardFile(target)
    if (!opened.ok) throw new Error(opened.message)
    expect(await writeBoardFile(target, opened.board)).toMatchObject({ ok: true })
    const rocket = (JSON.parse(await fs.readFile(target, 'utf8')) as { cards: unknown[] }).cards.at(-1)
    expect(rocket).toEqual({ id: 'rocket', kind: 'rocketLaunch', title: 'Moonshot pricing', x: 1300, y: 400, width: 220, height: 96, fields: { fuel: 'lots' } })
  })
})

describe('writeBoardFile refuses boards a hostile renderer could send', () => {
  const unknownCard = { id: 'u', kind: 'unknown', title: 'Moonshot', x: 0, y: 0, width: 200, height: 90, fields: {} }
  it.each<[string, unknown]>([
    ['an unknown card without its preserved data', unknownCard],
    ['preserved data on a known kind', { ...sampleBoard().cards[1], preserved: { kind: 'x' } }],
    ['preserved data that is not plain JSON', { ...unknownCard, preserved: { kind: 'rocket', when: new Date() } }],
    ['preserved data with a forbidden key', { ...unknownCard, preserved: JSON.parse('{"kind": "rocket", "__proto__": {"polluted": 1}}') }]
  ])('%s', async (_, card) => {
    const board = { ...sampleBoard(), cards: [card], relations: [] } as unknown as Board
    const result = await writeBoardFile(target, board)
    expect(result).toEqual({ ok: false, message: expect.stringContaining('the board is not valid') })
    await expect(fs.access(target)).rejects.toThrow()
  })
})

describe('diskState', () => {
  it('tells a missing file, a file by its content hash, and a folder', async () => {
    expect(await diskState(target)).toEqual({ kind: 'missing' })
    expect(await diskState(join(dir, 'no folder', 'x.orgboard'))).toEqual({ kind: 'missing' })
    await fs.writeFile(target, 'one')
    const first = await diskState(target)
    expect(first).toEqual({ kind: 'file', hash: contentHash('one') })
    await fs.writeFile(target, 'one') // rewritten, same bytes: same state
    expect(await diskState(target)).toEqual(first)
    await fs.writeFile(target, 'two')
    expect(await diskState(target)).not.toEqual(first)
    expect(await diskState(dir)).toEqual({ kind: 'unreadable', code: 'EISDIR' })
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
