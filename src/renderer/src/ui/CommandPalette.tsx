import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { Check } from 'lucide-react'
import { commandMenus, commands, formatKeys, type CommandSpec } from '../../../shared/commands'
import { fuzzyFilter } from '../../../shared/fuzzy'
import { matchesKeys } from '../../../shared/keys'
import { isActionChecked, isActionEnabled, runAction } from '../actions'
import { useEditorContext } from '../editorContext'
import { isMac } from '../platform'
import { Modal } from './Modal'

const menuLabel = (menu: CommandSpec['menu']): string => commandMenus.find((m) => m.menu === menu)?.label ?? menu
const optionId = (id: string): string => `palette-${id.replace(/\W/g, '-')}`

/** Every command, fuzzy-searched by name; Enter runs it, exactly as its menu item or key would. */
export function CommandPalette(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const [query, setQuery] = useState('')
  // The board cannot change while the palette is open, so enabled and checked states are read once.
  const entries = useMemo(
    () =>
      commands.map((command) => ({
        command,
        menu: menuLabel(command.menu),
        enabled: isActionEnabled(command.id, ctx),
        checked: isActionChecked(command.id, ctx)
      })),
    [ctx]
  )
  const results = useMemo(() => fuzzyFilter(entries, query, (e) => `${e.command.title} ${e.menu}`), [entries, query])
  const [active, setActive] = useState(0)
  const current = results[Math.min(active, results.length - 1)]

  useEffect(() => {
    if (current) document.getElementById(optionId(current.command.id))?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const close = (): void => store.set({ overlay: null })
  const run = (entry: (typeof entries)[number] | undefined): void => {
    if (!entry?.enabled) return
    close()
    void runAction(entry.command.id, ctx)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0
    if (step && results.length) {
      e.preventDefault()
      setActive((i) => (Math.min(i, results.length - 1) + step + results.length) % results.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      run(current)
    } else if (matchesKeys('Mod+K', e, isMac)) {
      e.preventDefault()
      close()
    }
  }

  return (
    <Modal label="Command palette" className="palette-dialog" onClose={close}>
      <input
        className="palette-dialog__input"
        role="combobox"
        aria-label="Search commands"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current.command.id) : undefined}
        placeholder="Type a command…"
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-list" className="palette-dialog__list" role="listbox" aria-label="Commands">
        {results.map((entry) => {
          const key = entry.command.keys?.[0]
          return (
            <li
              key={entry.command.id}
              id={optionId(entry.command.id)}
              role="option"
              aria-selected={entry === current}
              aria-disabled={!entry.enabled}
              className="palette-dialog__option"
              onMouseMove={() => setActive(results.indexOf(entry))}
              onClick={() => run(entry)}
            >
              <span className="palette-dialog__check" aria-hidden>
                {entry.checked && <Check size={14} />}
              </span>
              <span className="palette-dialog__title">
                {entry.command.title}
                {entry.checked !== undefined && <span className="sr-only">{entry.checked ? ' (on)' : ' (off)'}</span>}
              </span>
              <span className="palette-dialog__menu">{entry.menu}</span>
              {key && <kbd>{formatKeys(key, isMac)}</kbd>}
            </li>
          )
        })}
        {results.length === 0 && (
          <li className="palette-dialog__empty" role="option" aria-selected="false" aria-disabled="true">
            No command matches “{query}”
          </li>
        )}
      </ul>
    </Modal>
  )
}
