import fs from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flipOrgboardFuses } from '../../scripts/fuses.mjs'

/**
 * The real Electron binary cannot be downloaded here, so the fuses are flipped in a
 * stand-in with the same fuse wire Electron 45 carries (sentinel, version 1, 8 fuses,
 * as Electron ships them), by the same code a packaging step runs.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** How a fuse byte reads: '1' on, '0' off (FuseState in @electron/fuses, which it does not export). */
const ON = 0x31
const OFF = 0x30
/** Electron's defaults: RunAsNode, cookie encryption off, NODE_OPTIONS, inspect on, integrity off, asar-only off, snapshot off, file privileges on. */
const shipped = [ON, OFF, ON, ON, OFF, OFF, OFF, ON]

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'orgboard-fuses-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

describe('fuses of the packaged app', () => {
  it('turns off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges; leaves the asar fuses to packaging', async () => {
    const binary = join(dir, 'orgboard')
    const before = Buffer.from('\x7fELF…machine code…')
    const after = Buffer.from('…more machine code')
    await fs.writeFile(binary, Buffer.concat([before, Buffer.from(SENTINEL), Buffer.from([1, shipped.length, ...shipped]), after]))
    const wire = await flipOrgboardFuses(binary)
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(OFF)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(OFF)
    // Nothing else in the binary moved.
    const bytes = await fs.readFile(binary)
    expect(bytes.subarray(0, before.length).equals(before)).toBe(true)
    expect(bytes.subarray(bytes.length - after.length).equals(after)).toBe(true)
  })

  it('refuses a file that is not an Electron binary', async () => {
    const notElectron = join(dir, 'notes.txt')
    await fs.writeFile(notElectron, 'Freight trains, seedlings and walls')
    await expect(flipOrgboardFuses(notElectron)).rejects.toThrow(/sentinel/)
  })
})
