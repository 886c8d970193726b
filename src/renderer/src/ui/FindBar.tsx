import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { ChevronDown, ChevronUp, Search, X } from 'lucide-react'
import { findCards } from '../../../shared/find'
import { cardKind, cardKinds, isCardKind, type CardKind } from '../../../shared/kinds'
import { FIND_INPUT_ID, jumpToCard } from '../editingActions'
import { useEditorContext } from '../editorContext'
import { kindIcons } from '../icons'
import { useEditor } from '../state/editorStore'
import { kindColorVars } from '../theme'

const resultId = (cardId: string): string => `find-result-${cardId.replace(/\W/g, '-')}`

/**
 * Find (Mod+F): search card titles and text fields, optionally of one kind;
 * Enter and the arrow keys step through the results, framing and selecting
 * each card; Escape closes and leaves the keyboard on the card found.
 */
export function FindBar(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const board = useEditor(store, (s) => s.history.present)
  const [query, setQuery] = useState('')
  const [kind, setKind] = useState<CardKind | null>(null)
  const [active, setActive] = useState(-1)
  const results = useMemo(() => findCards(board, query, kind), [board, query, kind])
  const current = active >= 0 ? results[Math.min(active, results.length - 1)] : undefined
  const previousFocus = useRef<Element | null>(null)
  const jumped = useRef<string | null>(null)

  useEffect(() => {
    previousFocus.current = document.activeElement
    const input = document.getElementById(FIND_INPUT_ID)
    if (input instanceof HTMLInputElement) input.focus()
  }, [])
  useEffect(() => {
    if (current) document.getElementById(resultId(current.cardId))?.scrollIntoView({ block: 'nearest' })
  }, [current])

  const goTo = (index: number): void => {
    if (results.length === 0) return
    const i = (index + results.length) % results.length
    const result = results[i]
    if (!result) return
    setActive(i)
    jumped.current = result.cardId
    jumpToCard(ctx, result.cardId)
  }
  const step = (by: 1 | -1): void => goTo(active < 0 ? (by > 0 ? 0 : results.length - 1) : active + by)

  const close = (): void => {
    store.set({ overlay: null })
    // Leave the keyboard on the card found, so F2, arrows or Delete act on it next.
    const found = jumped.current && document.querySelector(`.react-flow__node[data-id="${CSS.escape(jumped.current)}"]`)
    const back = found instanceof HTMLElement ? found : previousFocus.current
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true })
  }

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      close()
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault()
      step(e.shiftKey ? -1 : 1)
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && e.target instanceof HTMLInputElement) {
      e.preventDefault()
      step(e.key === 'ArrowDown' ? 1 : -1)
    }
  }

  const status = results.length
    ? current
      ? `${results.indexOf(current) + 1} of ${results.length}`
      : `${results.length} card${results.length === 1 ? '' : 's'}`
    : query.trim() || kind
      ? 'No cards found'
      : ''

  return (
    <div className="find-bar" role="search" aria-label="Find cards" onKeyDown={onKeyDown} data-testid="find-bar">
      <div className="find-bar__row">
        <Search size={16} aria-hidden className="find-bar__icon" />
        <input
          id={FIND_INPUT_ID}
          className="find-bar__input"
          role="combobox"
          aria-label="Find cards by text"
          aria-expanded={results.length > 0}
          aria-controls="find-results"
          aria-autocomplete="list"
          aria-activedescendant={current ? resultId(current.cardId) : undefined}
          placeholder="Find cards…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(-1)
          }}
        />
        <select
          className="find-bar__kind"
          aria-label="Kind of card"
          value={kind ?? ''}
          onChange={(e) => {
            setKind(isCardKind(e.target.value) ? e.target.value : null)
            setActive(-1)
          }}
        >
          <option value="">All kinds</option>
          {cardKinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
        <span className="find-bar__status" role="status" data-testid="find-status">
          {status}
        </span>
        <button type="button" className="icon-button" aria-label="Previous result" disabled={!results.length} onClick={() => step(-1)}>
          <ChevronUp size={16} aria-hidden />
        </button>
        <button type="button" className="icon-button" aria-label="Next result" disabled={!results.length} onClick={() => step(1)}>
          <ChevronDown size={16} aria-hidden />
        </button>
        <button type="button" className="icon-button" aria-label="Close find" onClick={close}>
          <X size={16} aria-hidden />
        </button>
      </div>
      {results.length > 0 && (
        <ul id="find-results" className="find-bar__results" role="listbox" aria-label="Cards found">
          {results.map((r, i) => {
            const spec = cardKind(r.kind)
            const Icon = kindIcons[r.kind]
            return (
              <li
                key={r.cardId}
                id={resultId(r.cardId)}
                role="option"
                aria-selected={r === current}
                className="find-bar__result"
                onClick={() => goTo(i)}
              >
                <span className="find-bar__kind-icon" style={kindColorVars(spec)} aria-hidden>
                  <Icon size={14} />
                </span>
                <span className="find-bar__result-text">
                  <span className="find-bar__result-title">
                    <span className="sr-only">{spec.label}: </span>
                    {r.title || '(untitled)'}
                  </span>
                  {r.field !== spec.titleLabel && (
                    <span className="find-bar__result-match">
                      {r.field}: {r.snippet}
                    </span>
                  )}
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
