import type { RecoveryEntry } from '../../../shared/api'
import { useEditorContext } from '../editorContext'
import { RecoveryList } from './RecoveryList'
import { TitledModal } from './TitledModal'

/**
 * After a crash or kill, when the start screen is not up (or from File > Recover
 * Unsaved Boards…): the boards that had unsaved changes, to restore or discard.
 * Deciding later keeps them (the menu item shows them again).
 */
export function RecoveryDialog({ entries }: { entries: RecoveryEntry[] }): React.JSX.Element {
  const { store } = useEditorContext()
  const close = (): void => store.set({ dialog: null })
  return (
    <TitledModal
      title={entries.length === 1 ? 'Recover an unsaved board' : `Recover ${entries.length} unsaved boards`}
      intro="Orgboard stopped before these changes were saved. Restore a board to keep working on it, or discard it."
      onClose={close}
      testId="recovery-dialog"
      footer={
        <button type="button" className="button" onClick={close}>
          Decide later
        </button>
      }
    >
      <RecoveryList
        entries={entries}
        focusFirst
        onChange={(rest) => store.set({ dialog: rest.length > 0 ? { kind: 'recovery', entries: rest } : null })}
      />
    </TitledModal>
  )
}
