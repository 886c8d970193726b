import { readFile } from 'node:fs/promises'
import { protocol, type Session } from 'electron'
import { APP_SCHEME, contentSecurityPolicy, resolveAppRequest, type RendererEntry } from './rendererEntry'

/**
 * Serves the built renderer as app://orgboard/ instead of file:// (Electron's
 * security checklist): only files inside out/renderer can be requested, each
 * response carries the Content-Security-Policy, and no other local file shares
 * the app's origin. Which file a URL may read is decided by resolveAppRequest
 * (pure, unit tested).
 */

/** Must run before the app is ready: the scheme behaves like https (secure, standard, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

export function serveApp(session: Session, entry: Extract<RendererEntry, { kind: 'app' }>): void {
  const policy = contentSecurityPolicy(entry)
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppRequest(request.url, entry.root) : null
    if (!file) return new Response('Not found', { status: 404 })
    try {
      return new Response(await readFile(file.path), {
        headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff' }
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
