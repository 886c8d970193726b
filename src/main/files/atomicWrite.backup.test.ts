import fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { atomicWrite, backupPathFor } from './atomicWrite'

/** The backup as a hard link to the old file, and the copy it falls back to. */

let dir: string
let target: string

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'orgboard-backup-'))
  target = join(dir, 'offsite.orgboard')
})

afterEach(async () => {
  vi.restoreAllMocks()
  await fs.rm(dir, { recursive: true, force: true })
})

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })
const names = async () => (await fs.readdir(dir)).sort()
const backup = () => backupPathFor(target)

/** After a save the backup must be a file of its own: writing the board in place leaves it alone. */
async function expectSeparateBackup(old: string): Promise<void> {
  expect(await fs.readFile(backup(), 'utf8')).toBe(old)
  expect((await fs.stat(backup())).ino).not.toBe((await fs.stat(target)).ino)
  await fs.writeFile(target, 'scribbled over in place')
  expect(await fs.readFile(backup(), 'utf8')).toBe(old)
}

describe('the backup a save keeps', () => {
  it('is the old version, in a file of its own, with no copy made', async () => {
    await atomicWrite(target, 'v1')
    const old = await fs.stat(target)
    const copy = vi.spyOn(fs, 'copyFile')
    await atomicWrite(target, 'v2', { backup: true })
    expect(await fs.readFile(target, 'utf8')).toBe('v2')
    expect(copy).not.toHaveBeenCalled()
    // The old file itself became the backup: same inode, one name again.
    const kept = await fs.stat(backup())
    expect([kept.ino, kept.nlink]).toEqual([old.ino, 1])
    expect(await names()).toEqual(['offsite.orgboard', 'offsite.orgboard.bak'])
    await expectSeparateBackup('v1')
  })

  it.each(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK'])('is copied when the file system refuses a hard link (%s)', async (code) => {
    await atomicWrite(target, 'v1')
    vi.spyOn(fs, 'link').mockRejectedValue(errno(code))
    const copy = vi.spyOn(fs, 'copyFile')
    await atomicWrite(target, 'v2', { backup: true })
    expect(copy).toHaveBeenCalledOnce()
    expect(await fs.readFile(target, 'utf8')).toBe('v2')
    expect(await names()).toEqual(['offsite.orgboard', 'offsite.orgboard.bak'])
    await expectSeparateBackup('v1')
  })

  it('is copied when the rename of the link fails, leaving no second name behind', async () => {
    await atomicWrite(target, 'v1')
    const realRename = fs.rename.bind(fs)
    const rename = vi.spyOn(fs, 'rename').mockImplementationOnce(() => Promise.reject(errno('EXDEV'))).mockImplementation(realRename)
    await atomicWrite(target, 'v2', { backup: true })
    expect(rename.mock.calls[0]?.[1]).toBe(backup())
    expect(await names()).toEqual(['offsite.orgboard', 'offsite.orgboard.bak'])
    await expectSeparateBackup('v1')
  })

  it('is a copy when the board has other hard links, so writing through them cannot change it', async () => {
    await atomicWrite(target, 'v1')
    const other = join(dir, 'elsewhere.orgboard')
    await fs.link(target, other)
    await atomicWrite(target, 'v2', { backup: true })
    expect(await fs.readFile(backup(), 'utf8')).toBe('v1')
    expect((await fs.stat(backup())).ino).not.toBe((await fs.stat(other)).ino)
    await fs.writeFile(other, 'changed through the other link')
    expect(await fs.readFile(backup(), 'utf8')).toBe('v1')
  })

  it('is made beside the file a symlink points to, from that file', async () => {
    const real = join(dir, 'real.orgboard')
    await fs.writeFile(real, 'v1')
    await fs.symlink(real, target)
    await atomicWrite(target, 'v2', { backup: true })
    expect((await fs.lstat(target)).isSymbolicLink()).toBe(true)
    expect(await fs.readFile(real, 'utf8')).toBe('v2')
    expect(await fs.readFile(`${real}.bak`, 'utf8')).toBe('v1')
    expect((await fs.lstat(`${real}.bak`)).isFile()).toBe(true)
    expect(await names()).toEqual(['offsite.orgboard', 'real.orgboard', 'real.orgboard.bak'])
  })

  it('is made cleanly after a save killed between its backup and its rename (backup and board one file)', async () => {
    await atomicWrite(target, 'v1')
    await fs.link(target, backup())
    await atomicWrite(target, 'v2', { backup: true })
    expect(await names()).toEqual(['offsite.orgboard', 'offsite.orgboard.bak'])
    await expectSeparateBackup('v1')
  })

  it.skipIf(process.platform === 'win32')('keeps the old file mode, and the board keeps it too', async () => {
    await atomicWrite(target, 'v1')
    await fs.chmod(target, 0o640)
    await atomicWrite(target, 'v2', { backup: true })
    expect((await fs.stat(target)).mode & 0o7777).toBe(0o640)
    expect((await fs.stat(backup())).mode & 0o7777).toBe(0o640)
  })
})
