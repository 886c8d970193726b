import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, isAppUrl, rendererEntry } from './rendererEntry'

const built = rendererEntry(undefined, '/opt/Orgboard/resources/app/out/main')
const dev = rendererEntry('http://localhost:5173', '/repo/out/main')

describe('rendererEntry', () => {
  it('loads the built index.html beside out/main, or the dev server', () => {
    expect(built).toEqual({
      kind: 'file',
      path: '/opt/Orgboard/resources/app/out/renderer/index.html',
      url: 'file:///opt/Orgboard/resources/app/out/renderer/index.html'
    })
    expect(dev).toEqual({ kind: 'devServer', url: 'http://localhost:5173/' })
  })
})

describe('isAppUrl', () => {
  it('accepts only the built page, with any query or hash', () => {
    expect(isAppUrl('file:///opt/Orgboard/resources/app/out/renderer/index.html', built)).toBe(true)
    expect(isAppUrl('file:///opt/Orgboard/resources/app/out/renderer/index.html#/board', built)).toBe(true)
    expect(isAppUrl('file:///opt/Orgboard/resources/app/out/renderer/other.html', built)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false)
    expect(isAppUrl('file://evil-host/opt/Orgboard/resources/app/out/renderer/index.html', built)).toBe(false)
    expect(isAppUrl('https://example.com/index.html', built)).toBe(false)
    expect(isAppUrl('not a url', built)).toBe(false)
    expect(isAppUrl('', built)).toBe(false)
  })

  it('matches encoded paths, and Windows paths case-insensitively', () => {
    const spaced = rendererEntry(undefined, '/Users/ana/My Apps/orgboard/out/main')
    expect(isAppUrl('file:///Users/ana/My%20Apps/orgboard/out/renderer/index.html', spaced)).toBe(true)
    const windows = { kind: 'file', path: 'C:\\Orgboard\\out\\renderer\\index.html', url: 'file:///C:/Orgboard/out/renderer/index.html' } as const
    expect(isAppUrl('file:///c:/Orgboard/out/renderer/index.html', windows, 'win32')).toBe(true)
    expect(isAppUrl('file:///c:/Orgboard/out/renderer/index.html', windows, 'linux')).toBe(false)
  })

  it('accepts the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppUrl('file:///repo/out/renderer/index.html', dev)).toBe(false)
  })
})

describe('contentSecurityPolicy', () => {
  it('is strict for the built app', () => {
    expect(contentSecurityPolicy(built)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
  })

  it("relaxes only what Vite's dev server needs", () => {
    const policy = contentSecurityPolicy(dev)
    expect(policy).toContain("script-src 'self' 'unsafe-inline';")
    expect(policy).toContain("connect-src 'self' ws://localhost:5173;")
    expect(policy).toContain("object-src 'none'")
    expect(contentSecurityPolicy(rendererEntry('https://localhost:5173', '/x'))).toContain('wss://localhost:5173')
  })
})
