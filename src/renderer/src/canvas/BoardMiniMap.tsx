import { memo, useEffect, useMemo, useRef } from 'react'
import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react'
import { XYMinimap, type XYMinimapInstance } from '@xyflow/system'
import { cardKind, cardPaint, type Paint } from '../../../shared/kinds'
import type { Rect } from '../../../shared/geometry'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'
import { kindColors, type Theme } from '../theme'
import { miniMapShapes, type MiniMapBox } from './miniMapShapes'

const WIDTH = 200
const HEIGHT = 150
/** Space around the board on the minimap, in minimap pixels (React Flow's MiniMap uses the same). */
const OFFSET = 5
const STROKE = 3

interface View {
  x: number
  y: number
  zoom: number
  width: number
  height: number
  rfId: string
  panZoom: ReactFlowState['panZoom']
  translateExtent: ReactFlowState['translateExtent']
  label: string
}

const viewOf = (s: ReactFlowState): View => ({
  x: s.transform[0],
  y: s.transform[1],
  zoom: s.transform[2],
  width: s.width,
  height: s.height,
  rfId: s.rfId,
  panZoom: s.panZoom,
  translateExtent: s.translateExtent,
  label: s.ariaLabelConfig['minimap.ariaLabel']
})

const sameView = (a: View, b: View): boolean =>
  (Object.keys(a) as (keyof View)[]).every((k) => a[k] === b[k])

/**
 * The board from above, pannable and zoomable like React Flow's MiniMap, with which it
 * shares its look (classes, CSS variables) and its pan/zoom behaviour (XYMinimap). React
 * Flow's draws one component per card, each subscribed to its store: at 5,000 cards that
 * was most of the time to open a board and a third of its memory. This one draws a path
 * per colour, rebuilt only when the board changes, so panning only moves the mask.
 */
export const BoardMiniMap = memo(function BoardMiniMap({ theme }: { theme: Theme }) {
  const store = useStoreApi()
  const svg = useRef<SVGSVGElement>(null)
  // The board's cards, not React Flow's nodes: those change on every move of a drag, and
  // redrawing 5,000 boxes per move would slow the drag; the minimap follows on the drop.
  const { store: editor } = useEditorContext()
  const cards = useEditor(editor, (s) => s.history.present.cards)
  const view = useStore(viewOf, sameView)

  const { shapes, bounds } = useMemo(() => {
    const colors = new Map<Paint, { fill: string; color: string }>()
    return miniMapShapes(cards, (card): MiniMapBox => {
      const paint = cardPaint(card)
      let c = colors.get(paint)
      if (!c) colors.set(paint, (c = kindColors(paint, theme)))
      return { x: card.x, y: card.y, width: card.width, height: card.height, fill: c.fill, stroke: c.color, under: cardKind(card.kind).container }
    })
  }, [cards, theme])

  // What React Flow's MiniMap shows: the board and the view, whichever is larger, fitted in.
  const viewBB = { x: -view.x / view.zoom, y: -view.y / view.zoom, width: view.width / view.zoom, height: view.height / view.zoom }
  const area = bounds ? union(bounds, viewBB) : viewBB
  const viewScale = Math.max(area.width / WIDTH, area.height / HEIGHT)
  const viewWidth = viewScale * WIDTH
  const viewHeight = viewScale * HEIGHT
  const offset = OFFSET * viewScale
  const x = area.x - (viewWidth - area.width) / 2 - offset
  const y = area.y - (viewHeight - area.height) / 2 - offset
  const width = viewWidth + offset * 2
  const height = viewHeight + offset * 2

  const scale = useRef(viewScale)
  scale.current = viewScale
  const minimap = useRef<XYMinimapInstance | null>(null)
  useEffect(() => {
    const panZoom = store.getState().panZoom
    if (!svg.current || !panZoom) return
    const instance = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => scale.current })
    minimap.current = instance
    return () => {
      instance.destroy()
      minimap.current = null
    }
  }, [store, view.panZoom])
  useEffect(() => {
    minimap.current?.update({ translateExtent: view.translateExtent, width: view.width, height: view.height, pannable: true, zoomable: true })
  }, [view.panZoom, view.translateExtent, view.width, view.height])

  const labelId = `react-flow__minimap-desc-${view.rfId}`
  const viewBox = `${x} ${y} ${width} ${height}`
  return (
    <Panel position="bottom-right" className="react-flow__minimap" data-testid="rf__minimap">
      {/* The cards and the view are two drawings: the cards' own layer stays as it is while the view moves. */}
      <svg width={WIDTH} height={HEIGHT} viewBox={viewBox} className="minimap__cards" aria-hidden>
        {shapes.map((s, i) => (
          <path key={i} className="react-flow__minimap-node" d={s.d} style={{ fill: s.fill, stroke: s.stroke, strokeWidth: STROKE }} shapeRendering="crispEdges" />
        ))}
      </svg>
      <svg width={WIDTH} height={HEIGHT} viewBox={viewBox} className="react-flow__minimap-svg minimap__view" role="img" aria-labelledby={labelId} ref={svg}>
        <title id={labelId}>{view.label}</title>
        <path
          className="react-flow__minimap-mask"
          d={`M${x - offset},${y - offset}h${width + offset * 2}v${height + offset * 2}h${-width - offset * 2}z
        M${viewBB.x},${viewBB.y}h${viewBB.width}v${viewBB.height}h${-viewBB.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  )
})

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }
}
