import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addRecent, MAX_RECENT, parseRecentFile, RecentBoards, removeRecent, type RecentChange, type RecentEntry } from './recentBoards'

const at = (minute: number): Date => new Date(Date.UTC(2025, 2, 14, 9, minute))
const paths = (list: readonly RecentEntry[]): string[] => list.map((e) => e.path)

describe('recent list rules', () => {
  it('puts the board used last at the top, once', () => {
    let list: RecentEntry[] = []
    list = addRecent(list, '/b/Freight trains.orgboard', at(1), 'linux')
    list = addRecent(list, '/b/Walls.orgboard', at(2), 'linux')
    list = addRecent(list, '/b/Freight trains.orgboard', at(3), 'linux')
    expect(paths(list)).toEqual(['/b/Freight trains.orgboard', '/b/Walls.orgboard'])
    expect(list[0]?.usedAt).toBe(at(3).toISOString())
  })

  it(`keeps at most ${MAX_RECENT}, dropping the oldest`, () => {
    let list: RecentEntry[] = []
    for (let i = 0; i < MAX_RECENT + 3; i++) list = addRecent(list, `/b/Workshop ${i}.orgboard`, at(i), 'linux')
    expect(list).toHaveLength(MAX_RECENT)
    expect(list[0]?.path).toBe(`/b/Workshop ${MAX_RECENT + 2}.orgboard`)
    expect(list.at(-1)?.path).toBe('/b/Workshop 3.orgboard')
  })

  it('treats two spellings of one file as one, the way the platform does', () => {
    const windows = addRecent(addRecent([], 'C:\\Boards\\Walls.orgboard', at(1), 'win32'), 'c:\\boards\\WALLS.orgboard', at(2), 'win32')
    expect(paths(windows)).toEqual(['c:\\boards\\WALLS.orgboard'])
    const linux = addRecent(addRecent([], '/b/Walls.orgboard', at(1), 'linux'), '/b/walls.orgboard', at(2), 'linux')
    expect(linux).toHaveLength(2)
    expect(paths(addRecent(addRecent([], '/b/x/../Walls.orgboard', at(1), 'linux'), '/b/Walls.orgboard', at(2), 'linux'))).toEqual([
      '/b/Walls.orgboard'
    ])
  })

  it('removes one entry and nothing else', () => {
    const list = addRecent(addRecent([], '/b/Walls.orgboard', at(1), 'linux'), '/b/Gardens.orgboard', at(2), 'linux')
    expect(paths(removeRecent(list, '/b/Walls.orgboard', 'linux'))).toEqual(['/b/Gardens.orgboard'])
  })

  it('reads what makes sense from a damaged recent.json and drops the rest', () => {
    const value = {
      version: 1,
      boards: [
        { path: '/b/Walls.orgboard', usedAt: at(5).toISOString() },
        { path: 'relative.orgboard', usedAt: at(4).toISOString() },
        { path: '/b/notes.txt' },
        { path: 42 },
        'text',
        { path: '/b/Walls.orgboard', usedAt: at(3).toISOString() },
        { path: '/b/Gardens.orgboard', usedAt: 'yesterday' }
      ]
    }
    expect(parseRecentFile(value, 'linux')).toEqual([
      { path: '/b/Walls.orgboard', usedAt: at(5).toISOString() },
      { path: '/b/Gardens.orgboard', usedAt: new Date(0).toISOString() }
    ])
    for (const junk of [null, [], 'x', { boards: 'x' }, { version: 1 }]) expect(parseRecentFile(junk, 'linux')).toEqual([])
  })
})

describe('RecentBoards', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orgboard-recent-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('remembers across restarts, marks a board that is gone as missing, and removes it when asked', async () => {
    const walls = join(dir, 'Walls that just appeared.orgboard')
    const gardens = join(dir, 'Gardens.orgboard')
    await writeFile(walls, '{}')
    await writeFile(gardens, '{}')
    const file = join(dir, 'profile', 'recent.json')
    const first = new RecentBoards(file, { now: () => at(1) })
    await first.add(gardens)
    await first.add(walls)

    await rm(gardens)
    const again = new RecentBoards(file)
    expect(await again.list()).toEqual([
      { path: walls, name: 'Walls that just appeared', folder: dir, missing: false },
      { path: gardens, name: 'Gardens', folder: dir, missing: true }
    ])
    expect(await again.has(gardens)).toBe(true)

    await again.remove(gardens)
    expect((await new RecentBoards(file).list()).map((b) => b.name)).toEqual(['Walls that just appeared'])
    await again.clear()
    expect(await new RecentBoards(file).list()).toEqual([])
  })

  it('counts a folder where the board was as missing', async () => {
    const folder = join(dir, 'Teams.orgboard')
    const recent = new RecentBoards(join(dir, 'recent.json'))
    await recent.add(folder)
    await mkdir(folder)
    expect((await recent.list())[0]?.missing).toBe(true)
  })

  it('starts empty from a recent.json that is not JSON, says why, and repairs it on the next change', async () => {
    const file = join(dir, 'recent.json')
    await writeFile(file, '{"version":1,"boards":[')
    const problems: string[] = []
    const recent = new RecentBoards(file, { onProblem: (m) => problems.push(m) })
    expect(await recent.list()).toEqual([])
    expect(problems).toEqual([expect.stringMatching(/not valid JSON/)])
    await recent.add(join(dir, 'Walls.orgboard'))
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, boards: [{ path: join(dir, 'Walls.orgboard') }] })
  })

  it('applies changes from two windows one after another, and tells listeners what changed', async () => {
    const recent = new RecentBoards(join(dir, 'recent.json'))
    const changes: RecentChange[] = []
    recent.subscribe((c) => changes.push(c))
    const names = ['Freight trains', 'Seedlings', 'Walls', 'Gardens', 'Teams']
    await Promise.all(names.map((n) => recent.add(join(dir, `${n}.orgboard`))))
    expect((await new RecentBoards(join(dir, 'recent.json')).list()).map((b) => b.name)).toEqual([...names].reverse())
    await recent.clear()
    expect(changes.map((c) => c.kind)).toEqual(['added', 'added', 'added', 'added', 'added', 'cleared'])
  })

  it('keeps working for the session when recent.json cannot be written', async () => {
    await writeFile(join(dir, 'not-a-folder'), '')
    const problems: string[] = []
    const recent = new RecentBoards(join(dir, 'not-a-folder', 'recent.json'), { onProblem: (m) => problems.push(m) })
    await recent.add(join(dir, 'Walls.orgboard'))
    expect((await recent.list()).map((b) => b.name)).toEqual(['Walls'])
    expect(problems).toEqual([expect.stringMatching(/Could not save the recent boards list/)])
  })
})
