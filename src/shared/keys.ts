/** The parts of a keyboard event a shortcut depends on (a DOM KeyboardEvent fits). */
export interface KeyPress {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** Does `press` match a shortcut like "Mod+Shift+S", "Delete", "Shift+1" or "N"? */
export function matchesKeys(spec: string, press: KeyPress, mac: boolean): boolean {
  const parts = spec.split('+')
  const main = parts.pop() ?? ''
  const want = { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt') }
  const mod = mac ? press.metaKey : press.ctrlKey
  const otherMod = mac ? press.ctrlKey : press.metaKey
  if (mod !== want.mod || otherMod || press.altKey !== want.alt || press.shiftKey !== want.shift) return false
  // Shift changes the key ("1" becomes "!"), so digits match on the physical key.
  if (/^\d$/.test(main)) return press.code === `Digit${main}` || press.code === `Numpad${main}`
  if (main === '=') return press.key === '=' || press.key === '+'
  return press.key.toLowerCase() === main.toLowerCase()
}
