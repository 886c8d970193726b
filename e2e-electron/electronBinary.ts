import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Where Electron's runtime binary is, or null if it is not installed.
 *
 * The npm package holds no binary; its install script downloads one from GitHub.
 * We do not `require('electron')` to find it, because since Electron 45 that
 * starts the download itself when the binary is missing (slow, noisy and bound
 * to fail offline). Instead this reads what the installer leaves behind:
 * node_modules/electron/path.txt naming the executable under dist/ (or
 * ELECTRON_OVERRIDE_DIST_PATH). The same check as scripts/ensure-electron.mjs.
 */
export function electronBinary(): string | null {
  let packageDir: string
  try {
    packageDir = dirname(createRequire(__filename).resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
