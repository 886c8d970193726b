import { useStore } from '@xyflow/react'
import { ArrowLeftRight, Trash2 } from 'lucide-react'
import type { Relation } from '../../../shared/board'
import { removeItems, reverseRelation, setRelation } from '../../../shared/edits'
import { relationKinds } from '../../../shared/kinds'
import { useEditorContext } from '../editorContext'
import { RelationSample } from '../inspector/RelationSample'
import { useEditor } from '../state/editorStore'

/** Change a relation's kind, flip it or delete it, right where it is drawn. */
export function RelationQuickMenu({ relation, x, y }: { relation: Relation; x: number; y: number }): React.JSX.Element | null {
  const { store } = useEditorContext()
  const alone = useEditor(store, (s) => s.selectedRelations.size === 1 && s.selectedCards.size === 0)
  // The menu lives inside the zoomed board; undo the zoom so it keeps its size on screen.
  const zoom = useStore((s) => s.transform[2])
  if (!alone) return null
  return (
    <div
      className="quick-menu nodrag nopan"
      role="toolbar"
      aria-label="Relation"
      style={{ transform: `translate(${x}px, ${y + 16 / zoom}px) scale(${1 / zoom}) translate(-50%, 0)`, transformOrigin: '0 0' }}
    >
      {relationKinds.map((kind) => (
        <button
          key={kind.id}
          type="button"
          className={`quick-menu__button${relation.kind === kind.id ? ' quick-menu__button--active' : ''}`}
          aria-label={kind.label}
          aria-pressed={relation.kind === kind.id}
          title={kind.label}
          onClick={() => store.change('Change relation', (b) => setRelation(b, relation.id, { kind: kind.id }))}
        >
          <RelationSample kind={kind.id} />
        </button>
      ))}
      <span className="quick-menu__divider" />
      <button type="button" className="quick-menu__button" aria-label="Reverse direction" title="Reverse direction" onClick={() => store.change('Reverse', (b) => reverseRelation(b, relation.id))}>
        <ArrowLeftRight size={16} aria-hidden />
      </button>
      <button
        type="button"
        className="quick-menu__button"
        aria-label="Delete relation"
        title="Delete relation"
        onClick={() => {
          store.change('Delete', (b) => removeItems(b, new Set(), new Set([relation.id])))
          store.select([])
        }}
      >
        <Trash2 size={16} aria-hidden />
      </button>
    </div>
  )
}
