import fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AtomicWriteError, STALE_TEMP_MS, atomicWrite, backupPathFor } from './atomicWrite'

let dir: string
let target: string

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'orgboard-atomic-'))
  target = join(dir, 'offsite.orgboard')
})

afterEach(async () => {
  vi.restoreAllMocks()
  await fs.rm(dir, { recursive: true, force: true })
})

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })
const tempFiles = async (folder = dir) => (await fs.readdir(folder)).filter((f) => f.endsWith('.tmp'))

/** Runs `fn` expecting an AtomicWriteError and returns it. */
async function failure(fn: () => Promise<unknown>): Promise<AtomicWriteError> {
  const err = await fn().then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(AtomicWriteError)
  return err as AtomicWriteError
}

describe('atomicWrite', () => {
  it('creates a new file without a backup or leftovers', async () => {
    await atomicWrite(target, 'first\n', { backup: true })
    expect(await fs.readFile(target, 'utf8')).toBe('first\n')
    expect(await fs.readdir(dir)).toEqual(['offsite.orgboard'])
  })

  it('replaces the file and keeps exactly one previous version as .bak', async () => {
    await atomicWrite(target, 'v1', { backup: true })
    await atomicWrite(target, 'v2', { backup: true })
    await atomicWrite(target, 'v3', { backup: true })
    expect(await fs.readFile(target, 'utf8')).toBe('v3')
    expect(await fs.readFile(backupPathFor(target), 'utf8')).toBe('v2')
    expect((await fs.readdir(dir)).sort()).toEqual(['offsite.orgboard', 'offsite.orgboard.bak'])
  })

  it('keeps the backup complete: it is replaced by a rename, never rewritten in place', async () => {
    await atomicWrite(target, 'v1', { backup: true })
    await atomicWrite(target, 'v2', { backup: true })
    const before = await fs.stat(backupPathFor(target))
    await atomicWrite(target, 'v3', { backup: true })
    // A new inode: the old backup stayed whole until the new one was complete.
    expect((await fs.stat(backupPathFor(target))).ino).not.toBe(before.ino)
    expect(await fs.readFile(backupPathFor(target), 'utf8')).toBe('v2')
  })

  it('removes stale temp files a killed save left, but not fresh ones (another window may be saving)', async () => {
    await atomicWrite(target, 'v1')
    const stale = join(dir, '.offsite.orgboard.0123456789ab.tmp')
    const staleBackup = join(dir, '.offsite.orgboard.bak.0123456789ab.tmp')
    const fresh = join(dir, '.offsite.orgboard.ba9876543210.tmp')
    const notOurs = join(dir, '.other.orgboard.0123456789ab.tmp')
    for (const p of [stale, staleBackup, fresh, notOurs]) await fs.writeFile(p, 'half a board')
    const old = new Date(Date.now() - STALE_TEMP_MS - 1000)
    for (const p of [stale, staleBackup, notOurs]) await fs.utimes(p, old, old)
    await atomicWrite(target, 'v2')
    expect((await fs.readdir(dir)).sort()).toEqual(['.offsite.orgboard.ba9876543210.tmp', '.other.orgboard.0123456789ab.tmp', 'offsite.orgboard', 'offsite.orgboard.bak'])
  })

  it('leaves a backup another window has just linked to the board, though it carries the board\'s old time', async () => {
    await atomicWrite(target, 'v1')
    const old = new Date(Date.now() - STALE_TEMP_MS - 1000)
    await fs.utimes(target, old, old)
    const linking = join(dir, '.offsite.orgboard.bak.0123456789ab.tmp') // between that save's link and its rename
    await fs.link(target, linking)
    await atomicWrite(target, 'v2')
    expect(await fs.readFile(linking, 'utf8')).toBe('v1')
  })

  it('skips the backup when asked to', async () => {
    await atomicWrite(target, 'v1')
    await atomicWrite(target, 'v2', { backup: false })
    expect(await fs.readdir(dir)).toEqual(['offsite.orgboard'])
  })

  it('leaves the original intact and removes the temp file when the disk fills mid-write', async () => {
    await atomicWrite(target, 'the workshop board')
    const realOpen = fs.open.bind(fs)
    vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args)
      // Write part of the data, then fail the way a full disk does.
      return Object.assign(handle, {
        writeFile: async (data: string) => {
          await handle.write(data.slice(0, 3))
          throw errno('ENOSPC')
        }
      })
    })
    const err = await failure(() => atomicWrite(target, 'a much longer new version'))
    expect([err.step, err.code]).toEqual(['write', 'ENOSPC'])
    expect(await fs.readFile(target, 'utf8')).toBe('the workshop board')
    expect(await tempFiles()).toEqual([])
  })

  /** Makes renames onto the board file itself fail with `code`; the backup's rename still works. */
  function failRenameOntoTarget(code: string) {
    const realRename = fs.rename.bind(fs)
    return vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (to === target) throw errno(code)
      return realRename(from, to)
    })
  }

  it('leaves the original intact when the rename fails', async () => {
    await atomicWrite(target, 'old')
    failRenameOntoTarget('EACCES')
    const err = await failure(() => atomicWrite(target, 'new'))
    expect([err.step, err.code, err.target]).toEqual(['replace', 'EACCES', target])
    expect(await fs.readFile(target, 'utf8')).toBe('old')
    expect(await tempFiles()).toEqual([])
  })

  it('fails before replacing when the backup cannot be written (a folder is in the way)', async () => {
    await atomicWrite(target, 'old')
    await fs.mkdir(join(backupPathFor(target), 'inside'), { recursive: true })
    const err = await failure(() => atomicWrite(target, 'new', { backup: true }))
    expect([err.step, err.code]).toEqual(['backup', 'EISDIR'])
    expect(await fs.readFile(target, 'utf8')).toBe('old')
    expect(await tempFiles()).toEqual([])
  })

  it('refuses to replace a folder', async () => {
    await fs.mkdir(target)
    const err = await failure(() => atomicWrite(target, 'new'))
    expect([err.step, err.code]).toEqual(['check', 'EISDIR'])
    expect((await fs.stat(target)).isDirectory()).toBe(true)
  })

  it('refuses to replace a file the user cannot write (read-only)', async () => {
    await atomicWrite(target, 'old')
    // Tests run as root, where chmod 0o444 does not stop writes; simulate what access() reports for a user.
    vi.spyOn(fs, 'access').mockRejectedValue(errno('EACCES'))
    const err = await failure(() => atomicWrite(target, 'new'))
    expect([err.step, err.code]).toEqual(['check', 'EACCES'])
    expect(await fs.readFile(target, 'utf8')).toBe('old')
  })

  it('reports a folder that no longer exists', async () => {
    const err = await failure(() => atomicWrite(join(dir, 'gone', 'offsite.orgboard'), 'new'))
    expect([err.step, err.code]).toEqual(['write', 'ENOENT'])
  })

  it('retries a rename that fails because the file is briefly busy', async () => {
    await atomicWrite(target, 'old')
    const realRename = fs.rename.bind(fs)
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(errno('EBUSY')).mockImplementation(realRename)
    await atomicWrite(target, 'new')
    expect(await fs.readFile(target, 'utf8')).toBe('new')
    expect(await tempFiles()).toEqual([])
  })

  it('gives up on a file that stays busy', async () => {
    await atomicWrite(target, 'old')
    const rename = failRenameOntoTarget('EBUSY')
    const err = await failure(() => atomicWrite(target, 'new'))
    expect([err.step, err.code]).toEqual(['replace', 'EBUSY'])
    expect(rename.mock.calls.filter(([, to]) => to === target)).toHaveLength(4)
    expect(await tempFiles()).toEqual([])
  })
})
