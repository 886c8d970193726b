import { join } from 'node:path'
import { app } from 'electron'
import { createLog, type Log } from './desktop/log'

let log: Log | null = null

/** The main process's log file, <user data>/logs/main.log (created on first use, after the user-data folder is settled). */
export function mainLog(): Log {
  log ??= createLog(join(app.getPath('userData'), 'logs', 'main.log'))
  return log
}
