import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, isAppUrl, rendererEntry, resolveAppRequest } from './rendererEntry'

const built = rendererEntry(undefined, '/opt/Orgboard/resources/app/out/main')
const dev = rendererEntry('http://localhost:5173', '/repo/out/main')

describe('rendererEntry', () => {
  it('serves the built out/renderer beside out/main as app://orgboard/, or uses the dev server', () => {
    expect(built).toEqual({ kind: 'app', root: '/opt/Orgboard/resources/app/out/renderer', url: 'app://orgboard/index.html' })
    expect(dev).toEqual({ kind: 'devServer', url: 'http://localhost:5173/' })
  })
})

describe('isAppUrl', () => {
  it('accepts only the app page, with any query or hash', () => {
    expect(isAppUrl('app://orgboard/index.html', built)).toBe(true)
    expect(isAppUrl('app://orgboard/index.html#/board', built)).toBe(true)
    expect(isAppUrl('app://orgboard/index.html?x=1', built)).toBe(true)
    expect(isAppUrl('app://orgboard/other.html', built)).toBe(false)
    expect(isAppUrl('app://orgboard/assets/index.js', built)).toBe(false)
    expect(isAppUrl('app://evil/index.html', built)).toBe(false)
    expect(isAppUrl('app://user:pw@orgboard/index.html', built)).toBe(false)
    expect(isAppUrl('file:///opt/Orgboard/resources/app/out/renderer/index.html', built)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false)
    expect(isAppUrl('https://orgboard/index.html', built)).toBe(false)
    expect(isAppUrl('not a url', built)).toBe(false)
    expect(isAppUrl('', built)).toBe(false)
  })

  it('accepts the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppUrl('app://orgboard/index.html', dev)).toBe(false)
  })
})

describe('resolveAppRequest', () => {
  const root = '/opt/Orgboard/resources/app/out/renderer'
  it('maps app:// URLs to files inside out/renderer, with their type', () => {
    expect(resolveAppRequest('app://orgboard/index.html', root)).toEqual({ path: `${root}/index.html`, contentType: 'text/html; charset=utf-8' })
    expect(resolveAppRequest('app://orgboard/', root)).toEqual({ path: `${root}/index.html`, contentType: 'text/html; charset=utf-8' })
    expect(resolveAppRequest('app://orgboard/assets/index-CkzrcjRC.js?v=1#x', root)).toEqual({
      path: `${root}/assets/index-CkzrcjRC.js`,
      contentType: 'text/javascript; charset=utf-8'
    })
    expect(resolveAppRequest('app://orgboard/assets/inter%20latin.woff2', root)?.path).toBe(`${root}/assets/inter latin.woff2`)
    // Dots the URL parser resolves itself never climb out of the root either.
    expect(resolveAppRequest('app://orgboard/../main/index.js', root)?.path).toBe(`${root}/main/index.js`)
  })

  it.each([
    'app://orgboard/../../../etc/passwd',
    'app://orgboard/%2e%2e/%2e%2e/etc/passwd',
    'app://orgboard/assets/..%2f..%2f..%2fetc/passwd',
    'app://orgboard/assets%5c..%5c..%5cmain%5cindex.js',
    'app://orgboard/index.html%00.js',
    'app://orgboard/%E0%A4%A',
    'app://other/index.html',
    'app://user@orgboard/index.html',
    'file:///etc/passwd',
    'https://orgboard/index.html',
    'app://orgboard/secrets.txt',
    'app://orgboard/main/index.cjs'
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(url, root)).toBeNull()
  })
})

describe('contentSecurityPolicy', () => {
  it('is strict for the built app', () => {
    expect(contentSecurityPolicy(built)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
  })

  it("relaxes only what Vite's dev server needs", () => {
    const policy = contentSecurityPolicy(dev)
    expect(policy).toContain("script-src 'self' 'unsafe-inline';")
    expect(policy).toContain("style-src 'self' 'unsafe-inline';")
    expect(policy).toContain("connect-src 'self' ws://localhost:5173;")
    expect(policy).toContain("object-src 'none'")
    expect(contentSecurityPolicy(rendererEntry('https://localhost:5173', '/x'))).toContain('wss://localhost:5173')
  })
})

describe('index.html', () => {
  it('carries the same policy as its meta tag (less frame-ancestors, which only works as a header)', async () => {
    const { readFile } = await import('node:fs/promises')
    const html = await readFile(new URL('../renderer/index.html', `file://${__dirname}/`), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(contentSecurityPolicy(built).replace("; frame-ancestors 'none'", ''))
  })
})
