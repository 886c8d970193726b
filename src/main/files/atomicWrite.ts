import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Where a save failed, so the message can say where. Every step before `replace`
 * leaves the target untouched; `replace` is one rename, which either happens or not.
 */
export type WriteStep = 'check' | 'write' | 'backup' | 'replace'

export class AtomicWriteError extends Error {
  constructor(
    readonly step: WriteStep,
    /** The errno code (`ENOSPC`, `EACCES`, ...), or `EISDIR` when the target is not a file. */
    readonly code: string | undefined,
    /** The file that was being written: the symlink's target when the path was a link. */
    readonly target: string,
    cause: unknown
  ) {
    super(`${step} failed for ${target}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'AtomicWriteError'
  }
}

/**
 * The one previous version a save keeps: `plan.orgboard.bak` beside `plan.orgboard`
 * (beside the link's target when the path is a symlink). Each save replaces it.
 */
export function backupPathFor(target: string): string {
  return `${target}.bak`
}

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** Follows symlinks, so saving rewrites the file a link points to and the link survives. */
async function resolveTarget(path: string): Promise<string> {
  try {
    return await fs.realpath(path)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return path // a new file (or a dangling link, which becomes a file)
    throw err
  }
}

async function statOrNull(path: string) {
  try {
    return await fs.stat(path)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null
    throw err
  }
}

/** Windows virus scanners and sync tools hold files briefly; a short retry rides that out. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  const retryable = process.platform === 'win32' ? ['EBUSY', 'EPERM', 'EACCES'] : ['EBUSY']
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to)
    } catch (err) {
      if (attempt >= 3 || !retryable.includes(errorCode(err) ?? '')) throw err
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)))
    }
  }
}

/** `.plan.orgboard.3f9a0c1b2d4e.tmp`: hidden, beside the file, unique per save. */
function tempPathFor(target: string, suffix = ''): string {
  return join(dirname(target), `.${basename(target)}${suffix}.${randomBytes(6).toString('hex')}.tmp`)
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A temp file left by a save that was killed is this old before the next save removes it (a live save takes milliseconds). */
export const STALE_TEMP_MS = 10 * 60 * 1000

/**
 * Removes temp files that earlier saves of this target left behind when the
 * process was killed mid-save. Only our own names, only old ones: another
 * window may be saving the same file right now.
 */
async function removeStaleTemps(target: string, now = Date.now()): Promise<void> {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(target))}(\\.bak)?\\.[0-9a-f]{12}\\.tmp$`)
  let names: string[]
  try {
    names = await fs.readdir(dirname(target))
  } catch {
    return
  }
  // A backup linked to the board (see linkBackup) has the board's own modification time, however fresh the link:
  // one that is still a name of the board may be another window's save in progress, and costs no space anyway.
  const board = await fs.stat(target).catch(() => null)
  for (const name of names.filter((n) => pattern.test(n))) {
    const path = join(dirname(target), name)
    try {
      const temp = await fs.lstat(path)
      if (board && temp.ino === board.ino && temp.dev === board.dev) continue
      if (now - temp.mtimeMs > STALE_TEMP_MS) await fs.rm(path, { force: true })
    } catch {
      // Gone already, or not ours to remove: either way not worth failing a save for.
    }
  }
}

/**
 * Copies the current file to its backup so that the backup, too, is always a
 * complete version: copy to a temp file, flush, rename over the old backup.
 */
async function copyBackup(target: string): Promise<void> {
  const temp = tempPathFor(target, '.bak')
  try {
    await fs.copyFile(target, temp)
    const handle = await fs.open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(temp, backupPathFor(target))
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => {})
    throw err
  }
}

/**
 * Makes the backup a second name for the current file: the rename that follows
 * gives the target a new file and leaves this one, whole, as the backup. No
 * bytes are copied; a flush makes sure the old bytes are on disk (free when they
 * are, as after an Orgboard save). Throws when the file system cannot (FAT and
 * exFAT have no hard links, EXDEV, EPERM...), and the caller copies instead.
 */
async function linkBackup(target: string): Promise<void> {
  // Windows flushes only through a handle that may write.
  const handle = await fs.open(target, process.platform === 'win32' ? 'r+' : 'r')
  try {
    await handle.datasync()
  } finally {
    await handle.close()
  }
  const temp = tempPathFor(target, '.bak')
  try {
    await fs.link(target, temp)
    await renameWithRetry(temp, backupPathFor(target))
  } finally {
    // rename() of two names for one file does nothing, leaving the temp name: a backup already linked (a save killed before its rename).
    await fs.rm(temp, { force: true }).catch(() => {})
  }
}

/**
 * Replaces the backup with the current file. A file with other hard links is
 * copied: a program writing through one of them in place must not change the backup.
 */
async function replaceBackup(target: string, existing: { nlink: number }): Promise<void> {
  if (existing.nlink === 1) {
    try {
      return await linkBackup(target)
    } catch {
      // No hard links here (or not now): the copy below needs nothing the link did.
    }
  }
  await copyBackup(target)
}

/** Makes the rename itself durable. Windows cannot open folders, and the file is saved by now either way. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // EISDIR/EPERM on Windows, EINVAL on some network filesystems: nothing more we can do.
  }
}

/**
 * Replaces `path` with `content` (text, bytes, or bytes in parts) so that a crash, a kill, a full disk or a yanked drive
 * leaves either the old file or the new one, never a mix: write a temp file in the
 * same folder, flush it, make the old file the backup (a hard link, or a copy
 * written the same way), rename the temp over the target, flush the folder. Keeps the old file's
 * mode and owner; writes through a symlink to its target. Throws AtomicWriteError;
 * the temp file is gone by then (a kill leaves it, and a later save removes it).
 */
export async function atomicWrite(path: string, content: string | Uint8Array | readonly Uint8Array[], options: { backup?: boolean } = {}): Promise<void> {
  let target = path
  let existing: Awaited<ReturnType<typeof statOrNull>>
  try {
    target = await resolveTarget(path)
    existing = await statOrNull(target)
    if (existing && !existing.isFile()) throw Object.assign(new Error(`${target} is not a file`), { code: 'EISDIR' })
    // rename() would happily replace a read-only file; the user marked it so for a reason.
    if (existing) await fs.access(target, fs.constants.W_OK)
  } catch (err) {
    throw new AtomicWriteError('check', errorCode(err), target, err)
  }

  const folder = dirname(target)
  await removeStaleTemps(target)
  const temp = tempPathFor(target)
  let step: WriteStep = 'write'
  try {
    const handle = await fs.open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666)
    try {
      // Mode and owner before the content, so a private board is never briefly readable by others.
      if (existing) {
        await handle.chmod(existing.mode & 0o7777)
        await handle.chown(existing.uid, existing.gid).catch(() => {}) // works for root or the same owner; best effort
      }
      if (typeof content === 'string') await handle.writeFile(content, 'utf8')
      else if (content instanceof Uint8Array) await handle.writeFile(content)
      // Parts (an exported PNG's bands) one after another, each from where the last ended: never joined into one copy.
      else for (const part of content) await handle.writeFile(part)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (existing && options.backup !== false) {
      step = 'backup'
      await replaceBackup(target, existing)
    }
    step = 'replace'
    await renameWithRetry(temp, target)
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => {})
    throw new AtomicWriteError(step, errorCode(err), target, err)
  }
  await syncFolder(folder)
}
