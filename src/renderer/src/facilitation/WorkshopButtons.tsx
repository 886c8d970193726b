import { Presentation, Timer } from 'lucide-react'
import { commandById, formatKeys } from '../../../shared/commands'
import { isActionEnabled, runAction } from '../actions'
import { useEditorContext } from '../editorContext'
import { isMac } from '../platform'
import { useEditor } from '../state/editorStore'

const label = (id: string): string => {
  const spec = commandById(id)
  const key = spec?.keys?.[0]
  return `${spec?.title ?? id}${key ? ` (${formatKeys(key, isMac)})` : ''}`
}

/** The top bar's workshop tools: the timer and presenter mode. */
export function WorkshopButtons(): React.JSX.Element {
  const ctx = useEditorContext()
  const timerVisible = useEditor(ctx.store, (s) => s.facilitation.timer.visible)
  useEditor(ctx.store, (s) => s.history.present.cards.length > 0)
  return (
    <div className="topbar__group" role="group" aria-label="Workshop">
      <button
        type="button"
        className="icon-button"
        aria-label="Timer"
        aria-pressed={timerVisible}
        title={label('workshop.timer')}
        onClick={() => void runAction('workshop.timer', ctx)}
      >
        <Timer size={18} aria-hidden />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Present"
        title={label('workshop.present')}
        disabled={!isActionEnabled('workshop.present', ctx)}
        onClick={() => void runAction('workshop.present', ctx)}
      >
        <Presentation size={18} aria-hidden />
      </button>
    </div>
  )
}
