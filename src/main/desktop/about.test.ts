import { describe, expect, it } from 'vitest'
import { aboutDetail, aboutMessage } from './about'

describe('About', () => {
  it('names the version, the runtime and where the log is', () => {
    const facts = {
      appName: 'Orgboard',
      version: '0.1.0',
      electron: '45.4.1',
      chrome: '142.0.7444.0',
      node: '22.20.0',
      platform: 'linux x64',
      logFile: '/home/facilitator/.config/Orgboard/logs/main.log'
    }
    expect(aboutMessage(facts)).toBe('Orgboard 0.1.0')
    const detail = aboutDetail(facts)
    expect(detail).toContain('Electron 45.4.1')
    expect(detail).toContain('linux x64')
    expect(detail.split('\n').at(-1)).toBe(facts.logFile)
  })
})
