import { X } from 'lucide-react'
import { runAction } from '../actions'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'

/** Errors and notices, shown until dismissed; text only, never HTML. */
export function NoticeBar(): React.JSX.Element | null {
  const ctx = useEditorContext()
  const { store } = ctx
  const notice = useEditor(store, (s) => s.notice)
  if (!notice) return null
  const { action, details } = notice
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <div className="notice__body">
        <span className="notice__text">{notice.text}</span>
        {details && details.length > 0 && (
          <ul className="notice__details" data-testid="notice-details">
            {details.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {action && (
        <button type="button" className="button button--small" onClick={() => void runAction(action.command, ctx)}>
          {action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => store.set({ notice: null })}>
        <X size={16} aria-hidden />
      </button>
    </div>
  )
}
