import { memo, useEffect, useMemo } from 'react'
import { ViewportPortal } from '@xyflow/react'
import type { Relation } from '../../../shared/board'
import { relationLines } from '../../../shared/relationLines'
import { useEditorContext } from '../editorContext'
import { useDragPositions } from '../state/cardDrag'
import { useEditor } from '../state/editorStore'
import type { Theme } from '../theme'
import { useEdgeClasses } from './analysisMarks'
import { farStrokes, prepareFarStrokes } from './farStrokes'
import { relationStrokes } from './relationStrokes'

/**
 * The relations as a few paths per line style, in place of React Flow's edges while
 * zoomed out past FAR_ZOOM (styles.css hides those). React Flow gives each edge an SVG of
 * its own, each repainted on every zoom frame. Clicks on a line still select it (Canvas
 * hit-tests the lines on a click on the pane).
 */
export const FarRelations = memo(function FarRelations({ theme, far }: { theme: Theme; far: boolean }) {
  return far ? <FarRelationPaths theme={theme} /> : <PrepareFarStrokes theme={theme} />
})

/** Until the zoom passes FAR_ZOOM the paths are made ahead, whenever the browser is idle (as FarCards' outlines). */
function PrepareFarStrokes({ theme }: { theme: Theme }): null {
  const { store } = useEditorContext()
  const cards = useEditor(store, (s) => s.history.present.cards)
  const relations = useEditor(store, (s) => s.history.present.relations)
  const selected = useEditor(store, (s) => s.selectedRelations)
  const classes = useEdgeClasses()
  useEffect(() => prepareFarStrokes({ cards, relations, theme, selected, classes }), [cards, relations, theme, selected, classes])
  return null
}

function FarRelationPaths({ theme }: { theme: Theme }): React.JSX.Element {
  const { store } = useEditorContext()
  const cards = useEditor(store, (s) => s.history.present.cards)
  const relations = useEditor(store, (s) => s.history.present.relations)
  const resized = useEditor(store, (s) => s.preview)
  const dragged = useDragPositions(store.drag)
  const preview = useMemo(() => (dragged.size === 0 ? resized : new Map([...resized, ...dragged])), [resized, dragged])
  const selected = useEditor(store, (s) => s.selectedRelations)
  const classes = useEdgeClasses()
  // While cards are dragged, resized or laid out, only their relations are remade on each move: the
  // rest stay as they were (all 6,000 at XL took a frame's worth of time per move).
  const movingKey = [...preview.keys()].join(' ')
  const [resting, moving] = useMemo(() => {
    const ids = new Set(movingKey ? movingKey.split(' ') : [])
    const touches = (r: Relation): boolean => ids.has(r.from) || ids.has(r.to)
    return [relations.filter((r) => !touches(r)), relations.filter(touches)]
  }, [relations, movingKey])
  const still = useMemo(
    // At rest, all of them: the strokes made ahead (farStrokes) are these.
    () => (movingKey ? relationStrokes(relationLines(cards, resting), theme, selected, classes) : farStrokes({ cards, relations, theme, selected, classes })),
    [cards, relations, resting, movingKey, theme, selected, classes]
  )
  const moved = useMemo(
    () => relationStrokes(relationLines(cards, moving, preview), theme, selected, classes),
    [cards, moving, preview, theme, selected, classes]
  )
  return (
    <ViewportPortal>
      <svg className="far-relations" aria-hidden="true" data-testid="far-relations">
        {[still, moved].map((strokes, i) =>
          strokes.map((s) => (
            <g key={`${i}|${s.key}`}>
              <path d={s.lines} fill="none" stroke={s.color} strokeWidth={s.width} strokeOpacity={s.opacity < 1 ? s.opacity : undefined} />
              <path d={s.heads} fill={s.color} />
            </g>
          ))
        )}
      </svg>
    </ViewportPortal>
  )
}
