import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Card } from '../../../shared/board'
import { cardsById } from '../../../shared/cardIndex'
import { cardKind } from '../../../shared/kinds'
import type { ActionContext } from '../actions'
import { outlinedCardAt, outlinedCardsInside } from './cardOutlines'
import { SETTLE_MS } from './useZoomBucket'

/**
 * The pointer's part in drawing cards as outlines past FAR_ZOOM (FarCards): which card React
 * Flow must be given because the pointer is over it, and the clicks and selection boxes that
 * reach the pane, or a frame, where an outline is drawn. React Flow then handles the card
 * under the pointer as at any zoom (hover, click, drag, double-click to rename).
 */
export function useFarCardPointer(ctx: ActionContext, far: boolean) {
  const { store } = ctx
  // Read by the handlers, which stay the same functions across crossings.
  const farNow = useRef(far)
  useLayoutEffect(() => void (farNow.current = far), [far])
  const [pointed, setPointed] = useState<string | null>(null)

  const boardPoint = useCallback(
    (e: { clientX: number; clientY: number }) => ctx.flow?.screenToFlowPosition({ x: e.clientX, y: e.clientY }) ?? null,
    [ctx]
  )
  /** The outlined card at a pointer event, if the canvas is that far out. */
  const cardAt = useCallback(
    (e: { clientX: number; clientY: number }): Card | undefined => {
      const at = farNow.current ? boardPoint(e) : null
      return at ? outlinedCardAt(store.board.cards, at) : undefined
    },
    [store, boardPoint]
  )

  const onMouseMove = useCallback(
    (e: React.MouseEvent) => {
      // Not while a button is down: a pan, a drag or a selection box is under way.
      if (!farNow.current || e.buttons !== 0 || !(e.target instanceof Element)) return
      if (e.target.closest('.react-flow__panel')) return
      const over = e.target.closest<HTMLElement>('.react-flow__node')?.dataset.id
      const overCard = over === undefined ? undefined : cardsById(store.board.cards).get(over)
      // Over a card node already; over a frame, its outlined cards are drawn above it.
      if (overCard && !cardKind(overCard.kind).container) return
      setPointed(cardAt(e)?.id ?? null)
    },
    [store, cardAt]
  )

  // The wheel moves the board under a still pointer: once it rests, the card now under the pointer is
  // the one React Flow gets, so pressing on it without moving first drags it. Not on every wheel
  // event: that would be React work in the frames of a pan. Captured, as React Flow stops the event.
  const wheelRest = useRef<ReturnType<typeof setTimeout>>(undefined)
  const onWheelCapture = useCallback(
    (e: React.WheelEvent) => {
      if (!farNow.current || e.buttons !== 0) return
      const at = { clientX: e.clientX, clientY: e.clientY }
      clearTimeout(wheelRest.current)
      wheelRest.current = setTimeout(() => setPointed(cardAt(at)?.id ?? null), SETTLE_MS)
    },
    [cardAt]
  )
  useEffect(() => () => clearTimeout(wheelRest.current), [])

  /** A click that reached the pane or a frame, on an outlined card: selects it as a click on its node would. */
  const selectCardAt = useCallback(
    (e: React.MouseEvent): boolean => {
      const card = cardAt(e)
      if (!card) return false
      const cards = e.shiftKey ? [...store.getState().selectedCards, card.id] : [card.id]
      const relations = e.shiftKey ? [...store.getState().selectedRelations] : []
      // After React Flow's own handling of the click, which selects or clears what it knows of.
      queueMicrotask(() => store.select(cards, relations))
      return true
    },
    [store, cardAt]
  )

  // A selection box takes the outlined cards wholly inside it too, once it is let go.
  const boxStart = useRef<{ x: number; y: number } | null>(null)
  const onPointerDownCapture = useCallback((e: React.PointerEvent) => void (boxStart.current = boardPoint(e)), [boardPoint])
  const onSelectionEnd = useCallback(
    (e: React.MouseEvent) => {
      const start = boxStart.current
      const end = boardPoint(e)
      if (!farNow.current || !start || !end) return
      const area = { x: Math.min(start.x, end.x), y: Math.min(start.y, end.y), width: Math.abs(end.x - start.x), height: Math.abs(end.y - start.y) }
      const inside = outlinedCardsInside(store.board.cards, area)
      if (inside.length === 0) return
      queueMicrotask(() => {
        const s = store.getState()
        store.select([...new Set([...s.selectedCards, ...inside.map((c) => c.id)])], [...s.selectedRelations])
      })
    },
    [store, boardPoint]
  )

  return useMemo(
    () => ({ pointed, cardAt, selectCardAt, handlers: { onMouseMove, onWheelCapture, onPointerDownCapture, onSelectionEnd } }),
    [pointed, cardAt, selectCardAt, onMouseMove, onWheelCapture, onPointerDownCapture, onSelectionEnd]
  )
}
