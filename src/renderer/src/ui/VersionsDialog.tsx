import { History } from 'lucide-react'
import type { VersionEntry } from '../../../shared/api'
import { restoreVersion } from '../actions'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'
import { TitledModal } from './TitledModal'
import { describeSize, describeWhen } from './when'

/** File > Restore a Previous Version…: the board's earlier saves, newest first. */
export function VersionsDialog({ entries }: { entries: VersionEntry[] }): React.JSX.Element {
  const ctx = useEditorContext()
  const name = useEditor(ctx.store, (s) => s.name)
  const close = (): void => ctx.store.set({ dialog: null })
  return (
    <TitledModal
      title={`Restore a previous version of “${name}”`}
      intro={
        entries.length > 0
          ? 'Orgboard keeps the last 20 saves of each board. A restored version replaces what is on the board; Undo brings your current board back, and the file changes only when you save.'
          : 'No earlier versions yet: each time you save, Orgboard keeps the version before.'
      }
      onClose={close}
      testId="versions-dialog"
      footer={
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      }
    >
      {entries.length > 0 && (
        <ul className="choice-list">
          {entries.map((entry, i) => {
            const when = describeWhen(entry.savedAt)
            return (
              <li key={entry.id} className="choice" data-testid="version-entry">
                <History className="choice__icon" size={22} aria-hidden />
                <div className="choice__text">
                  <div className="choice__title">
                    Saved <time dateTime={new Date(entry.savedAt).toISOString()}>{when}</time>
                  </div>
                  <div className="choice__detail">
                    {entry.cards === 1 ? '1 card' : `${entry.cards} cards`} · {describeSize(entry.bytes)}
                  </div>
                </div>
                <div className="choice__actions">
                  <button
                    type="button"
                    className="button button--primary"
                    data-autofocus={i === 0 ? true : undefined}
                    onClick={() => void restoreVersion(ctx, entry, when)}
                  >
                    Restore
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </TitledModal>
  )
}
