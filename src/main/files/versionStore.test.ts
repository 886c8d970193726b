import fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serializeBoard } from '../../shared/serialize'
import { sampleBoard } from './sampleBoard'
import { createVersionStore, versionsToKeep } from './versionStore'

let dir: string
const board = join('/boards', 'Harbour & Pine offsite.orgboard')

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'orgboard-versions-'))
})

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

/** The sample board with one title changed, as file text. */
const version = (title: string): string =>
  serializeBoard({ ...sampleBoard(), cards: sampleBoard().cards.map((c) => (c.id === 'ft-route' ? { ...c, title } : c)) })

function clock(start = 1_750_000_000_000) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

describe('version store', () => {
  it('keeps timed snapshots of each save, newest first, and reads them back', async () => {
    const time = clock()
    const store = createVersionStore(dir, { maxVersions: 10, maxBytes: 10 * 1024 * 1024 }, time.now)
    await store.record(board, version('Draft'), 10)
    time.advance(60_000)
    await store.record(board, version('Final'), 10)
    const list = await store.list(board)
    expect(list.map((v) => v.savedAt)).toEqual([1_750_000_060_000, 1_750_000_000_000])
    expect(list[0]).toMatchObject({ cards: 10, bytes: Buffer.byteLength(version('Final')) })
    const read = await store.read(board, list[1]!.id)
    expect(read).toMatchObject({ ok: true, savedAt: 1_750_000_000_000 })
    expect(read.ok && read.board.cards[1]?.title).toBe('Draft')
  })

  it('does not keep a save that changed nothing', async () => {
    const store = createVersionStore(dir)
    await store.record(board, version('Same'), 10)
    await store.record(board, version('Same'), 10)
    expect(await store.list(board)).toHaveLength(1)
  })

  it('keeps at most maxVersions, dropping the oldest', async () => {
    const time = clock()
    const store = createVersionStore(dir, { maxVersions: 3, maxBytes: 10 * 1024 * 1024 }, time.now)
    for (const title of ['v1', 'v2', 'v3', 'v4', 'v5']) {
      await store.record(board, version(title), 10)
      time.advance(1000)
    }
    const list = await store.list(board)
    expect(list).toHaveLength(3)
    const titles = await Promise.all(list.map(async (v) => {
      const r = await store.read(board, v.id)
      return r.ok ? r.board.cards[1]?.title : null
    }))
    expect(titles).toEqual(['v5', 'v4', 'v3'])
  })

  it('keeps at most maxBytes in all, and never a version larger than that', async () => {
    const size = Buffer.byteLength(version('v1'))
    const store = createVersionStore(dir, { maxVersions: 100, maxBytes: size * 2 + 10 }, clock().now)
    for (const title of ['v1', 'v2', 'v3']) await store.record(board, version(title), 10)
    expect(await store.list(board)).toHaveLength(2)
    const tiny = createVersionStore(join(dir, 'tiny'), { maxVersions: 100, maxBytes: 100 }, clock().now)
    await tiny.record(board, version('v1'), 10)
    expect(await tiny.list(board)).toEqual([])
  })

  it('keeps each board apart, and refuses ids it did not hand out', async () => {
    const store = createVersionStore(dir)
    await store.record(board, version('Mine'), 10)
    expect(await store.list('/boards/other.orgboard')).toEqual([])
    expect(await store.read(board, '../../etc/passwd')).toEqual({ ok: false, message: 'That version is not available.' })
    expect(await store.read(board, '1750000000000-10-00000000')).toEqual({ ok: false, message: 'That version is not available any more.' })
  })

  it('never fails the save it follows: a version that cannot be kept is skipped', async () => {
    await fs.writeFile(join(dir, 'Versions'), 'a file where the folder should be')
    const store = createVersionStore(join(dir, 'Versions'))
    await expect(store.record(board, version('x'), 10)).resolves.toBeUndefined()
  })
})

describe('versionsToKeep', () => {
  const minute = 60_000
  const limits = { maxVersions: 20, maxBytes: 1_000_000, recent: 10, spacingMs: 15 * minute }

  it('keeps the start of a two-hour workshop saved every two minutes', () => {
    const start = 1_750_000_000_000
    // Newest first: a save every two minutes for two hours.
    const saves = Array.from({ length: 61 }, (_, i) => ({ savedAt: start + (60 - i) * 2 * minute, bytes: 1000 }))
    const keep = versionsToKeep(saves, limits)
    const kept = saves.filter((_, i) => keep[i])
    expect(kept.length).toBeLessThanOrEqual(20)
    expect(kept.slice(0, 10)).toEqual(saves.slice(0, 10))
    // Older ones at least 15 minutes apart, reaching back to the first save.
    for (let i = 10; i < kept.length; i++) expect(kept[i - 1]!.savedAt - kept[i]!.savedAt).toBeGreaterThanOrEqual(15 * minute)
    expect(kept.at(-1)?.savedAt).toBeLessThanOrEqual(start + 15 * minute)
  })

  it('still holds the count and size limits', () => {
    const saves = Array.from({ length: 30 }, (_, i) => ({ savedAt: 1_750_000_000_000 - i * 60 * minute, bytes: 100 }))
    expect(versionsToKeep(saves, { ...limits, maxVersions: 5 }).filter(Boolean)).toHaveLength(5)
    expect(versionsToKeep(saves, { ...limits, maxBytes: 750 }).filter(Boolean)).toHaveLength(7)
  })
})
