import { useCallback, useEffect, useMemo, useRef, type DragEvent, type RefObject } from 'react'
import {
  ConnectionMode,
  Position,
  ReactFlow,
  type EdgeChange,
  type FinalConnectionState,
  type NodeHandle,
  type NodeChange,
  type OnConnect,
  type OnInit,
  type OnMoveEnd
} from '@xyflow/react'
import type { Card, Relation } from '../../../shared/board'
import { cardsById } from '../../../shared/cardIndex'
import { cullToWindow } from '../../../shared/cull'
import { lineAt, relationLines } from '../../../shared/relationLines'
import { connectCards, moveCardsIntoPlace, positionsWithContents } from '../../../shared/edits'
import { cardKind, isCardKind, relationKind } from '../../../shared/kinds'
import { isVotable } from '../../../shared/voting'
import { insertCard } from '../actions'
import { useEditorContext } from '../editorContext'
import { GRID } from '../prefs'
import type { CardDrag } from '../state/cardDrag'
import { useEditor, type Preview } from '../state/editorStore'
import { relationColorFor, useTheme, type Theme } from '../theme'
import { ArrangeToolbar } from '../ui/ArrangeToolbar'
import { ViewControls } from '../ui/ViewControls'
import { FarZoomClass, useFarView } from './useZoomBucket'
import { useCardMarks, useEdgeClasses } from './analysisMarks'
import { CardNode, type CardNodeType } from './CardNode'
import { DotGrid } from './DotGrid'
import { buildNodes, type NodeBuild, type NodeInputs } from './nodeCache'
import { RelationEdge, type RelationEdgeType } from './RelationEdge'
import { BoardMiniMap } from './BoardMiniMap'
import { arrowheadId, highlightColor } from './arrowheads'
import { RelationMarkers } from './RelationMarkers'
import { FarRelations } from './FarRelations'
import { FarCards } from './FarCards'
import { marksNeedNode } from './farBadges'
import { CanvasTheme, prepareLiteIcons } from './liteIcons'
import { useCullArea } from './useCullArea'
import { useFarCardPointer } from './useFarCardPointer'

const nodeTypes = { card: CardNode }
const snapGrid: [number, number] = [GRID, GRID]
const DOT = 1.5
/** How near a line a click selects it, in screen px. */
const PICK_PX = 6
const edgeTypes = { relation: RelationEdge }
export const PALETTE_MIME = 'application/x-orgboard-kind'

/**
 * Where CardNode's four handles are, declared up front. Without them React Flow mounts
 * every card once to measure its handles (even with onlyRenderVisibleElements), which
 * made opening a 5,000-card board mount 5,000 cards; with them only the visible ones
 * mount. React Flow replaces these with measured bounds once a card is on screen.
 */
const HANDLE = 12
const handlesBySize = new Map<string, readonly NodeHandle[]>()
/** Shared by every card of one size (React Flow only reads them): 5,000 cards come in a few sizes. */
function cardHandles(width: number, height: number): NodeHandle[] {
  const key = `${width}x${height}`
  let handles = handlesBySize.get(key)
  if (!handles) handlesBySize.set(key, (handles = Object.freeze(makeHandles(width, height))))
  return handles as NodeHandle[]
}
function makeHandles(width: number, height: number): NodeHandle[] {
  const h = HANDLE / 2
  return [
    { id: Position.Top, type: 'source', position: Position.Top, x: width / 2 - h, y: -h, width: HANDLE, height: HANDLE },
    { id: Position.Right, type: 'source', position: Position.Right, x: width - h, y: height / 2 - h, width: HANDLE, height: HANDLE },
    { id: Position.Bottom, type: 'source', position: Position.Bottom, x: width / 2 - h, y: height - h, width: HANDLE, height: HANDLE },
    { id: Position.Left, type: 'source', position: Position.Left, x: -h, y: height / 2 - h, width: HANDLE, height: HANDLE }
  ]
}

/** Frames inside frames draw above their outer frame, all below ordinary cards. */
function containerDepth(card: Card, cards: readonly Card[]): number {
  let depth = 0
  for (let at = card.container; at !== undefined && depth < 50; depth++) at = cardsById(cards).get(at)?.container
  return depth
}


function toNode({ card, selected, editing, preview, marks }: NodeInputs, cards: readonly Card[]): CardNodeType {
  const width = preview?.width ?? card.width
  const height = preview?.height ?? card.height
  return {
    id: card.id,
    type: 'card',
    position: { x: preview?.x ?? card.x, y: preview?.y ?? card.y },
    width,
    height,
    handles: cardHandles(width, height),
    data: { card, editing, marks },
    ...(marks?.critical ? { className: 'node--critical' } : {}),
    selected,
    zIndex: cardKind(card.kind).container ? containerDepth(card, cards) - 100 : 0,
    ariaLabel: `${cardKind(card.kind).label}: ${card.title}`,
    dragHandle: undefined
  }
}

/** Keeps a node object as long as what it is made of is unchanged, so React Flow skips it. */
function useNodes(): CardNodeType[] {
  const { store } = useEditorContext()
  const cards = useEditor(store, (s) => s.history.present.cards)
  const selected = useEditor(store, (s) => s.selectedCards)
  const editing = useEditor(store, (s) => s.editing)
  const preview = useEditor(store, (s) => s.preview)
  const marks = useCardMarks()
  const cache = useRef<NodeBuild<CardNodeType> | null>(null)
  return useMemo(() => {
    cache.current = buildNodes(cache.current, { cards, selected, editing, preview, marks }, toNode)
    return cache.current.nodes
  }, [cards, selected, editing, preview, marks])
}

/**
 * Moves the dragged cards' elements as the drag goes, without React: React Flow places a node
 * by its element's transform, which it sets again only when the node's position changes in its
 * store, i.e. on the drop. At the end each element gets back the transform React Flow last
 * rendered, so that React Flow's own render of the drop, if the place changed, is what stays.
 */
function useDraggedCardsFollow(drag: CardDrag, root: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const moved = new Map<string, { element: HTMLElement; rendered: string }>()
    const follow = (): void => {
      const at = drag.positions
      for (const [id, to] of at) {
        let card = moved.get(id)
        if (!card) {
          const element = root.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
          if (!element) continue // not on the canvas (culled): it shows at its new place after the drop
          moved.set(id, (card = { element, rendered: element.style.transform }))
          element.style.willChange = 'transform'
        }
        card.element.style.transform = `translate(${to.x}px,${to.y}px)`
      }
      for (const [id, card] of moved) {
        if (at.has(id)) continue
        card.element.style.transform = card.rendered
        card.element.style.willChange = ''
        moved.delete(id)
      }
    }
    const stop = drag.subscribe(follow)
    return () => {
      stop()
      drag.end()
      follow()
    }
  }, [drag, root])
}

function toEdge(relation: Relation, selected: boolean, theme: Theme, className: string | undefined): RelationEdgeType {
  const spec = relationKind(relation.kind)
  return {
    ...(className ? { className } : {}),
    id: relation.id,
    source: relation.from,
    target: relation.to,
    type: 'relation',
    data: { relation, ...(className ? { highlight: className } : {}) },
    selected,
    markerEnd: arrowheadId((className && highlightColor[theme][className]) ?? relationColorFor(spec, theme)),
    ariaLabel: `Relation: ${spec.label}${relation.label ? `, ${relation.label}` : ''}`
  }
}

export function Canvas(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const loadCount = useEditor(store, (s) => s.loadCount)
  const relations = useEditor(store, (s) => s.history.present.relations)
  const selectedRelations = useEditor(store, (s) => s.selectedRelations)
  const allNodes = useNodes()
  const theme = useTheme(store)
  const snapToGrid = useEditor(store, (s) => s.prefs.snapToGrid)
  const edgeClasses = useEdgeClasses()
  const allEdges = useMemo(
    () => relations.map((r) => toEdge(r, selectedRelations.has(r.id), theme, edgeClasses.get(r.id))),
    [relations, selectedRelations, theme, edgeClasses]
  )
  // React Flow gets the cards and relations around the view; selected and edited ones always.
  const cards = useEditor(store, (s) => s.history.present.cards)
  const area = useCullArea()
  useEffect(() => prepareLiteIcons(cards, theme), [cards, theme])
  const culled = useMemo(() => (area ? cullToWindow(cards, relations, area) : null), [area, cards, relations])
  const edges = useMemo(
    () => (culled ? allEdges.filter((e) => e.selected || culled.relations.has(e.id)) : allEdges),
    [allEdges, culled]
  )
  // Not remade on drag moves, which change only the nodes.
  const selectedEnds = useMemo(() => new Set(edges.filter((e) => e.selected).flatMap((e) => [e.source, e.target])), [edges])
  // Past FAR_ZOOM most cards are FarCards' outlines: React Flow keeps those that draw more, and the one under the pointer.
  const far = useFarView()
  const farCards = useFarCardPointer(ctx, far)
  const { pointed } = farCards
  const voting = useEditor(store, (s) => s.history.present.voting)
  const nodes = useMemo(() => {
    if (!culled) return allNodes
    const needsNode = ({ id, data: { card, marks } }: CardNodeType): boolean =>
      !far || id === pointed || marksNeedNode(marks) || !!card.pinned || cardKind(card.kind).container || isVotable(voting, card)
    // A selected relation's ends too, wherever they are: React Flow draws no edge without both its nodes.
    return allNodes.filter((n) => n.selected || n.data.editing || selectedEnds.has(n.id) || (needsNode(n) && culled.cards.has(n.id)))
  }, [allNodes, selectedEnds, culled, far, pointed, voting])

  const flowRoot = useRef<HTMLDivElement>(null)
  useDraggedCardsFollow(store.drag, flowRoot)

  const onNodesChange = useCallback(
    (changes: NodeChange<CardNodeType>[]) => {
      const state = store.getState()
      let selection: Set<string> | null = null
      let preview: Map<string, Preview> | null = null
      const dragged = new Map<string, { x: number; y: number }>()
      let dropped = false
      for (const change of changes) {
        if (change.type === 'select') {
          selection ??= new Set(state.selectedCards)
          if (change.selected) selection.add(change.id)
          else selection.delete(change.id)
        } else if (change.type === 'position' && change.position && change.dragging) {
          dragged.set(change.id, change.position)
        } else if (change.type === 'position' && change.dragging === false) {
          dropped = true
        } else if (change.type === 'dimensions' && change.resizing && change.dimensions) {
          preview ??= new Map(state.preview)
          const card = store.board.cards.find((c) => c.id === change.id)
          const prev = preview.get(change.id) ?? { x: card?.x ?? 0, y: card?.y ?? 0 }
          preview.set(change.id, { ...prev, ...change.dimensions })
        }
      }
      // A dragged frame or garden carries its cards: they move with it, to where the drop will put them.
      if (dragged.size > 0) store.drag.move(positionsWithContents(store.board, dragged))
      // The drag is over. Most often onNodeDragStop follows; but when a dragged card is deleted
      // mid-drag, React Flow gives the drag up with this alone, and the drag would never end.
      else if (dropped) store.drag.end()
      if (selection || preview) {
        store.set({ ...(selection ? { selectedCards: selection } : {}), ...(preview ? { preview } : {}) })
      }
    },
    [store]
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange<RelationEdgeType>[]) => {
      let selection: Set<string> | null = null
      for (const change of changes) {
        if (change.type !== 'select') continue
        selection ??= new Set(store.getState().selectedRelations)
        if (change.selected) selection.add(change.id)
        else selection.delete(change.id)
      }
      if (selection) store.set({ selectedRelations: selection })
    },
    [store]
  )

  // React Flow starts a drag on a move it does not move the card on; the drag store hears of it
  // then, with the card where it is, so that what waits for the drop (the inspector) waits from
  // the start: the selection the drag makes then would otherwise draw it in that frame.
  const onNodeDragStart = useCallback(
    (_: unknown, _node: CardNodeType, dragged: CardNodeType[]) => {
      store.drag.move(positionsWithContents(store.board, new Map(dragged.map((n) => [n.id, n.position]))))
    },
    [store]
  )

  const onNodeDragStop = useCallback(
    (_: unknown, _node: CardNodeType, dragged: CardNodeType[]) => {
      const positions = new Map(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]))
      store.change(dragged.length > 1 ? 'Move cards' : 'Move card', (board) => moveCardsIntoPlace(board, positions))
      store.drag.end()
    },
    [store]
  )

  // Zoomed out past FAR_ZOOM the relations are FarRelations' paths, which take no pointer events:
  // a click near a line, on the pane or on a frame under it, selects it as a click on React Flow's edge would.
  const selectRelationAt = useCallback(
    (e: React.MouseEvent): boolean => {
      const flow = ctx.flow
      if (!flow || !far) return false
      const state = store.getState()
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
      const hit = lineAt(relationLines(store.board.cards, store.board.relations, state.preview), at, PICK_PX / flow.getZoom())
      if (!hit) return false
      const id = hit.relation.id
      const cards = e.shiftKey ? [...state.selectedCards] : []
      const relations = e.shiftKey ? [...state.selectedRelations, id] : [id]
      // After React Flow's own handling of the click, which selects or clears what it knows of.
      queueMicrotask(() => store.select(cards, relations))
      return true
    },
    [ctx, store, far]
  )
  const { selectCardAt, cardAt } = farCards
  const onPaneClick = useCallback((e: React.MouseEvent) => void (selectCardAt(e) || selectRelationAt(e)), [selectCardAt, selectRelationAt])
  // A click (not a drag) on one card of a multi-selection selects just that card, as on other whiteboards;
  // React Flow keeps the whole selection so that it can be dragged.
  const onNodeClick = useCallback(
    (e: React.MouseEvent, node: CardNodeType) => {
      if (cardKind(node.data.card.kind).container && (selectCardAt(e) || selectRelationAt(e))) return
      const { selectedCards } = store.getState()
      if (!e.shiftKey && selectedCards.size > 1 && selectedCards.has(node.id)) store.select([node.id])
    },
    [store, selectCardAt, selectRelationAt]
  )

  const onConnect: OnConnect = useCallback(
    ({ source, target }) => store.change('Connect', (board) => void connectCards(board, source, target)),
    [store]
  )

  // Dropping a connection anywhere on a card connects to it, not just on its small handles.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return
      const point = 'changedTouches' in event ? event.changedTouches[0] : event
      if (!point) return
      const el = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node')
      const onNode = el?.dataset.id
      // Over a frame, or the pane, where FarCards draws a card's outline: that card.
      const under = onNode === undefined ? undefined : cardsById(store.board.cards).get(onNode)
      const target = (!under || cardKind(under.kind).container ? cardAt(point)?.id : undefined) ?? onNode
      const source = state.fromNode.id
      if (target && target !== source) store.change('Connect', (board) => void connectCards(board, source, target))
    },
    [store, cardAt]
  )

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
    }
  }, [])

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME)
      if (!isCardKind(kind) || !ctx.flow) return
      e.preventDefault()
      insertCard(ctx, kind, ctx.flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))
    },
    [ctx]
  )

  // Stable handlers: a new function here would re-render every node wrapper (React Flow passes them
  // down to each node), and the canvas renders on every drag move.
  const onNodeDoubleClick = useCallback((_: unknown, node: CardNodeType) => store.set({ editing: node.id }), [store])
  const onNodeMouseEnter = useCallback((_: unknown, node: CardNodeType) => store.set({ hoveredCard: node.id }), [store])
  const onNodeMouseLeave = useCallback(() => store.set({ hoveredCard: null }), [store])
  const onInit: OnInit<CardNodeType, RelationEdgeType> = useCallback(
    (flow) => {
      ctx.flow = flow as unknown as typeof ctx.flow
    },
    [ctx]
  )
  const onMoveEnd: OnMoveEnd = useCallback((_, viewport) => store.set({ viewport }), [store])
  // Made once per theme: the canvas renders on every drag move, and new elements would re-render them all.
  const overlays = useMemo(
    () => (
      <>
        <DotGrid gap={GRID} size={DOT} theme={theme} />
        <ViewControls />
        <BoardMiniMap theme={theme} />
        <RelationMarkers theme={theme} />
        <FarRelations theme={theme} far={far} />
        <FarCards theme={theme} far={far} />
        <ArrangeToolbar />
        <FarZoomClass far={far} />
      </>
    ),
    [theme, far]
  )

  const initialViewport = store.getState().viewport
  return (
    <CanvasTheme.Provider value={theme}>
      <ReactFlow<CardNodeType, RelationEdgeType>
        key={loadCount}
        ref={flowRoot}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onNodeMouseEnter={onNodeMouseEnter}
        onNodeMouseLeave={onNodeMouseLeave}
        onInit={onInit}
        onMoveEnd={onMoveEnd}
        {...farCards.handlers}
        onPaneClick={onPaneClick}
        onDragOver={onDragOver}
        onDrop={onDrop}
        defaultViewport={initialViewport}
        colorMode={theme}
        snapToGrid={snapToGrid}
        snapGrid={snapGrid}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode="Shift"
        selectionOnDrag
        panOnDrag={[1, 2]}
        panOnScroll
        panActivationKeyCode="Space"
        zoomOnDoubleClick={false}
        minZoom={0.05}
        maxZoom={4}
        onlyRenderVisibleElements
      >
        {overlays}
      </ReactFlow>
    </CanvasTheme.Provider>
  )
}
