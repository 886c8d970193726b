import { X } from 'lucide-react'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'

/** Errors and notices, shown until dismissed; text only, never HTML. */
export function NoticeBar(): React.JSX.Element | null {
  const { store } = useEditorContext()
  const notice = useEditor(store, (s) => s.notice)
  if (!notice) return null
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span className="notice__text">{notice.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => store.set({ notice: null })}>
        <X size={16} aria-hidden />
      </button>
    </div>
  )
}
