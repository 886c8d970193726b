import type { Session, WebContents } from 'electron'
import { contentSecurityPolicy, isAppUrl, type RendererEntry } from './rendererEntry'

/**
 * Electron's security checklist, applied once per session and to every
 * webContents the app ever creates (windows, devtools, anything unexpected).
 */

/**
 * The only permissions a board window gets: the clipboard, so Copy and Paste of cards
 * work from the command palette too (keys and the Edit menu use clipboard events,
 * which need none). The page is the app's own code only (CSP, no remote content).
 */
const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'clipboard-read'])

export function isAllowedPermission(permission: string): boolean {
  return allowedPermissions.has(permission)
}

/** Denies every permission but the clipboard's, and adds the CSP header. */
export function hardenSession(session: Session, entry: RendererEntry): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isAllowedPermission(permission))
  })
  session.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission))

  // index.html carries the same policy as a meta tag; the header also covers
  // dev-server responses. (file:// responses have no headers to add to.)
  const policy = contentSecurityPolicy(entry)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } })
  })
}

/** No new windows, no webviews, and no navigation away from the app's own page (DevTools keeps its own). */
export function hardenWebContents(contents: WebContents, entry: RendererEntry): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  const allowed = (url: string): boolean => isAppUrl(url, entry) || url.startsWith('devtools://')
  contents.on('will-frame-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!allowed(event.url)) event.preventDefault()
  })
}
