import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { BOARD_VERSION, type Board } from '../../shared/board'
import { formatPath } from '../../shared/jsonSafety'
import { parseBoardText } from '../../shared/load'
import { boardSchema, LIMITS } from '../../shared/schema'
import { serializeBoard } from '../../shared/serialize'
import { AtomicWriteError, atomicWrite, backupPathFor, errorCode, type WriteStep } from './atomicWrite'
import { boardTextFromPngFile, boardTextFromSvgText, imageKindOf, type ImageKind } from './imageBoard'

/**
 * The largest board file Orgboard opens (and so the largest it saves). Far above a
 * real workshop board (a few hundred KB), low enough that a wrong file cannot
 * freeze the window while it is parsed.
 */
export const MAX_BOARD_FILE_BYTES = LIMITS.fileBytes

/** Where an opened board came from: a board file, or an image Orgboard exported. */
export type BoardSource = 'board' | ImageKind
export type ReadBoardResult =
  | {
      ok: true
      board: Board
      /** Upgrades from older file versions. */
      notices: string[]
      /** What was repaired while opening (see shared/repair.ts). */
      warnings: string[]
      /** SHA-256 of the bytes read, to notice later whether another program changed the file; null for a PNG (read in part). */
      hash: string | null
      source: BoardSource
    }
  | { ok: false; message: string }
export type WriteBoardResult = { ok: true; hash: string; text: string } | { ok: false; message: string }

/** SHA-256 of file contents, hex: equal bytes, equal hash; any change, another hash. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** What is on disk at a path now, to compare with what was opened or saved there. */
export type DiskState = { kind: 'missing' } | { kind: 'file'; hash: string } | { kind: 'unreadable'; code: string | undefined }

export async function diskState(path: string): Promise<DiskState> {
  try {
    const stat = await fs.stat(path)
    if (!stat.isFile() || stat.size > MAX_BOARD_FILE_BYTES) return { kind: 'unreadable', code: stat.isFile() ? 'EFBIG' : 'EISDIR' }
    return { kind: 'file', hash: contentHash(await fs.readFile(path)) }
  } catch (err) {
    const code = errorCode(err)
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code }
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB']
  // Rounded up, so a file just over the limit never reads "50 MB, larger than the 50 MB limit".
  return `${Number((Math.ceil(value * 10) / 10).toFixed(1))} ${unit}`
}

/** One notice per migration step; steps go one version at a time, so the first was `target - count`. */
export function migrationNotices(applied: readonly string[], target: number = BOARD_VERSION): string[] {
  const first = target - applied.length
  return applied.map((describe, i) => `Upgraded from file version ${first + i} to ${first + i + 1}: ${describe}`)
}

function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: 'it is saved as UTF-16 text; board files are UTF-8' }
  }
  if (bytes.includes(0)) return { ok: false, problem: 'it is a binary file, not a board' }
  try {
    // fatal: a title with broken bytes must not silently turn into "�" and be saved that way.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') }
  } catch {
    return { ok: false, problem: 'it is not UTF-8 text (it may be a binary file)' }
  }
}

function readProblem(err: unknown): string {
  switch (errorCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'the file does not exist (it may have been moved, renamed or deleted)'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: Orgboard is not allowed to read it'
    case 'EISDIR':
      return 'it is a folder, not a board file'
    case 'EBUSY':
      return 'it is in use by another program; try again in a moment'
    default:
      return `it could not be read (${err instanceof Error ? err.message : String(err)})`
  }
}

/** SVGs are read whole to find their board; a board's SVG is a few MB, this bounds a wrong file. */
export const MAX_SVG_FILE_BYTES = 4 * MAX_BOARD_FILE_BYTES

type FileText =
  | { ok: true; text: string; source: BoardSource; hash: string | null }
  | { ok: false; problem: string }

/** The first bytes of a file, to tell a board from an exported image. */
async function readHead(path: string, size: number): Promise<Uint8Array> {
  const handle = await fs.open(path, 'r')
  try {
    const head = new Uint8Array(Math.min(size, 4096))
    await handle.read(head, 0, head.length, 0)
    return head
  } finally {
    await handle.close()
  }
}

async function readPngBoard(path: string, size: number): Promise<FileText> {
  const handle = await fs.open(path, 'r')
  try {
    const embedded = await boardTextFromPngFile(handle, size, MAX_BOARD_FILE_BYTES)
    return embedded.ok ? { ok: true, text: embedded.text, source: 'png', hash: null } : embedded
  } finally {
    await handle.close()
  }
}

/** Reads the board text of a file: a board file, or the board inside an exported PNG or SVG. */
async function readBoardText(path: string): Promise<FileText> {
  // stat first: never start reading a folder, a device or a FIFO (which would hang), or a huge file.
  const stat = await fs.stat(path)
  if (stat.isDirectory()) return { ok: false, problem: 'it is a folder, not a board file' }
  if (!stat.isFile()) return { ok: false, problem: 'it is not a regular file' }
  const image = imageKindOf(await readHead(path, stat.size))
  if (image === 'png') return readPngBoard(path, stat.size)
  const limit = image === 'svg' ? MAX_SVG_FILE_BYTES : MAX_BOARD_FILE_BYTES
  const what = image === 'svg' ? 'an SVG image Orgboard reads' : 'a board file'
  if (stat.size > limit) return { ok: false, problem: `it is ${formatBytes(stat.size)}, larger than the ${formatBytes(limit)} limit for ${what}` }
  const bytes = await fs.readFile(path)
  // The file may have grown between stat and read.
  if (bytes.length > limit) return { ok: false, problem: `it is larger than the ${formatBytes(limit)} limit for ${what}` }
  const decoded = decodeUtf8(bytes)
  if (!decoded.ok) return { ok: false, problem: decoded.problem }
  const hash = contentHash(bytes)
  if (image !== 'svg') return { ok: true, text: decoded.text, source: 'board', hash }
  const embedded = boardTextFromSvgText(decoded.text)
  return embedded.ok ? { ok: true, text: embedded.text, source: 'svg', hash } : embedded
}

/**
 * Opens a board file (or an image Orgboard exported, which carries its board):
 * check it, read it as UTF-8, then parse, migrate and validate in shared code.
 */
export async function readBoardFile(path: string): Promise<ReadBoardResult> {
  const fail = (problem: string, where?: string): ReadBoardResult => ({
    ok: false,
    message: `Could not open "${basename(path)}": ${problem}${where ? ` (at ${where})` : ''}.`
  })
  let file: FileText
  try {
    file = await readBoardText(path)
  } catch (err) {
    return fail(readProblem(err))
  }
  if (!file.ok) return fail(file.problem)
  const inImage = file.source === 'board' ? '' : 'the board inside it: '
  // parseBoardText never throws: a bug in a migration step comes back as a problem too.
  const result = parseBoardText(file.text)
  if (!result.ok) return fail(inImage + result.problem, result.where)
  return {
    ok: true,
    board: result.board,
    notices: migrationNotices(result.migrated),
    warnings: result.warnings,
    hash: file.hash,
    source: file.source
  }
}

const stepText: Record<WriteStep, (target: string) => string> = {
  check: () => 'while checking the file',
  write: () => 'while writing the new version',
  backup: (target) => `while keeping the previous version as "${basename(backupPathFor(target))}"`,
  replace: () => 'while replacing the old version'
}

function saveProblem(err: AtomicWriteError): string {
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file or its folder is read-only or protected. Use Save As to save a copy somewhere else'
    case 'EROFS':
      return 'the disk is read-only. Use Save As to save a copy on another disk'
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full. Free some space, or use Save As to save on another disk'
    case 'ENOENT':
    case 'ENOTDIR':
      return `its folder "${dirname(err.target)}" no longer exists (was it moved, renamed or disconnected?). Use Save As to choose another folder`
    case 'EBUSY':
      return 'the file is in use by another program (a sync or backup tool?). Wait a moment and save again'
    case 'EISDIR':
      return 'a folder with that name is in the way. Use Save As to choose another name'
    default:
      return `${err.cause instanceof Error ? err.cause.message : String(err.cause)}. Use Save As to save a copy somewhere else`
  }
}

/**
 * The file text of a board the renderer sent (untrusted): validated against the
 * schema, serialised from the validated copy (so keys the schema does not know
 * never reach the disk), and no larger than Orgboard can open again.
 */
export function boardFileText(board: Board): { ok: true; text: string; bytes: Buffer } | { ok: false; problem: string } {
  const parsed = boardSchema.safeParse(board)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, problem: `the board is not valid: ${issue?.message ?? 'unknown problem'} (at ${formatPath(issue?.path ?? [])})` }
  }
  const text = serializeBoard(parsed.data)
  // Encoded once: its length is checked, and the same bytes are written and hashed.
  const bytes = Buffer.from(text, 'utf8')
  if (bytes.length > MAX_BOARD_FILE_BYTES) {
    return { ok: false, problem: `the board is ${formatBytes(bytes.length)}, larger than the ${formatBytes(MAX_BOARD_FILE_BYTES)} Orgboard can open again` }
  }
  return { ok: true, text, bytes }
}

/**
 * Saves a board the renderer sent: validate it (the renderer is untrusted), then
 * write it atomically, keeping the previous version as `<name>.orgboard.bak`.
 */
export async function writeBoardFile(path: string, board: Board): Promise<WriteBoardResult> {
  const name = basename(path)
  const checked = boardFileText(board)
  if (!checked.ok) return { ok: false, message: `Could not save "${name}": ${checked.problem}. Nothing was written.` }
  const { text, bytes } = checked
  try {
    await atomicWrite(path, bytes, { backup: true })
    return { ok: true, hash: contentHash(bytes), text }
  } catch (err) {
    if (!(err instanceof AtomicWriteError)) throw err
    return {
      ok: false,
      message: `Could not save "${name}" (${stepText[err.step](err.target)}): ${saveProblem(err)}. The file on disk was not changed.`
    }
  }
}
