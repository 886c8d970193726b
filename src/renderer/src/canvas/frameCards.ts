import type { Card } from '../../../shared/board'
import { boundsOf } from '../../../shared/geometry'
import { fitViewport } from '../../../shared/presentation'
import type { ActionContext } from '../actions'

export interface FrameOptions {
  /** Space around the cards, as a fraction of the canvas on each side. */
  padding?: number
  maxZoom?: number
  /** Animation length in ms; 0 jumps. */
  duration?: number
}

/**
 * Moves the viewport to show `cards` whole (all cards when omitted). Computed from the
 * board, not from React Flow's fitView: that only counts cards it has drawn, and cards
 * out of view are never drawn (onlyRenderVisibleElements), so it would fit what is
 * already on screen.
 */
export function frameCards(ctx: Pick<ActionContext, 'flow' | 'canvas' | 'store'>, cards?: readonly Card[], options: FrameOptions = {}): void {
  const area = boundsOf(cards ?? ctx.store.board.cards)
  const rect = ctx.canvas?.getBoundingClientRect()
  if (!area || !ctx.flow || !rect || rect.width === 0) return
  const viewport = fitViewport(area, rect, options.padding ?? 0.1, options.maxZoom ?? 2)
  void ctx.flow.setViewport(viewport, { duration: options.duration ?? 200 })
}

/** The cards with these ids, in board order. */
export function cardsWithIds(cards: readonly Card[], ids: Iterable<string>): Card[] {
  const wanted = new Set(ids)
  return cards.filter((c) => wanted.has(c.id))
}
