import { memo, useMemo } from 'react'
import { useStore, ViewportPortal } from '@xyflow/react'
import { relationLines } from '../../../shared/relationLines'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'
import type { Theme } from '../theme'
import { useEdgeClasses } from './analysisMarks'
import { relationStrokes } from './relationStrokes'
import { farOut } from './useZoomBucket'

/**
 * The relations as a few paths per line style, in place of React Flow's edges while
 * zoomed out past FAR_ZOOM (styles.css hides those). React Flow gives each edge an SVG of
 * its own, each repainted on every zoom frame. Clicks on a line still select it (Canvas
 * hit-tests the lines on a click on the pane).
 */
export const FarRelations = memo(function FarRelations({ theme }: { theme: Theme }) {
  const far = useStore(farOut)
  return far ? <FarRelationPaths theme={theme} /> : null
})

function FarRelationPaths({ theme }: { theme: Theme }): React.JSX.Element {
  const { store } = useEditorContext()
  const cards = useEditor(store, (s) => s.history.present.cards)
  const relations = useEditor(store, (s) => s.history.present.relations)
  const preview = useEditor(store, (s) => s.preview)
  const selected = useEditor(store, (s) => s.selectedRelations)
  const classes = useEdgeClasses()
  const strokes = useMemo(
    () => relationStrokes(relationLines(cards, relations, preview), theme, selected, classes),
    [cards, relations, preview, theme, selected, classes]
  )
  return (
    <ViewportPortal>
      <svg className="far-relations" aria-hidden="true" data-testid="far-relations">
        {strokes.map((s) => (
          <g key={s.key}>
            <path d={s.lines} fill="none" stroke={s.color} strokeWidth={s.width} strokeOpacity={s.opacity < 1 ? s.opacity : undefined} />
            <path d={s.heads} fill={s.color} />
          </g>
        ))}
      </svg>
    </ViewportPortal>
  )
}
