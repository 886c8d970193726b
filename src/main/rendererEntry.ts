import { extname, join, normalize, relative, sep, isAbsolute } from 'node:path'

/**
 * Where the renderer is loaded from, which URLs count as the app's own, and the
 * Content-Security-Policy it runs under. Pure (no Electron), so it is unit tested.
 *
 * The built app is served from its own scheme, `app://orgboard/`, rather than
 * `file://` (Electron's security checklist): a `file://` page may read any local
 * file the OS lets it, and every local file shares its origin. Under `app://`
 * only the files in out/renderer exist, and the origin is the app's alone.
 */
export type RendererEntry =
  /** `electron-vite dev`: the Vite dev server named by ELECTRON_RENDERER_URL. */
  | { kind: 'devServer'; url: string }
  /** Built app: out/renderer beside out/main, served as app://orgboard/. */
  | { kind: 'app'; root: string; url: string }

/** The scheme and host the built renderer is served from; see registerAppProtocol in appProtocol.ts. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'orgboard'
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** `devServerUrl` is process.env.ELECTRON_RENDERER_URL; `mainDir` is the built main's __dirname (out/main). */
export function rendererEntry(devServerUrl: string | undefined, mainDir: string): RendererEntry {
  if (devServerUrl) return { kind: 'devServer', url: new URL(devServerUrl).href }
  return { kind: 'app', root: join(mainDir, '../renderer'), url: `${APP_ORIGIN}/index.html` }
}

/**
 * Is `candidate` a page of this app? The dev server's origin in dev; exactly
 * app://orgboard/index.html (any query or hash) otherwise, so no other URL qualifies.
 */
export function isAppUrl(candidate: string, entry: RendererEntry): boolean {
  const url = parseUrl(candidate)
  const app = parseUrl(entry.url)
  if (!url || !app) return false
  if (entry.kind === 'devServer') return url.origin === app.origin
  return url.protocol === app.protocol && url.host === app.host && url.username === '' && url.password === '' && url.pathname === app.pathname
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
}

/**
 * The file an app:// request may read: inside `root`, of a known type, or null
 * (answered 404). Refuses other hosts, `..` in any spelling, encoded slashes,
 * backslashes and NUL bytes, so no request can leave out/renderer.
 */
export function resolveAppRequest(requestUrl: string, root: string): { path: string; contentType: string } | null {
  const url = parseUrl(requestUrl)
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null
  const raw = url.pathname === '/' ? '/index.html' : url.pathname
  if (/%2f|%5c|%00/i.test(raw)) return null
  const decoded = safeDecode(raw)
  if (decoded === null || decoded.includes('\\') || decoded.includes('\0')) return null
  const segments = decoded.split('/').filter(Boolean)
  if (segments.some((s) => s === '..' || s === '.')) return null
  const path = normalize(join(root, ...segments))
  const inside = relative(root, path)
  if (!inside || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null
  const contentType = contentTypes[extname(path).toLowerCase()]
  return contentType ? { path, contentType } : null
}

const productionPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // No inline styles: React and React Flow set element.style (CSSOM), which CSP does not block.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"]
} as const satisfies Record<string, readonly string[]>

/**
 * The policy sent as a response header (index.html carries the same one as a meta
 * tag; frame-ancestors only works as a header).
 * Only against the dev server does it relax: Vite's HMR needs its websocket, React
 * Refresh injects an inline script and Vite injects CSS as <style> elements.
 */
export function contentSecurityPolicy(entry: RendererEntry): string {
  const policy: Record<string, readonly string[]> = { ...productionPolicy }
  if (entry.kind === 'devServer') {
    const dev = new URL(entry.url)
    const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`
    policy['script-src'] = [...productionPolicy['script-src'], "'unsafe-inline'"]
    policy['style-src'] = [...productionPolicy['style-src'], "'unsafe-inline'"]
    policy['connect-src'] = [...productionPolicy['connect-src'], socket]
  }
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ')
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}
