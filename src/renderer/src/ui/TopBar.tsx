import { Command, FilePlus2, FolderOpen, Keyboard, Redo2, Save, Search, Undo2 } from 'lucide-react'
import { commandById, formatKeys } from '../../../shared/commands'
import { isActionEnabled, runAction } from '../actions'
import { useEditorContext } from '../editorContext'
import { WorkshopButtons } from '../facilitation/WorkshopButtons'
import { isMac } from '../platform'
import { useEditor } from '../state/editorStore'
import { RecentMenu } from './RecentMenu'

const buttons = [
  { id: 'board.new', Icon: FilePlus2 },
  { id: 'board.open', Icon: FolderOpen },
  { id: 'board.save', Icon: Save },
  { id: 'edit.undo', Icon: Undo2 },
  { id: 'edit.redo', Icon: Redo2 },
  { id: 'edit.find', Icon: Search },
  { id: 'view.commandPalette', Icon: Command },
  { id: 'view.shortcuts', Icon: Keyboard }
] as const

/** The board's name with its unsaved marker, and the actions a facilitator reaches for most. */
export function TopBar(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const name = useEditor(store, (s) => s.name)
  // Re-render when history moves, so the edited marker and undo/redo buttons follow.
  useEditor(store, (s) => s.history)
  useEditor(store, (s) => s.savedRevision)
  const edited = store.isEdited()
  return (
    <header className="topbar">
      <div className="topbar__brand" aria-hidden>
        <span className="topbar__logo" />
        Orgboard
      </div>
      <div className="topbar__title" data-testid="board-title">
        <span className="topbar__name">{name}</span>
        {edited && (
          <span className="topbar__edited" data-testid="edited-marker" title="Unsaved changes">
            Edited
          </span>
        )}
      </div>
      <div className="topbar__actions" role="toolbar" aria-label="Board">
        <WorkshopButtons />
        {buttons.map(({ id, Icon }) => {
          const spec = commandById(id)
          const key = spec?.keys?.[0]
          const label = `${spec?.title ?? id}${key ? ` (${formatKeys(key, isMac)})` : ''}`
          const button = (
            <button
              key={id}
              type="button"
              className="icon-button"
              aria-label={spec?.title ?? id}
              title={label}
              disabled={!isActionEnabled(id, ctx)}
              onClick={() => void runAction(id, ctx)}
            >
              <Icon size={18} aria-hidden />
            </button>
          )
          return id === 'board.open' ? [button, <RecentMenu key="recent" />] : button
        })}
      </div>
    </header>
  )
}
