import { useEffect, useRef } from 'react'
import { commandById } from '../../../shared/commands'
import { matchesKeys } from '../../../shared/keys'
import { isMac } from '../platform'

/** Keys a dialog's own buttons and lists use. */
const dialogKeys = new Set(['Tab', 'Enter', ' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'])

/**
 * While a full-window view (start screen, compare view) is up: Escape closes it,
 * the commands named in `allowed` keep their keys, and no other shortcut reaches
 * the board underneath (the editor skips key events already handled).
 */
export function useModalKeys(onEscape: () => void, allowed: readonly string[] = []): void {
  const escape = useRef(onEscape)
  useEffect(() => {
    escape.current = onEscape
  })
  const allowedKey = allowed.join(' ')
  useEffect(() => {
    const keys = allowedKey
      .split(' ')
      .filter(Boolean)
      .flatMap((id) => commandById(id)?.keys ?? [])
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        escape.current()
        return
      }
      if (dialogKeys.has(e.key) || keys.some((k) => matchesKeys(k, e, isMac))) return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [allowedKey])
}
