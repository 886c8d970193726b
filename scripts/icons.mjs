#!/usr/bin/env node
// Renders Orgboard's icons from the two drawings in resources/:
//   icon.svg   the app: Linux PNG set (resources/icons/NxN.png), Windows icon.ico, macOS icon.icns
//   board.svg  an .orgboard file: board.ico and board.icns (the file association's icon)
// The generated files are committed, so packaging needs nothing but electron-builder.
// Run again after changing a drawing: `npm run icons` (needs rsvg-convert: librsvg2-bin on
// Debian/Ubuntu, librsvg on Homebrew).

import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources')

/** Sizes in the Linux icon set (hicolor theme). */
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512]
/** Windows reads sizes up to 256 from an ICO; each entry may be a PNG (Vista and later). */
const icoSizes = [16, 24, 32, 48, 64, 128, 256]
/** macOS ICNS entries holding PNG data: type and pixel size (the @2x types hold twice the points). */
const icnsTypes = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512]
]

function render(svg, size) {
  const result = spawnSync('rsvg-convert', ['--width', String(size), '--height', String(size), join(resources, svg)], {
    maxBuffer: 64 * 1024 * 1024
  })
  if (result.error) {
    console.error(`icons: rsvg-convert is needed (${result.error.message}). Install librsvg2-bin (Debian/Ubuntu) or librsvg (Homebrew).`)
    process.exit(1)
  }
  if (result.status !== 0) {
    console.error(`icons: rsvg-convert failed on ${svg} at ${size}px: ${result.stderr.toString()}`)
    process.exit(1)
  }
  return result.stdout
}

/** ICO: a directory of entries, each pointing at a PNG. A width or height of 0 means 256. */
function ico(pngs) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(pngs.length, 4)
  const entries = []
  let offset = 6 + 16 * pngs.length
  for (const { size, data } of pngs) {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt8(0, 2) // no palette
    entry.writeUInt8(0, 3)
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(data.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += data.length
    entries.push(entry)
  }
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)])
}

/** ICNS: "icns", the total length, then (type, length, data) per entry, big-endian. */
function icns(entries) {
  const chunks = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(8 + data.length, 4)
    return Buffer.concat([head, data])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4)
  return Buffer.concat([head, ...chunks])
}

function write(name, data) {
  const path = join(resources, name)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, data)
  console.log(`icons: ${name} (${data.length} bytes)`)
}

function iconSet(svg, base, { linux }) {
  const cache = new Map()
  const png = (size) => {
    if (!cache.has(size)) cache.set(size, render(svg, size))
    return cache.get(size)
  }
  if (linux) for (const size of linuxSizes) write(join('icons', `${size}x${size}.png`), png(size))
  write(`${base}.ico`, ico(icoSizes.map((size) => ({ size, data: png(size) }))))
  write(`${base}.icns`, icns(icnsTypes.map(([type, size]) => ({ type, data: png(size) }))))
}

iconSet('icon.svg', 'icon', { linux: true })
iconSet('board.svg', 'board', { linux: false })
