import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSettings, SettingsStore } from './settings'

describe('settings', () => {
  it('follows the system theme unless told otherwise, and ignores what it does not know', () => {
    expect(parseSettings(undefined)).toEqual({ theme: 'system' })
    expect(parseSettings({ theme: 'dark' })).toEqual({ theme: 'dark' })
    expect(parseSettings({ theme: 'sepia', fontSize: 40 })).toEqual({ theme: 'system' })
  })

  it('remembers View > Theme across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orgboard-settings-'))
    try {
      const file = join(dir, 'settings.json')
      const store = new SettingsStore(file)
      expect(await store.load()).toEqual({ theme: 'system' })
      await store.update({ theme: 'light' })
      expect(await new SettingsStore(file).load()).toEqual({ theme: 'light' })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
