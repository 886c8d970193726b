import { memo } from 'react'
import { EdgeLabelRenderer, getStraightPath, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react'
import type { Relation } from '../../../shared/board'
import type { Rect } from '../../../shared/geometry'
import { relationKind } from '../../../shared/kinds'
import { relationEnds, type Point } from '../../../shared/relationLines'
import { useEditorContext } from '../editorContext'
import { useDragPosition } from '../state/cardDrag'
import { relationColor } from '../theme'
import { RelationQuickMenu } from './RelationQuickMenu'
import { dashedPieces } from './dashPieces'
import { isConditional, relationDash, SELECTED_EXTRA } from './relationStrokes'
import { useZoomedOut } from './useZoomBucket'

/** `highlight`: the class the analysis gives the relation (analysisMarks.ts), which draws it with a glow. */
export type RelationEdgeType = Edge<{ relation: Relation; highlight?: string }, 'relation'>

/** The card's box on the canvas; while it is dragged, where the drag has it (React Flow learns on the drop). */
function rectOf(node: InternalNode, dragged: Point | undefined): Rect {
  return {
    ...(dragged ?? node.internals.positionAbsolute),
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0
  }
}

/** A relation drawn from border to border of its cards, in its kind's line style, arrowhead at `to`. */
export const RelationEdge = memo(function RelationEdge({ id, source, target, data, markerEnd, selected }: EdgeProps<RelationEdgeType>) {
  const from = useInternalNode(source)
  const to = useInternalNode(target)
  const { store } = useEditorContext()
  const fromDragged = useDragPosition(store.drag, source)
  const toDragged = useDragPosition(store.drag, target)
  // Zoomed out, labels are unreadable and each is an HTML element to lay out: leave them out.
  const zoomedOut = useZoomedOut()
  if (!from || !to || !data) return null
  const { start, end } = relationEnds(rectOf(from, fromDragged), rectOf(to, toDragged))
  const [path, labelX, labelY] = getStraightPath({ sourceX: start.x, sourceY: start.y, targetX: end.x, targetY: end.y })
  const spec = relationKind(data.relation.kind)
  const relation = data.relation
  const conditional = isConditional(relation)
  // The line style says the kind (see the legend); only the facilitator's own words go on the line.
  const label = relation.label
  const dash = relationDash(relation)
  const style = { stroke: relationColor(spec), strokeWidth: selected ? spec.width + SELECTED_EXTRA : spec.width, strokeDasharray: dash }
  const pieces = dashedPieces(start, end, dash)
  return (
    <>
      {/* The glow of a relation on a circle or the critical path: a wide translucent line beneath (analysisMarks.css). */}
      {data.highlight && <path d={path} className="relation-halo" />}
      {/* As React Flow's BaseEdge draws an edge, but the line may come in pieces (dashPieces.ts). */}
      {pieces.map((d, i) => (
        <path
          key={i}
          id={i === 0 ? id : undefined}
          d={d}
          fill="none"
          className="react-flow__edge-path"
          style={style}
          markerEnd={i === pieces.length - 1 ? markerEnd : undefined}
        />
      ))}
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={16} className="react-flow__edge-interaction" />
      {((label && !zoomedOut) || selected) && (
        <EdgeLabelRenderer>
          {label && !zoomedOut && (
            <div
              className={`relation-label${selected ? ' relation-label--selected' : ''}${conditional ? ' relation-label--conditional' : ''}`}
              style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: relationColor(spec) }}
            >
              {conditional && <span className="relation-label__if" aria-hidden>◇</span>}
              {label}
            </div>
          )}
          {selected && <RelationQuickMenu relation={relation} x={labelX} y={labelY} />}
        </EdgeLabelRenderer>
      )}
    </>
  )
})
