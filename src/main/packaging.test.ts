import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { Ajv, type ValidateFunction } from 'ajv'
import { describe, expect, it } from 'vitest'
import config, { boardFileType } from '../../electron-builder'
import { orgboardFuses } from '../../scripts/fuses.mjs'

/**
 * The packaging configuration (electron-builder.ts), checked where `npm run dist`
 * cannot run: against the JSON schema electron-builder itself ships, and for the
 * things a facilitator notices after installing (targets, file association, icons).
 */

const root = resolve(__dirname, '../..')
const resources = join(root, 'resources')
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>

/** app-builder-lib/scheme.json, found from electron-builder's own install (the version that will build). */
function builderSchema(): object {
  const fromBuilder = createRequire(createRequire(__filename).resolve('electron-builder/package.json'))
  return JSON.parse(readFileSync(fromBuilder.resolve('app-builder-lib/scheme.json'), 'utf8')) as object
}

function schemaValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false })
  // The schema's own keyword for options that may be a function (hooks); ajv does not know it.
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type })
  return ajv.compile(builderSchema())
}

function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)
}

describe('electron-builder configuration', () => {
  const validate = schemaValidator()

  it("matches electron-builder's JSON schema", () => {
    expect(errorsOf(validate, config)).toEqual([])
  })

  it('would catch a mistake (the check can fail)', () => {
    expect(errorsOf(validate, { ...config, nsis: { ...config.nsis, oneClick: 'sometimes' } })).not.toEqual([])
    expect(errorsOf(validate, { ...config, fileAssociation: [boardFileType] })).not.toEqual([])
    expect(errorsOf(validate, { ...config, linux: { ...config.linux, target: 'AppImage', afterInstall: 3 } })).not.toEqual([])
  })

  it('builds AppImage and deb, an NSIS installer and a dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/i)
    expect(config.productName).toBe(packageJson.productName)
  })

  it('registers .orgboard as "Orgboard board", with its MIME type and icon', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'orgboard',
        name: 'Orgboard board',
        description: 'Orgboard board',
        mimeType: 'application/x-orgboard+json',
        icon: 'board'
      })
    ])
    const exported = (config.mac?.extendInfo as { UTExportedTypeDeclarations: Record<string, unknown>[] }).UTExportedTypeDeclarations
    expect(exported[0]).toMatchObject({
      UTTypeTagSpecification: { 'public.filename-extension': ['orgboard'], 'public.mime-type': ['application/x-orgboard+json'] }
    })
  })

  it('names the .desktop file after package.json desktopName, which Electron uses as the Wayland app id', () => {
    expect(config.linux?.syncDesktopName).toBe(true)
    expect(packageJson.desktopName).toBe(`${config.linux?.executableName}.desktop`)
  })

  it('packages the build and nothing from the sources', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json'])
    expect(packageJson.main).toBe('./out/main/index.js')
    expect(config.directories).toEqual({ buildResources: 'resources', output: 'dist' })
  })

  it('sets the same Electron fuses as scripts/fuses.mjs while packaging (RunAsNode, NODE_OPTIONS, --inspect off)', () => {
    const set = (fuses: Record<string, unknown>) => Object.entries(fuses).filter(([, on]) => on !== undefined)
    // electron-builder names each fuse after FuseV1Options, in lower camel case.
    const fromScript = Object.entries(FuseV1Options)
      .filter(([name]) => Number.isNaN(Number(name)))
      .map(([name, option]) => [name[0]?.toLowerCase() + name.slice(1), (orgboardFuses as Record<number, unknown>)[option as number]] as const)
    expect(set({ ...config.electronFuses }).sort()).toEqual(set(Object.fromEntries(fromScript)).sort())
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false })
  })
})

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a')
  expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
}

/** The PNG sizes inside an ICO (every entry must be a PNG of the size its directory entry says). */
function icoSizes(data: Buffer): number[] {
  expect([data.readUInt16LE(0), data.readUInt16LE(2)]).toEqual([0, 1])
  const sizes: number[] = []
  for (let i = 0; i < data.readUInt16LE(4); i++) {
    const entry = 6 + 16 * i
    const declared = data.readUInt8(entry) || 256
    const length = data.readUInt32LE(entry + 8)
    const offset = data.readUInt32LE(entry + 12)
    const { width, height } = pngSize(data.subarray(offset, offset + length))
    expect([width, height]).toEqual([declared, declared])
    sizes.push(width)
  }
  return sizes
}

/** Type → PNG pixel size of each ICNS entry. */
function icnsEntries(data: Buffer): Record<string, number> {
  expect(data.subarray(0, 4).toString('ascii')).toBe('icns')
  expect(data.readUInt32BE(4)).toBe(data.length)
  const entries: Record<string, number> = {}
  for (let at = 8; at < data.length; ) {
    const type = data.subarray(at, at + 4).toString('ascii')
    const length = data.readUInt32BE(at + 4)
    const { width, height } = pngSize(data.subarray(at + 8, at + length))
    expect(width).toBe(height)
    entries[type] = width
    at += length
  }
  return entries
}

describe('icons in resources/ (drawn in *.svg, rendered by npm run icons)', () => {
  const file = (name: string): Buffer => readFileSync(join(resources, name))

  it('has the drawings they are made from', () => {
    for (const svg of ['icon.svg', 'board.svg']) expect(file(svg).toString('utf8')).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/)
  })

  it('has the Linux icon set, each PNG the size its name says', () => {
    const linuxIcon = config.linux?.icon as string
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(file(join(linuxIcon, `${size}x${size}.png`)))).toEqual({ width: size, height: size })
    }
  })

  it('has Windows icons from 16 to 256 px, for the app and for board files', () => {
    for (const name of [config.win?.icon as string, `${boardFileType.icon}.ico`]) {
      expect(icoSizes(file(name))).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]))
    }
    expect(config.nsis?.installerIcon).toBe(config.win?.icon)
  })

  it('has macOS icons up to 1024 px (512 @2x), for the app and for board files', () => {
    for (const name of [config.mac?.icon as string, `${boardFileType.icon}.icns`]) {
      expect(icnsEntries(file(name))).toMatchObject({ icp4: 16, icp5: 32, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic14: 512 })
    }
  })
})
