import { findingKinds, type Finding, type FindingKind } from '../../../shared/analysis'
import { runAction } from '../actions'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'
import { useAnalysis } from './useAnalysis'
import './findings.css'
import { cardsWithIds, frameCards } from '../canvas/frameCards'

/** What the board's analysis found, live, grouped by kind; a click selects and frames what a finding names. */
export function FindingsPanel(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const { findings } = useAnalysis(store)
  const showCriticalPath = useEditor(store, (s) => s.showCriticalPath)
  const showPhases = useEditor(store, (s) => s.showPhases)
  const groups = new Map<FindingKind, Finding[]>()
  for (const f of findings) {
    const list = groups.get(f.kind)
    if (list) list.push(f)
    else groups.set(f.kind, [f])
  }

  const show = (finding: Finding): void => {
    store.select(finding.cards, finding.relations)
    frameCards(ctx, cardsWithIds(store.board.cards, finding.cards), { padding: 0.12, maxZoom: 1.25, duration: 300 })
  }

  return (
    <div className="findings" data-testid="findings">
      <div className="findings__toggles">
        <label className="findings__toggle">
          <input type="checkbox" checked={showCriticalPath} onChange={() => void runAction('view.criticalPath', ctx)} />
          Show critical path
        </label>
        <label className="findings__toggle">
          <input type="checkbox" checked={showPhases} onChange={() => void runAction('view.phases', ctx)} />
          Show phases
        </label>
      </div>
      {findings.length === 0 && (
        <p className="findings__empty">
          Nothing to report yet. Connect work with “depends on”, add walls, seedlings and initiatives, and what the map says appears here.
        </p>
      )}
      {findingKinds
        .filter((k) => groups.has(k.id))
        .map((kind) => {
          const list = groups.get(kind.id) as Finding[]
          return (
            <section key={kind.id} className={`findings__group findings__group--${kind.severity}`} aria-labelledby={`findings-${kind.id}`} data-kind={kind.id}>
              <h3 id={`findings-${kind.id}`} className="findings__heading">
                <span>{kind.title}</span>
                <span className="findings__count" aria-label={`${list.length} found`}>
                  {list.length}
                </span>
              </h3>
              <ul className="findings__list">
                {list.map((f) => (
                  <li key={f.id}>
                    <button type="button" className="findings__item" data-testid="finding" data-finding={f.id} onClick={() => show(f)}>
                      {f.message}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )
        })}
    </div>
  )
}
