import fs from 'node:fs/promises'
import { basename } from 'node:path'
import { AtomicWriteError, atomicWrite, errorCode } from './atomicWrite'
import { formatBytes } from './boardFiles'

/**
 * Plain text files Orgboard exchanges with other tools (exports, imports). The
 * same care as for boards: a size limit before reading, strict UTF-8, atomic
 * writes, and messages that say what went wrong and what was left untouched.
 */

/** Far above any real export or spreadsheet of initiatives; keeps a wrong file from freezing the window. */
export const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024

export type TextResult = { ok: true; text: string } | { ok: false; message: string }

function problemOf(err: unknown): string {
  switch (errorCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'the file or its folder does not exist'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'it is a folder'
    case 'ENOSPC':
      return 'the disk is full'
    default:
      return err instanceof Error ? err.message : String(err)
  }
}

export async function readTextFile(path: string): Promise<TextResult> {
  const fail = (problem: string): TextResult => ({ ok: false, message: `Could not read "${basename(path)}": ${problem}.` })
  try {
    const stat = await fs.stat(path)
    if (!stat.isFile()) return fail(stat.isDirectory() ? 'it is a folder' : 'it is not a regular file')
    if (stat.size > MAX_TEXT_FILE_BYTES) return fail(`it is ${formatBytes(stat.size)}, larger than the ${formatBytes(MAX_TEXT_FILE_BYTES)} limit`)
    const bytes = await fs.readFile(path)
    if (bytes.includes(0)) return fail('it is a binary file, not text')
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') }
  } catch (err) {
    if (err instanceof TypeError) return fail('it is not UTF-8 text (save it from your spreadsheet as “CSV UTF-8”)')
    return fail(problemOf(err))
  }
}

export async function writeTextFile(path: string, text: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await atomicWrite(path, text, { backup: false })
    return { ok: true }
  } catch (err) {
    const cause = err instanceof AtomicWriteError ? err.cause : err
    return { ok: false, message: `Could not save "${basename(path)}": ${problemOf(cause)}. Nothing was written.` }
  }
}
