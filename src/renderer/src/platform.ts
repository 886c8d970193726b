/** macOS uses Cmd where other platforms use Ctrl. */
export const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') // no navigator under Vitest

/** Inputs that take no typing: after ticking a checkbox, Mod+Z must undo the board, not a text field. */
const notTextInputs = new Set(['checkbox', 'button', 'submit', 'reset'])

/** Is the key going to a text field, where typing must not trigger shortcuts? */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      (target instanceof HTMLInputElement && !notTextInputs.has(target.type)) ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  )
}
