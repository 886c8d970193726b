import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * The main process's log: errors (and a few notable events) appended to a file
 * in the user-data folder, which a facilitator can attach to a bug report
 * (Help > Show Log File). Synchronous appends, so the last line before a crash
 * is on disk. When the file passes `maxBytes` it becomes `<name>.1` (one
 * previous file kept), so the log never grows without bound.
 */

export type Level = 'error' | 'warn' | 'info'

export interface Log {
  /** The log file (it may not exist until the first line is written). */
  readonly file: string
  error(message: string, err?: unknown): void
  warn(message: string, err?: unknown): void
  info(message: string): void
}

export interface LogOptions {
  maxBytes?: number
  now?: () => Date
  /** Also written here (the terminal in development); console by default. */
  echo?: (level: Level, line: string) => void
}

export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024

/** One entry: time, level, message, and the error's stack indented below it. */
export function formatLogEntry(time: Date, level: Level, message: string, err?: unknown): string {
  const head = `${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${oneLine(message)}`
  if (err === undefined) return `${head}\n`
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : safeString(err)
  return `${head}\n${detail
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}\n`
}

export function createLog(file: string, options: LogOptions = {}): Log {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES
  const now = options.now ?? (() => new Date())
  const echo =
    options.echo ??
    ((level: Level, line: string) => {
      if (level === 'error') console.error(line.trimEnd())
      else console.log(line.trimEnd())
    })

  const write = (level: Level, message: string, err?: unknown): void => {
    const entry = formatLogEntry(now(), level, message, err)
    echo(level, entry)
    try {
      mkdirSync(dirname(file), { recursive: true })
      if (sizeOf(file) + Buffer.byteLength(entry) > maxBytes) renameSync(file, `${file}.1`)
      appendFileSync(file, entry, 'utf8')
    } catch (writeErr) {
      // Logging must never take the app down; the terminal still has it.
      echo('error', `Could not write to the log ${file}: ${safeString(writeErr)}\n`)
    }
  }

  return {
    file,
    error: (message, err) => write('error', message, err),
    warn: (message, err) => write('warn', message, err),
    info: (message) => write('info', message)
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ⏎ ')
}

function safeString(value: unknown): string {
  try {
    return value instanceof Error ? value.message : typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
