import type { Card } from '../../../shared/board'
import type { Theme } from '../theme'
import { cardLooks, LookBuilder, type CardLook } from './cardOutlines'
import { whenIdle, type Idle } from './farStrokes'

let last: { cards: readonly Card[]; theme: Theme; looks: CardLook[] } | null = null

/**
 * FarCards' outlines of every card at rest, kept for the last board and theme. Made ahead in
 * idle time while the canvas is not zoomed out past FAR_ZOOM (prepareFarLooks), as farStrokes
 * are: at XL making them took 16–20 ms warm and up to 108 ms cold, in the frame that passes FAR_ZOOM.
 */
export function farLooks(cards: readonly Card[], theme: Theme): CardLook[] {
  if (last && last.cards === cards && last.theme === theme) return last.looks
  last = { cards, theme, looks: cardLooks(cards, theme) }
  return last.looks
}

/** A User Timing mark set each time the outlines are ready. */
export const FAR_LOOKS_READY = 'orgboard:far-looks-ready'

/**
 * Cards outlined between checks of the idle time left. 500 took about 2 ms at XL once the code
 * was warm, but 25 ms the first time, at M (traced): a slice that long held up a zoom frame.
 */
const SLICE = 50

/**
 * Makes farLooks' outlines in idle time, a slice of cards at a time; returns a cancel. Once they
 * are made the builder is let go: the cancel, which React keeps until the cards change, held it
 * and its part of each outline, with prepareFarStrokes' builder 7 MB at XL (the page at rest: 24.0 MB, now 16.8).
 */
export function prepareFarLooks(cards: readonly Card[], theme: Theme, idle: Idle = whenIdle, made = new LookBuilder(theme)): () => void {
  if (last && last.cards === cards && last.theme === theme) return () => {}
  let builder: LookBuilder | null = made
  let next = 0
  let cancel = (): void => {}
  const step = (timeLeft: () => number): void => {
    if (!builder) return
    while (next < cards.length && timeLeft() > 2) {
      for (const end = Math.min(cards.length, next + SLICE); next < end; next++) builder.add(cards[next] as Card)
    }
    if (next < cards.length) cancel = idle(step)
    else {
      last = { cards, theme, looks: builder.looks() }
      builder = null
      performance.mark(FAR_LOOKS_READY, { detail: { cards: cards.length } }) // for traces, and for tests to see the work done
    }
  }
  cancel = idle(step)
  return () => cancel()
}
