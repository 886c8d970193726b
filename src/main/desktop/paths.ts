import path from 'node:path'

/**
 * Path rules that depend on the platform the app runs on, passed in explicitly
 * so the tests can check Windows and macOS behaviour on Linux.
 */

export function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix
}

/**
 * A key that is equal for two spellings of the same file: normalised, and
 * case-folded where the usual file system ignores case (Windows, macOS).
 */
export function pathKey(file: string, platform: NodeJS.Platform): string {
  const normal = pathApi(platform).normalize(file)
  return platform === 'win32' || platform === 'darwin' ? normal.toLowerCase() : normal
}

export function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  return pathKey(a, platform) === pathKey(b, platform)
}

/** Longest path accepted from the renderer or another process; far above any real one. */
export const MAX_PATH_LENGTH = 4096

/** An absolute path that could name a file: no NUL byte, not absurdly long. */
export function isPlausiblePath(file: string, platform: NodeJS.Platform): boolean {
  return file.length > 0 && file.length <= MAX_PATH_LENGTH && !file.includes('\0') && pathApi(platform).isAbsolute(file)
}

/** A board file, by its name: `.orgboard`, any case. */
export function hasBoardExtension(file: string): boolean {
  return /\.orgboard$/i.test(file)
}
