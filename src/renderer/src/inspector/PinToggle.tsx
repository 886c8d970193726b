import type { Card } from '../../../shared/board'
import { setPinned } from '../../../shared/edits'
import { useEditorContext } from '../editorContext'

/** Pins a card in place: auto-layout and "tidy selection" leave it where the facilitator put it. */
export function PinToggle({ card }: { card: Card }): React.JSX.Element {
  const { store } = useEditorContext()
  const pinned = card.pinned === true
  return (
    <label className="field field--inline" htmlFor={`inspector-pin-${card.id}`}>
      <input
        id={`inspector-pin-${card.id}`}
        type="checkbox"
        checked={pinned}
        onChange={() => store.change(pinned ? 'Unpin' : 'Pin', (b) => setPinned(b, new Set([card.id]), !pinned))}
      />
      <span>Pinned: auto-layout leaves it where it is</span>
    </label>
  )
}
