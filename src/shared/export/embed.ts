import { BOARD_SVG_ELEMENT, BOARD_SVG_NAMESPACE } from './svg'

/**
 * Finds the board text in an exported SVG: the element `board` in the
 * `urn:orgboard:board` namespace inside `<metadata>`, whatever prefix an editor
 * (Inkscape) gave it, as escaped text or CDATA.
 */
export function boardTextFromSvg(svg: string): string | undefined {
  const ns = /xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g
  const prefixes: string[] = []
  for (const m of svg.matchAll(ns)) if (m[2] === BOARD_SVG_NAMESPACE && m[1]) prefixes.push(m[1])
  for (const prefix of prefixes) {
    const tag = `${prefix}:${BOARD_SVG_ELEMENT}`
    const open = new RegExp(`<${tag}(?:\\s[^>]*)?>`).exec(svg)
    if (!open) continue
    const start = open.index + open[0].length
    const end = svg.indexOf(`</${tag}>`, start)
    if (end < 0) continue
    return xmlText(svg.slice(start, end))
  }
  return undefined
}

/** Element content to text: CDATA sections as they are, entities decoded elsewhere. */
function xmlText(content: string): string {
  let out = ''
  let at = 0
  for (;;) {
    const cdata = content.indexOf('<![CDATA[', at)
    const plain = cdata < 0 ? content.slice(at) : content.slice(at, cdata)
    out += decodeEntities(plain)
    if (cdata < 0) return out
    const close = content.indexOf(']]>', cdata + 9)
    if (close < 0) return out + content.slice(cdata + 9)
    out += content.slice(cdata + 9, close)
    at = close + 3
  }
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(parseInt(body.slice(2), 16), whole)
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10), whole)
    return named[body] ?? whole
  })
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback
}

/** Whether text looks like an SVG document (not just any XML). */
export function looksLikeSvg(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart()
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)
}
