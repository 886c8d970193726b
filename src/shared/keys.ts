/** The parts of a keyboard event a shortcut depends on (a DOM KeyboardEvent fits). */
export interface KeyPress {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** Does `press` match a shortcut like "Mod+Shift+S", "Delete", "Shift+1", "Alt+A", "ArrowLeft", "?" or "N"? */
export function matchesKeys(spec: string, press: KeyPress, mac: boolean): boolean {
  const parts = spec.split('+')
  const main = parts.pop() ?? ''
  const want = { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt') }
  const mod = mac ? press.metaKey : press.ctrlKey
  const otherMod = mac ? press.ctrlKey : press.metaKey
  // A symbol such as "?" already says whether Shift was needed for it on this keyboard layout.
  const symbol = main.length === 1 && !/[\p{L}\p{N}=]/u.test(main)
  if (mod !== want.mod || otherMod || press.altKey !== want.alt) return false
  if (press.shiftKey !== want.shift && !(symbol && !want.shift)) return false
  // Shift changes the key ("1" becomes "!"), so digits match on the physical key.
  if (/^\d$/.test(main)) return press.code === `Digit${main}` || press.code === `Numpad${main}`
  if (main === '=') return press.key === '=' || press.key === '+'
  // Option+A types "å" on a Mac, so letters with Alt match on the physical key.
  if (want.alt && /^[a-z]$/i.test(main)) return press.code === `Key${main.toUpperCase()}`
  return press.key.toLowerCase() === main.toLowerCase()
}
