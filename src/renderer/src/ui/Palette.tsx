import { commands, formatKeys } from '../../../shared/commands'
import { cardKinds } from '../../../shared/kinds'
import { insertCard } from '../actions'
import { PALETTE_MIME } from '../canvas/Canvas'
import { useEditorContext } from '../editorContext'
import { kindIcons } from '../icons'
import { isMac } from '../platform'
import { kindColorVars } from '../theme'

/** Every kind of card: click to add where the facilitator is looking, or drag onto the board. */
export function Palette(): React.JSX.Element {
  const ctx = useEditorContext()
  return (
    <nav className="palette" aria-label="Add a card">
      <h2 className="palette__heading">Add</h2>
      <ul>
        {cardKinds.map((kind) => {
          const Icon = kindIcons[kind.id]
          const key = commands.find((c) => c.id === `insert.${kind.id}`)?.keys?.[0]
          return (
            <li key={kind.id}>
              <button
                type="button"
                className="palette__item"
                style={kindColorVars(kind)}
                title={`${kind.label}: ${kind.hint}${key ? ` (${formatKeys(key, isMac)})` : ''}`}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, kind.id)
                  e.dataTransfer.effectAllowed = 'copy'
                }}
                onClick={() => insertCard(ctx, kind.id)}
              >
                <span className="palette__icon">
                  <Icon size={16} strokeWidth={2.25} aria-hidden />
                </span>
                <span className="palette__label">{kind.label}</span>
                {key && <kbd>{key}</kbd>}
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
