#!/usr/bin/env node
// Makes sure Electron's runtime binary is installed before `npm start` / `npm run dev`.
//
// The `electron` npm package holds no binary: its install script downloads one
// from GitHub, and an install run with scripts off, offline or behind a
// registry-only proxy ends up without it. This runs that same install script,
// says what it is doing, and fails with a clear message if it cannot.
//
// It does not `require('electron')`: that downloads by itself when the binary is
// missing and then throws a generic error, which is what this script replaces.

import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The electron package folder, or null if the package is not installed at all. */
function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** The binary the package points at (path.txt, written by its installer), if it is there and of the package's version. */
function installedBinary(dir, version) {
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (!override) {
    const versionFile = join(dir, 'dist', 'version')
    if (!existsSync(versionFile) || readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') !== version) return null
  }
  const binary = join(override || join(dir, 'dist'), relative)
  return existsSync(binary) ? binary : null
}

function fail(lines) {
  console.error(['', 'ensure-electron: Electron cannot start.', ...lines.map((l) => `  ${l}`), ''].join('\n'))
  process.exit(1)
}

const dir = electronPackageDir()
if (!dir) fail(['The electron package is not installed. Run `npm install` first.'])

const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
if (installedBinary(dir, version)) process.exit(0)

const installer = join(dir, 'install.js')
console.log(`ensure-electron: the Electron ${version} binary is missing or out of date (npm does not always download it).`)
console.log(`ensure-electron: downloading it: ${process.execPath} ${installer}`)

const result = spawnSync(process.execPath, [installer], { cwd: dir, stdio: 'inherit' })
const binary = installedBinary(dir, version)
if (result.status !== 0 || !binary) {
  fail([
    `Downloading the Electron ${version} binary failed${result.error ? ` (${result.error.message})` : ''}.`,
    'It comes from GitHub (github.com/electron/electron/releases), not from the npm registry.',
    'Check the network, or set ELECTRON_MIRROR to a mirror you can reach, then run:',
    `  node ${join('node_modules', 'electron', 'install.js')}`
  ])
}
console.log(`ensure-electron: installed ${binary}`)
