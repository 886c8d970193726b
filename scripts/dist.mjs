#!/usr/bin/env node
// `npm run dist`: the installers for the platform this runs on (Linux: AppImage and deb,
// Windows: NSIS, macOS: dmg), in dist/. The configuration is electron-builder.ts.
//
// electron-builder packs this platform's Electron runtime. We give it the one npm installs
// (node_modules/electron/dist, made sure of by scripts/ensure-electron.mjs) instead of letting it
// download its own copy, so the one download that can fail happens first, with a clear message.
// Extra arguments go to electron-builder, e.g. `npm run dist -- --x64 --arm64`.

import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

function step(title, command, args, failure) {
  console.log(`\ndist: ${title}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (result.status === 0) return
  console.error(['', `dist: FAILED: ${title}.`, ...failure.map((line) => `  ${line}`), ''].join('\n'))
  process.exit(result.status ?? 1)
}

step('making sure Electron\'s runtime for this platform is installed', process.execPath, [join(root, 'scripts', 'ensure-electron.mjs')], [
  'No installer can be built without it: electron-builder packs this runtime into the app.',
  'Electron comes from GitHub, not from the npm registry; where only the registry is reachable',
  '(as on this project\'s CI), `npm run dist` cannot work. Run it on a machine with internet access.'
])

step('building the app (electron-vite)', process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], [
  'See the build errors above; `npm run build` gives the same.'
])

const electronDist = join(dirname(require.resolve('electron/package.json')), 'dist')
if (!existsSync(electronDist)) {
  console.error(`\ndist: FAILED: ${electronDist} is missing although ensure-electron passed. Reinstall: rm -rf node_modules && npm install\n`)
  process.exit(1)
}

step(
  `packaging for ${process.platform} (electron-builder, into dist/)`,
  process.execPath,
  [require.resolve('electron-builder/cli.js'), '--publish', 'never', `--config.electronDist=${electronDist}`, ...process.argv.slice(2)],
  [
    'electron-builder downloads its packaging tools (appimagetool, fpm, NSIS, dmg helpers) from GitHub',
    'on first use; if the error above is a download, check the network or set',
    'ELECTRON_BUILDER_BINARIES_MIRROR. A deb also needs fakeroot and (on Linux) a working fpm.'
  ]
)
console.log('\ndist: done; installers are in dist/')
