import type { Session, Shell, WebContents } from 'electron'
import { externalLinkToOpen } from './externalLinks'
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
  // No USB, HID, serial or Bluetooth device is ever offered to the page.
  session.setDevicePermissionHandler(() => false)

  // index.html carries the same policy as a meta tag; the header also covers dev-server
  // responses (app:// responses carry it from appProtocol.ts).
  const policy = contentSecurityPolicy(entry)
  // Electronegativity cannot read a policy held in a variable; it is contentSecurityPolicy() (rendererEntry.ts),
  // unit tested, and equal to the meta tag in index.html, which the scan does read.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } }) // eng-disable CSP_GLOBAL_CHECK
  })
}

/**
 * No new windows, no webviews, and no navigation away from the app's own page
 * (DevTools keeps its own). A link the user clicks that would open a window goes
 * to the system browser instead, if it is a plain http(s) link (externalLinks.ts).
 * `shell` is Electron's, passed in so this module loads in unit tests without Electron.
 */
export function hardenWebContents(contents: WebContents, entry: RendererEntry, shell: Pick<Shell, 'openExternal'>): void {
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkToOpen(url)
    // Reviewed: only plain http(s) URLs without credentials get here (externalLinkToOpen, unit tested).
    if (external) shell.openExternal(external).catch((err: unknown) => console.error('Orgboard: could not open a link', err)) // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  const allowed = (url: string): boolean => isAppUrl(url, entry) || url.startsWith('devtools://')
  contents.on('will-frame-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!allowed(event.url)) event.preventDefault()
  })
}
