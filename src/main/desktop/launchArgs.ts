import { fileURLToPath } from 'node:url'
import { hasBoardExtension, pathApi, pathKey } from './paths'

/**
 * What a command line asks of Orgboard: the first launch's process.argv, or the
 * argv a second launch hands to the running app. Plain Node, so it is unit tested.
 *
 *   orgboard "Q3 map.orgboard" other.orgboard       open both, one window each
 *   orgboard --user-data-dir=/tmp/profile           a separate profile (tests)
 *   electron out/main/index.js map.orgboard         development: the app path comes first
 */

export interface LaunchArgs {
  /** Board files to open, absolute, in the order given, each once. */
  files: string[]
  /** `--user-data-dir=<folder>`: settings, recent list and logs go there instead (absolute). */
  userDataDir: string | null
  /** Arguments that are neither flags nor board files; logged, never opened. */
  ignored: string[]
}

export interface ArgContext {
  /** Where relative paths start: the launching shell's working directory. */
  cwd: string
  platform: NodeJS.Platform
  /** process.defaultApp: started as `electron <app> …`, so the first non-flag argument is the app itself. */
  defaultApp: boolean
}

const USER_DATA_FLAG = '--user-data-dir='

export function parseLaunchArgs(argv: readonly string[], ctx: ArgContext): LaunchArgs {
  const paths = pathApi(ctx.platform)
  const files: string[] = []
  const seen = new Set<string>()
  const ignored: string[] = []
  let userDataDir: string | null = null
  let appPathSkipped = !ctx.defaultApp
  let flagsEnded = false

  // argv[0] is the executable.
  for (const arg of argv.slice(1)) {
    if (!flagsEnded && arg === '--') {
      flagsEnded = true
      continue
    }
    // Flags: ours, Chromium's (--inspect=0, --remote-debugging-port=0, …) and macOS's -psn_0_1234.
    // Chromium switches carry their value after "=", so a flag never swallows the next argument.
    if (!flagsEnded && arg.startsWith('-')) {
      if (arg.startsWith(USER_DATA_FLAG) && arg.length > USER_DATA_FLAG.length) {
        userDataDir = paths.resolve(ctx.cwd, arg.slice(USER_DATA_FLAG.length))
      }
      continue
    }
    if (!appPathSkipped) {
      appPathSkipped = true
      continue
    }
    const file = toPath(arg, ctx)
    if (!file || !hasBoardExtension(file)) {
      if (arg !== '') ignored.push(arg)
      continue
    }
    const key = pathKey(file, ctx.platform)
    if (seen.has(key)) continue
    seen.add(key)
    files.push(file)
  }
  return { files, userDataDir, ignored }
}

/** An argument as an absolute path: relative to cwd, or a file:// URL (some Linux file managers pass those). */
function toPath(arg: string, ctx: ArgContext): string | null {
  if (arg === '' || arg.includes('\0')) return null
  if (/^file:\/\//i.test(arg)) {
    try {
      return fileURLToPath(arg, { windows: ctx.platform === 'win32' })
    } catch {
      return null
    }
  }
  // Any other URL (https:, orgboard:, …) is not a file. A Windows drive letter ("C:\…") is not a scheme.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg)) return null
  return pathApi(ctx.platform).resolve(ctx.cwd, arg)
}

/**
 * What the second launch sends along with its lock request (Electron's
 * additionalData), so the running app sees the argv exactly as given: the
 * commandLine Chromium passes to 'second-instance' may have switches added or
 * reordered. Validated, since it comes from another process.
 */
export interface SecondLaunch {
  argv: string[]
  cwd: string
}

export function secondLaunchData(argv: readonly string[], cwd: string): SecondLaunch {
  return { argv: [...argv], cwd }
}

/** The second launch's argv and working directory: its additionalData if valid, else what Chromium passed. */
export function readSecondLaunch(additionalData: unknown, commandLine: readonly string[], workingDirectory: string): SecondLaunch {
  if (isSecondLaunch(additionalData)) return additionalData
  return { argv: [...commandLine], cwd: workingDirectory }
}

function isSecondLaunch(value: unknown): value is SecondLaunch {
  if (typeof value !== 'object' || value === null) return false
  const { argv, cwd } = value as Record<string, unknown>
  return typeof cwd === 'string' && Array.isArray(argv) && argv.length < 1000 && argv.every((a) => typeof a === 'string')
}
