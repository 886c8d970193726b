import { useEffect, useState } from 'react'
import { FileText } from 'lucide-react'
import type { RecentBoard } from '../../../shared/api'
import { openRecentBoard } from '../actions'
import { useEditorContext } from '../editorContext'

/** One row above the templates, so they stay in view; File > Open Recent has them all. */
const SHOWN = 3

/**
 * The start screen's "Recent boards": the last boards opened or saved on this
 * computer, checked on disk. A missing one is shown greyed out, not hidden, so the
 * facilitator knows it moved rather than wondering where it went.
 */
export function StartRecent({ disabled, onProblem }: { disabled: boolean; onProblem(text: string): void }): React.JSX.Element | null {
  const ctx = useEditorContext()
  const [boards, setBoards] = useState<RecentBoard[] | null>(null)

  useEffect(() => {
    let live = true
    ctx.api.listRecent().then(
      (list) => live && setBoards(list),
      (err: unknown) => live && onProblem(`Could not read the recent boards: ${err instanceof Error ? err.message : String(err)}`)
    )
    return () => {
      live = false
    }
  }, [ctx, onProblem])

  if (!boards || boards.length === 0) return null
  return (
    <section aria-labelledby="start-recent" data-testid="start-recent">
      <h2 className="start__heading" id="start-recent">
        Recent boards
      </h2>
      <ul className="start-recent">
        {boards.slice(0, SHOWN).map((board) => (
          <li key={board.path}>
            <button
              type="button"
              className="start-recent__board"
              disabled={disabled || board.missing}
              title={board.missing ? `Not found: ${board.path}` : board.path}
              onClick={() => void openRecentBoard(ctx, board.path)}
            >
              <FileText size={18} aria-hidden />
              <span className="start-recent__name">{board.name}</span>
              <span className="start-recent__folder">{`\u200e${board.folder}\u200e`}</span>
              {board.missing && <span className="start-recent__missing">Missing</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
