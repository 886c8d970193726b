import { X } from 'lucide-react'
import { commandMenus, commands, formatKeys } from '../../../shared/commands'
import { useEditorContext } from '../editorContext'
import { isMac } from '../platform'
import { Modal } from './Modal'

/** What the mouse does, which no command says. */
const gestures: [string, string][] = [
  ['Add to the selection', 'Shift+click'],
  ['Select an area', 'Drag on empty board'],
  ['Pan', 'Space+drag, scroll, or middle-drag'],
  ['Zoom', `${isMac ? '⌘' : 'Ctrl'}+scroll, or pinch`],
  ['Rename a card', 'Double-click'],
  ['Connect two cards', 'Drag from a card’s edge to another card']
]

/** Every command with its keys, grouped by menu: the same list as the menus and the command palette. */
export function ShortcutSheet(): React.JSX.Element {
  const { store } = useEditorContext()
  const close = (): void => store.set({ overlay: null })
  return (
    <Modal label="Keyboard shortcuts" className="shortcut-sheet" onClose={close}>
      <header className="shortcut-sheet__header">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="icon-button" aria-label="Close" autoFocus onClick={close}>
          <X size={18} aria-hidden />
        </button>
      </header>
      <div className="shortcut-sheet__body" tabIndex={0} role="region" aria-label="All shortcuts">
        {commandMenus.map(({ menu, label }) => (
          <section key={menu} className="shortcut-sheet__group" aria-labelledby={`shortcuts-${menu}`}>
            <h3 id={`shortcuts-${menu}`}>{label}</h3>
            <dl>
              {commands
                .filter((c) => c.menu === menu)
                .map((c) => (
                  <div key={c.id} className="shortcut-sheet__row" data-command={c.id}>
                    <dt>{c.title}</dt>
                    <dd>
                      {c.keys?.length
                        ? c.keys.map((k, i) => (
                            <span key={k}>
                              {i > 0 && <span className="shortcut-sheet__or"> or </span>}
                              <kbd>{formatKeys(k, isMac)}</kbd>
                            </span>
                          ))
                        : <span className="shortcut-sheet__none">—</span>}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        <section className="shortcut-sheet__group" aria-labelledby="shortcuts-mouse">
          <h3 id="shortcuts-mouse">Mouse</h3>
          <dl>
            {gestures.map(([what, how]) => (
              <div key={what} className="shortcut-sheet__row">
                <dt>{what}</dt>
                <dd>{how}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Modal>
  )
}
