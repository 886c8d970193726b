import { basename, dirname } from 'node:path'
import type { ExportData, ExportFormat } from '../../shared/api'
import { AtomicWriteError, atomicWrite } from './atomicWrite'

/** The file extension of each export format. */
export const exportExtensions: Record<ExportFormat, string> = { png: 'png', svg: 'svg', pdf: 'pdf' }

export type WriteExportResult = { ok: true } | { ok: false; message: string }

/** `name` with the format's extension, unless it already has it (any case). */
export function withExtension(path: string, format: ExportFormat): string {
  const ext = exportExtensions[format]
  return new RegExp(`\\.${ext}$`, 'i').test(path) ? path : `${path}.${ext}`
}

function problem(err: AtomicWriteError): string {
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied: the file or its folder is read-only or protected. Choose another folder'
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full. Free some space, or export to another disk'
    case 'ENOENT':
    case 'ENOTDIR':
      return `its folder "${dirname(err.target)}" does not exist. Choose another folder`
    case 'EBUSY':
      return 'the file is in use by another program (is it open in a slide or image editor?). Close it and export again'
    case 'EISDIR':
      return 'a folder with that name is in the way. Choose another name'
    default:
      return err.cause instanceof Error ? err.cause.message : String(err.cause)
  }
}

/**
 * Writes an exported image atomically (no backup: an export is a copy, the
 * board stays in its own file). On failure nothing on disk has changed.
 */
export async function writeExportFile(path: string, data: ExportData): Promise<WriteExportResult> {
  try {
    await atomicWrite(path, data, { backup: false })
    return { ok: true }
  } catch (err) {
    if (!(err instanceof AtomicWriteError)) throw err
    return { ok: false, message: `Could not export "${basename(path)}": ${problem(err)}. Nothing was written.` }
  }
}
