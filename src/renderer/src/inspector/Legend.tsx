import { cardKinds, relationKinds } from '../../../shared/kinds'
import { kindIcons } from '../icons'
import { kindColorVars } from '../theme'
import { RelationSample } from './RelationSample'

/** What each shape and line means; shown when nothing is selected. */
export function Legend(): React.JSX.Element {
  return (
    <div className="inspector__body legend" data-testid="legend">
      <header className="inspector__header">
        <h2>Legend</h2>
      </header>
      <p className="inspector__note">Select a card or a relation to edit it.</p>
      <h3 className="field__label">Kinds of work</h3>
      <ul className="legend__list">
        {cardKinds.map((k) => {
          const Icon = kindIcons[k.id]
          return (
            <li key={k.id}>
              <span className={`legend__shape card--${k.shape}`} style={kindColorVars(k)}>
                <Icon size={12} strokeWidth={2.5} aria-hidden />
              </span>
              <span>
                <strong>{k.label}</strong>
                <small>{k.hint}</small>
              </span>
            </li>
          )
        })}
      </ul>
      <h3 className="field__label">Relations</h3>
      <ul className="legend__list legend__list--relations">
        {relationKinds.map((k) => (
          <li key={k.id}>
            <RelationSample kind={k.id} />
            <span>{k.label}</span>
          </li>
        ))}
        <li>
          <RelationSample kind="dependsOn" conditional />
          <span>depends on, only if… (conditional)</span>
        </li>
      </ul>
    </div>
  )
}
