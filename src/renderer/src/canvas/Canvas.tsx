import { useCallback, useMemo, useRef, type DragEvent } from 'react'
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  MarkerType,
  MiniMap,
  ReactFlow,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnect
} from '@xyflow/react'
import type { Card, Relation } from '../../../shared/board'
import { connectCards, moveCardsIntoPlace, positionsWithContents } from '../../../shared/edits'
import { cardKind, isCardKind, relationKind } from '../../../shared/kinds'
import { insertCard } from '../actions'
import { useEditorContext } from '../editorContext'
import { GRID } from '../prefs'
import { useEditor, type Preview } from '../state/editorStore'
import { kindColors, relationColorFor, useTheme, type Theme } from '../theme'
import { ArrangeToolbar } from '../ui/ArrangeToolbar'
import { ViewControls } from '../ui/ViewControls'
import { CardNode, type CardNodeType } from './CardNode'
import { RelationEdge, type RelationEdgeType } from './RelationEdge'

const nodeTypes = { card: CardNode }
const snapGrid: [number, number] = [GRID, GRID]
const DOT = 1.5
const edgeTypes = { relation: RelationEdge }
export const PALETTE_MIME = 'application/x-orgboard-kind'

interface NodeInputs {
  card: Card
  selected: boolean
  editing: boolean
  preview: Preview | undefined
  node: CardNodeType
}

/** Frames inside frames draw above their outer frame, all below ordinary cards. */
function containerDepth(card: Card, cards: readonly Card[]): number {
  let depth = 0
  for (let at = card.container; at !== undefined && depth < 50; depth++) at = cards.find((c) => c.id === at)?.container
  return depth
}

/** Keeps a node object as long as what it is made of is unchanged, so React Flow skips it. */
function useNodes(): CardNodeType[] {
  const { store } = useEditorContext()
  const cards = useEditor(store, (s) => s.history.present.cards)
  const selected = useEditor(store, (s) => s.selectedCards)
  const editing = useEditor(store, (s) => s.editing)
  const preview = useEditor(store, (s) => s.preview)
  const cache = useRef(new Map<string, NodeInputs>())
  return useMemo(() => {
    const next = new Map<string, NodeInputs>()
    const nodes = cards.map((card) => {
      const inputs = { card, selected: selected.has(card.id), editing: editing === card.id, preview: preview.get(card.id) }
      const old = cache.current.get(card.id)
      const same =
        old && old.card === inputs.card && old.selected === inputs.selected && old.editing === inputs.editing && old.preview === inputs.preview
      const node: CardNodeType = same
        ? old.node
        : {
            id: card.id,
            type: 'card',
            position: { x: inputs.preview?.x ?? card.x, y: inputs.preview?.y ?? card.y },
            width: inputs.preview?.width ?? card.width,
            height: inputs.preview?.height ?? card.height,
            data: { card, editing: inputs.editing },
            selected: inputs.selected,
            zIndex: cardKind(card.kind).container ? containerDepth(card, cards) - 100 : 0,
            ariaLabel: `${cardKind(card.kind).label}: ${card.title}`,
            dragHandle: undefined
          }
      next.set(card.id, { ...inputs, node })
      return node
    })
    cache.current = next
    return nodes
  }, [cards, selected, editing, preview])
}

function toEdge(relation: Relation, selected: boolean, theme: Theme): RelationEdgeType {
  const spec = relationKind(relation.kind)
  return {
    id: relation.id,
    source: relation.from,
    target: relation.to,
    type: 'relation',
    data: { relation },
    selected,
    markerEnd: { type: MarkerType.ArrowClosed, color: relationColorFor(spec, theme), width: 16, height: 16 },
    ariaLabel: `Relation: ${spec.label}${relation.label ? `, ${relation.label}` : ''}`
  }
}

export function Canvas(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const loadCount = useEditor(store, (s) => s.loadCount)
  const relations = useEditor(store, (s) => s.history.present.relations)
  const selectedRelations = useEditor(store, (s) => s.selectedRelations)
  const nodes = useNodes()
  const theme = useTheme(store)
  const snapToGrid = useEditor(store, (s) => s.prefs.snapToGrid)
  const edges = useMemo(() => relations.map((r) => toEdge(r, selectedRelations.has(r.id), theme)), [relations, selectedRelations, theme])

  const onNodesChange = useCallback(
    (changes: NodeChange<CardNodeType>[]) => {
      const state = store.getState()
      let selection: Set<string> | null = null
      let preview: Map<string, Preview> | null = null
      const dragged = new Map<string, { x: number; y: number }>()
      for (const change of changes) {
        if (change.type === 'select') {
          selection ??= new Set(state.selectedCards)
          if (change.selected) selection.add(change.id)
          else selection.delete(change.id)
        } else if (change.type === 'position' && change.position && change.dragging) {
          dragged.set(change.id, change.position)
        } else if (change.type === 'dimensions' && change.resizing && change.dimensions) {
          preview ??= new Map(state.preview)
          const card = store.board.cards.find((c) => c.id === change.id)
          const prev = preview.get(change.id) ?? { x: card?.x ?? 0, y: card?.y ?? 0 }
          preview.set(change.id, { ...prev, ...change.dimensions })
        }
      }
      if (dragged.size > 0) {
        // A dragged frame or garden carries its cards: preview them where the drop will put them.
        preview ??= new Map(state.preview)
        for (const [id, at] of positionsWithContents(store.board, dragged)) preview.set(id, { ...preview.get(id), ...at })
      }
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

  const onNodeDragStop = useCallback(
    (_: unknown, _node: CardNodeType, dragged: CardNodeType[]) => {
      const positions = new Map(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]))
      store.change(dragged.length > 1 ? 'Move cards' : 'Move card', (board) => moveCardsIntoPlace(board, positions))
      store.set({ preview: new Map() })
    },
    [store]
  )

  // A click (not a drag) on one card of a multi-selection selects just that card, as on other whiteboards;
  // React Flow keeps the whole selection so that it can be dragged.
  const onNodeClick = useCallback(
    (e: React.MouseEvent, node: CardNodeType) => {
      const { selectedCards } = store.getState()
      if (!e.shiftKey && selectedCards.size > 1 && selectedCards.has(node.id)) store.select([node.id])
    },
    [store]
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
      const target = el?.dataset.id
      const source = state.fromNode.id
      if (target && target !== source) store.change('Connect', (board) => void connectCards(board, source, target))
    },
    [store]
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

  const initialViewport = store.getState().viewport
  return (
    <ReactFlow<CardNodeType, RelationEdgeType>
      key={loadCount}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStop={onNodeDragStop}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      onNodeClick={onNodeClick}
      onNodeDoubleClick={(_, node) => store.set({ editing: node.id })}
      onInit={(flow) => {
        ctx.flow = flow as unknown as typeof ctx.flow
      }}
      onMoveEnd={(_, viewport) => store.set({ viewport })}
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
      {/* The offset puts the dots on the snap grid's crossings (React Flow centres them between). */}
      <Background variant={BackgroundVariant.Dots} gap={GRID} size={DOT} offset={DOT / 2 - GRID / 2} />
      <ViewControls />
      <MiniMap
        pannable
        zoomable
        position="bottom-right"
        nodeColor={(n) => (n.type === 'card' ? kindColors(cardKind((n as CardNodeType).data.card.kind), theme).fill : '#ccc')}
        nodeStrokeColor={(n) => (n.type === 'card' ? kindColors(cardKind((n as CardNodeType).data.card.kind), theme).color : '#999')}
        nodeStrokeWidth={3}
      />
      <ArrangeToolbar />
    </ReactFlow>
  )
}
