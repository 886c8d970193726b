import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Where the renderer is loaded from, which URLs count as the app's own, and the
 * Content-Security-Policy it runs under. Pure (no Electron), so it is unit tested.
 */
export type RendererEntry =
  /** `electron-vite dev`: the Vite dev server named by ELECTRON_RENDERER_URL. */
  | { kind: 'devServer'; url: string }
  /** Built app: out/renderer/index.html beside out/main. */
  | { kind: 'file'; path: string; url: string }

/** `devServerUrl` is process.env.ELECTRON_RENDERER_URL; `mainDir` is the built main's __dirname (out/main). */
export function rendererEntry(devServerUrl: string | undefined, mainDir: string): RendererEntry {
  if (devServerUrl) return { kind: 'devServer', url: new URL(devServerUrl).href }
  const path = join(mainDir, '../renderer/index.html')
  return { kind: 'file', path, url: pathToFileURL(path).href }
}

/**
 * Is `candidate` a page of this app? The dev server's origin in dev; exactly the
 * built index.html (any query or hash) otherwise, so no other local file qualifies.
 */
export function isAppUrl(candidate: string, entry: RendererEntry, platform: NodeJS.Platform = process.platform): boolean {
  const url = parseUrl(candidate)
  const app = parseUrl(entry.url)
  if (!url || !app) return false
  if (entry.kind === 'devServer') return url.origin === app.origin
  if (url.protocol !== 'file:' || url.host !== app.host) return false
  const normalize = (pathname: string): string => {
    const decoded = safeDecode(pathname)
    return platform === 'win32' ? decoded.toLowerCase() : decoded
  }
  return normalize(url.pathname) === normalize(app.pathname)
}

const productionPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
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
 * Only against the dev server does it relax: Vite's HMR needs its websocket and
 * React Refresh injects an inline script.
 */
export function contentSecurityPolicy(entry: RendererEntry): string {
  const policy: Record<string, readonly string[]> = { ...productionPolicy }
  if (entry.kind === 'devServer') {
    const dev = new URL(entry.url)
    const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`
    policy['script-src'] = [...productionPolicy['script-src'], "'unsafe-inline'"]
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
