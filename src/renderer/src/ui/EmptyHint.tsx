import { formatKeys } from '../../../shared/commands'
import { useEditorContext } from '../editorContext'
import { isMac } from '../platform'
import { useEditor } from '../state/editorStore'

/** What to do first on an empty board. */
export function EmptyHint(): React.JSX.Element | null {
  const { store } = useEditorContext()
  const empty = useEditor(store, (s) => s.history.present.cards.length === 0)
  if (!empty) return null
  return (
    <div className="empty-hint" data-testid="empty-hint">
      <h1>Start mapping how work flows</h1>
      <p>
        Pick a kind on the left, or press <kbd>T</kbd> for a freight train, <kbd>S</kbd> for a seedling, <kbd>W</kbd> for a wall,{' '}
        <kbd>N</kbd> for a note.
      </p>
      <p>Drag from a card&apos;s edge to another card to connect them. Double-click a card to rename it.</p>
      <p>
        Press <kbd>{formatKeys('Mod+K', isMac)}</kbd> for every command, <kbd>?</kbd> for all shortcuts.
      </p>
    </div>
  )
}
