import { useCallback, useEffect, useRef, useState } from 'react'
import { History, X } from 'lucide-react'
import type { RecentBoard } from '../../../shared/api'
import { openRecentBoard } from '../actions'
import { useEditorContext } from '../editorContext'

/**
 * Open Recent, next to Open: the boards opened or saved lately, newest first.
 * A board that is not where it was is shown as missing and can be removed from
 * the list (removing never touches a file).
 */
export function RecentMenu(): React.JSX.Element {
  const ctx = useEditorContext()
  const [open, setOpen] = useState(false)
  const [boards, setBoards] = useState<RecentBoard[] | null>(null)
  const root = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)

  const show = useCallback(
    (update: Promise<RecentBoard[]>) =>
      update.then(setBoards, (err: unknown) => {
        setOpen(false)
        ctx.store.set({ notice: { tone: 'error', text: `Could not read the recent boards: ${err instanceof Error ? err.message : String(err)}` } })
      }),
    [ctx]
  )

  useEffect(() => {
    if (!open) return
    // Checked on disk each time it opens, so a board moved meanwhile shows as missing.
    void show(ctx.api.listRecent())
    const onPointerDown = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      setOpen(false)
      trigger.current?.focus()
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown, true)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown, true)
    }
  }, [open, ctx, show])

  return (
    <div className="recent" ref={root}>
      <button
        ref={trigger}
        type="button"
        className="icon-button"
        aria-label="Open Recent"
        title="Open Recent"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        <History size={18} aria-hidden />
      </button>
      {open && (
        <div className="recent__panel" role="dialog" aria-label="Recent boards" data-testid="recent-panel">
          <h2 className="recent__heading">Recent boards</h2>
          {boards !== null && boards.length === 0 && <p className="recent__empty">Boards you open or save show up here.</p>}
          {boards !== null && boards.length > 0 && (
            <ul className="recent__list">
              {boards.map((board) => (
                <li key={board.path} className={`recent__item${board.missing ? ' recent__item--missing' : ''}`} data-testid="recent-board">
                  <button
                    type="button"
                    className="recent__open"
                    disabled={board.missing}
                    title={board.missing ? `Not found: ${board.path}` : board.path}
                    onClick={() => {
                      setOpen(false)
                      void openRecentBoard(ctx, board.path)
                    }}
                  >
                    <span className="recent__name">{board.name}</span>
                    {/* Long folders are cut at the start (the end names the folder); the marks keep slashes in place. */}
                    <span className="recent__folder">{`\u200e${board.folder}\u200e`}</span>
                  </button>
                  {board.missing && <span className="recent__missing">Missing</span>}
                  <button
                    type="button"
                    className="icon-button recent__remove"
                    aria-label={`Remove ${board.name} from the list`}
                    title="Remove from the list (the file is not touched)"
                    onClick={() => void show(ctx.api.removeRecent({ path: board.path }))}
                  >
                    <X size={14} aria-hidden />
                  </button>
                </li>
              ))}
            </ul>
          )}
          {boards !== null && boards.length > 0 && (
            <button type="button" className="recent__clear" onClick={() => void show(ctx.api.clearRecent())}>
              Clear Recent
            </button>
          )}
        </div>
      )}
    </div>
  )
}
