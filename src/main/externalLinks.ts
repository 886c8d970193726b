/**
 * Which URLs Orgboard hands to the operating system (shell.openExternal): plain
 * http(s) links only, without credentials, and only from a link the user
 * clicked (a window.open or target=_blank that the window-open handler denies).
 * Never file:, javascript:, data:, custom schemes or anything that could run a
 * program. Pure, so it is unit tested; security.ts does the opening.
 */
export function externalLinkToOpen(candidate: string): string | null {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (url.username || url.password || !url.hostname) return null
  return url.href
}
