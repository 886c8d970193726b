import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { Handle, NodeResizer, Position, type Node, type NodeProps } from '@xyflow/react'
import type { Card } from '../../../shared/board'
import { preservedKind } from '../../../shared/cardSummary'
import { renameCard, resizeCard, settleAfterResize } from '../../../shared/edits'
import { cardKind, cardPaint, UNKNOWN_KIND } from '../../../shared/kinds'
import { newCardKey } from '../actions'
import { useEditorContext } from '../editorContext'
import { useCardHovered } from '../state/editorStore'
import { VoteControl } from '../facilitation/VoteControl'
import { kindIcons } from '../icons'
import { kindAccent, kindColorVars } from '../theme'
import type { CardMarks as Marks } from './analysisMarks'
import { cardBodies, SummaryLine } from './cardBodies'
import { CardMarks } from './CardMarks'
import { CardNodeLite } from './CardNodeLite'
import { FrameOutline } from './FrameOutline'
import { HandleMarkers } from './HandleMarkers'
import { useZoomedOut } from './useZoomBucket'

export type CardNodeData = { card: Card; editing: boolean; marks?: Marks | undefined }
export type CardNodeType = Node<CardNodeData, 'card'>

const sides = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const

function TitleEditor({ card, onDone }: { card: Card; onDone: (title: string | null) => void }): React.JSX.Element {
  const [text, setText] = useState(card.title)
  const ref = useRef<HTMLTextAreaElement>(null)
  const done = useRef(false)
  useEffect(() => {
    ref.current?.focus()
    ref.current?.select()
  }, [])
  const finish = (title: string | null): void => {
    if (done.current) return
    done.current = true
    onDone(title)
  }
  const onKeyDown = (e: KeyboardEvent): void => {
    e.stopPropagation()
    if (e.key === 'Escape') finish(null)
    else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault()
      finish(text)
    }
  }
  return (
    <textarea
      ref={ref}
      className="card__title-editor nodrag nopan nowheel"
      aria-label={`${cardKind(card.kind).titleLabel} of ${cardKind(card.kind).label.toLowerCase()}`}
      value={text}
      rows={2}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(text)}
    />
  )
}

function unknownKindHint(kind: string): string {
  return `This Orgboard does not know the kind "${kind}" (a newer version or another tool made it). The card is kept as it is and saved back unchanged.`
}

/** One card on the canvas; its look comes from the kind's declaration in the registry. */
export const CardNode = memo(function CardNode(props: NodeProps<CardNodeType>) {
  // Zoomed out, a card is drawn simplified; a selected or edited card stays whole, so it can be resized.
  const zoomedOut = useZoomedOut()
  if (zoomedOut && !props.selected && !props.data.editing) return <CardNodeLite card={props.data.card} marks={props.data.marks} />
  return <CardNodeFull {...props} />
})

function CardNodeFull({ data, selected, width, height }: NodeProps<CardNodeType>): React.JSX.Element {
  const { card, editing, marks } = data
  const { store } = useEditorContext()
  // Real handles only where they are shown: under the pointer (a drop target too, while connecting) or selected.
  const handles = useCardHovered(store, card.id) || selected
  const spec = cardKind(card.kind)
  const paint = cardPaint(card)
  const colors = kindColorVars(paint)
  const Icon = kindIcons[card.kind]
  // A kind from a newer or different Orgboard: shown by the name the file gave it, as text.
  const unknownKind = card.kind === UNKNOWN_KIND ? preservedKind(card) : null
  const Body = cardBodies[card.kind] ?? SummaryLine

  const commitTitle = (title: string | null): void => {
    const trimmed = title?.trim()
    if (trimmed) store.change('Rename', (board) => renameCard(board, card.id, trimmed), newCardKey(card.id))
    store.set({ editing: null })
  }

  // Resizer and handles sit outside the card box, whose overflow and clip-path would cut them.
  return (
    <>
      <NodeResizer
        isVisible={selected && !editing}
        minWidth={spec.container ? 200 : 120}
        minHeight={spec.container ? 120 : 56}
        color={kindAccent(paint)}
        onResizeEnd={(_, r) => {
          store.change('Resize', (board) => {
            resizeCard(board, card.id, { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) })
            settleAfterResize(board, card.id)
          })
          store.set({ preview: new Map() })
        }}
      />
      <CardMarks card={card} marks={marks} />
      {handles ? sides.map((side) => <Handle key={side} id={side} type="source" position={side} className="card__handle" style={colors} />) : <HandleMarkers />}
      <div
        className={`card card--${spec.shape}${spec.container ? ' card--container' : ''}`}
        style={colors}
        data-kind={card.kind}
      >
        <div className="card__kind" title={unknownKind === null ? undefined : unknownKindHint(unknownKind)}>
          <Icon size={14} strokeWidth={2.25} aria-hidden />
          <span>{spec.label}</span>
        </div>
        {editing ? (
          <TitleEditor card={card} onDone={commitTitle} />
        ) : (
          <div className="card__title" data-testid="card-title">
            {card.title}
          </div>
        )}
        {!editing && <Body card={card} selected={selected} />}
      </div>
      {spec.container && <FrameOutline colors={colors} width={width ?? card.width} height={height ?? card.height} />}
      <VoteControl card={card} />
    </>
  )
}
