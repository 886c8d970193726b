import type { ExportFonts, FontWeight } from './fonts'

export interface TextStyle {
  weight: FontWeight
  size: number
  letterSpacing?: number
}

const ELLIPSIS = '…'

/** Collapses white space as CSS `white-space: normal` does. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The longest start of `text` that fits `maxWidth` with an ellipsis after it (CSS `text-overflow: ellipsis`). */
export function ellipsize(fonts: ExportFonts, text: string, style: TextStyle, maxWidth: number): string {
  const measure = (t: string): number => fonts.measure(t, style.weight, style.size, style.letterSpacing)
  if (measure(text) <= maxWidth) return text
  const chars = Array.from(text)
  let lo = 0
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS) <= maxWidth) lo = mid
    else hi = mid - 1
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS
}

/**
 * Breaks text into lines of at most `maxWidth`, as the canvas does: at spaces,
 * and inside a word only when the word alone is too long (`overflow-wrap: anywhere`).
 * Past `maxLines` the last line ends in an ellipsis (`-webkit-line-clamp`).
 */
export function wrapText(fonts: ExportFonts, text: string, style: TextStyle, maxWidth: number, maxLines: number): string[] {
  const measure = (t: string): number => fonts.measure(t, style.weight, style.size, style.letterSpacing)
  const words = collapseSpaces(text).split(' ').filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word
    if (measure(candidate) <= maxWidth) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    // A word wider than the line is cut where it overflows.
    let rest = word
    while (measure(rest) > maxWidth) {
      const chars = Array.from(rest)
      let fit = 1
      while (fit < chars.length && measure(chars.slice(0, fit + 1).join('')) <= maxWidth) fit++
      lines.push(chars.slice(0, fit).join(''))
      rest = chars.slice(fit).join('')
    }
    line = rest
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, Math.max(0, maxLines))
  if (kept.length === 0) return kept
  const last = kept.length - 1
  // The next line started because its first word did not fit, so this is always cut and ends in "…".
  kept[last] = ellipsize(fonts, `${kept[last]} ${lines[maxLines]}`, style, maxWidth)
  return kept
}
