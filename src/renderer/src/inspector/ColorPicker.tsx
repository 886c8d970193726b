import { setColor } from '../../../shared/edits'
import { cardColors, type CardColor } from '../../../shared/kinds'
import { useEditorContext } from '../editorContext'
import { kindAccent } from '../theme'

/** Sticky-note colours for one or many cards; "Kind colour" goes back to the kind's own. */
export function ColorPicker({ ids, current }: { ids: string[]; current: CardColor | undefined }): React.JSX.Element {
  const { store } = useEditorContext()
  const apply = (color: CardColor | undefined): void => store.change('Colour', (b) => setColor(b, new Set(ids), color))
  return (
    <fieldset className="field">
      <legend className="field__label">Colour</legend>
      <div className="swatches">
        <button type="button" className={`swatch swatch--kind${current === undefined ? ' swatch--active' : ''}`} aria-label="Kind colour" aria-pressed={current === undefined} onClick={() => apply(undefined)} />
        {cardColors.map((c) => (
          <button
            key={c.id}
            type="button"
            className={`swatch${current === c.id ? ' swatch--active' : ''}`}
            style={{ background: `light-dark(${c.fill}, ${c.dark.fill})`, borderColor: kindAccent(c) }}
            aria-label={c.label}
            aria-pressed={current === c.id}
            title={c.label}
            onClick={() => apply(c.id)}
          />
        ))}
      </div>
    </fieldset>
  )
}
