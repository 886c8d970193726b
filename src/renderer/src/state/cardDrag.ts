import { useCallback, useSyncExternalStore } from 'react'
import type { Point } from '../../../shared/relationLines'
import { KeyedListeners } from './keyedListeners'

type Listener = () => void
const nowhere: ReadonlyMap<string, Point> = new Map()

/**
 * Where the cards being dragged are now, move by move; the board hears of the drop only.
 * Kept out of EditorState so that a move reaches no one but what draws the moved cards:
 * through the store, each move rebuilt React Flow's nodes and ran every node's and edge's
 * selectors, half of a move's main-thread time at 2,000 cards. The canvas moves the cards'
 * elements itself (Canvas's useDraggedCardsFollow) and their relations listen per card.
 */
export class CardDrag {
  private at: ReadonlyMap<string, Point> = nowhere
  private listeners = new Set<Listener>()
  private cardListeners = new KeyedListeners()

  /** The dragged cards' places; empty when no drag is under way. A new map on each move. */
  get positions(): ReadonlyMap<string, Point> {
    return this.at
  }

  position(cardId: string): Point | undefined {
    return this.at.get(cardId)
  }

  /** The drag's next move: where each dragged card (with a frame's contents) is now. */
  move(positions: ReadonlyMap<string, Point>): void {
    const was = this.at
    this.at = positions
    for (const l of this.listeners) l()
    for (const [id, p] of positions) if (was.get(id) !== p) this.cardListeners.tell(id)
    for (const id of was.keys()) if (!positions.has(id)) this.cardListeners.tell(id)
  }

  /** The drag is over (dropped, or the board replaced): every card is where the board says. */
  end(): void {
    if (this.at.size > 0) this.move(nowhere)
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Hears when `cardId` is moved by a drag or let go. */
  subscribeCard = (cardId: string, listener: Listener): (() => void) => this.cardListeners.add(cardId, listener)
}

/** Where a drag has this card now; undefined while it is not being dragged. */
export function useDragPosition(drag: CardDrag, cardId: string): Point | undefined {
  const subscribe = useCallback((listener: Listener) => drag.subscribeCard(cardId, listener), [drag, cardId])
  return useSyncExternalStore(subscribe, () => drag.position(cardId))
}

/** All dragged cards' places, for what draws every relation at once (FarRelations). */
export function useDragPositions(drag: CardDrag): ReadonlyMap<string, Point> {
  return useSyncExternalStore(drag.subscribe, () => drag.positions)
}

export function useDragging(drag: CardDrag): boolean {
  return useSyncExternalStore(drag.subscribe, () => drag.positions.size > 0)
}
