import { useEditorContext } from '../editorContext'
import { sidePanels } from '../panels'
import { useEditor } from '../state/editorStore'

/** The right-hand side bar: one panel at a time, with tabs once there is more than one. */
export function SidePanel(): React.JSX.Element {
  const { store } = useEditorContext()
  const current = useEditor(store, (s) => s.panel)
  const panel = sidePanels.find((p) => p.id === current) ?? sidePanels[0]
  if (!panel) throw new Error('No side panels declared')
  return (
    <aside className="side-panel" aria-label={panel.title}>
      {sidePanels.length > 1 && (
        <div className="side-panel__tabs" role="tablist" aria-label="Side panel">
          {sidePanels.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              id={`side-tab-${p.id}`}
              aria-selected={p.id === panel.id}
              aria-controls="side-panel-body"
              className="side-panel__tab"
              onClick={() => store.set({ panel: p.id })}
            >
              {p.title}
            </button>
          ))}
        </div>
      )}
      {/* Focusable, so the panel scrolls from the keyboard even when it holds only text (the legend). */}
      <div className="side-panel__body" id="side-panel-body" tabIndex={0} aria-label={sidePanels.length > 1 ? undefined : panel.title} role={sidePanels.length > 1 ? 'tabpanel' : undefined} aria-labelledby={sidePanels.length > 1 ? `side-tab-${panel.id}` : undefined}>
        <panel.Component />
      </div>
    </aside>
  )
}
