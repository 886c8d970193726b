#!/usr/bin/env node
/**
 * `npm run bench`: builds the production renderer and the baseline pages, bundles
 * the runner for Node, then runs it. Plain JS so it needs no TypeScript loader.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
const argv = process.argv.slice(2)
const step = (what) => console.log(`\n› ${what}`)

step('building the production renderer (electron-vite build)')
const built = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)

step('building the baseline pages (bench/pages)')
await build({ configFile: join(root, 'bench/vite.config.mts'), logLevel: 'warn' })
// Excalidraw loads its fonts from EXCALIDRAW_ASSET_PATH (this server), never from a CDN.
cpSync(join(root, 'node_modules/@excalidraw/excalidraw/dist/prod/fonts'), join(root, 'out/bench-pages/fonts'), { recursive: true })

step('bundling the runner')
rmSync(join(root, 'out/bench-runner'), { recursive: true, force: true })
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: join(root, 'bench/run.ts'),
    outDir: join(root, 'out/bench-runner'),
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'run.mjs' } }
  }
})

step(`running${argv.length ? ` (${argv.join(' ')})` : ''}`)
const { main } = await import(pathToFileURL(join(root, 'out/bench-runner/run.mjs')).href)
await main(argv)
