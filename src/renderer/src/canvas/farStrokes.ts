import type { Card, Relation } from '../../../shared/board'
import { cardsById } from '../../../shared/cardIndex'
import { relationEnds, relationLines } from '../../../shared/relationLines'
import type { Theme } from '../theme'
import { relationStrokes, StrokeBuilder, type Stroke } from './relationStrokes'

/** What the strokes of the relations at rest are made from. */
interface Inputs {
  cards: readonly Card[]
  relations: readonly Relation[]
  theme: Theme
  selected: ReadonlySet<string>
  classes: ReadonlyMap<string, string>
}

function same(a: Inputs, b: Inputs): boolean {
  return a.cards === b.cards && a.relations === b.relations && a.theme === b.theme && a.selected === b.selected && sameClasses(a.classes, b.classes)
}

/** Each component has its own map of highlight classes: maps of the same highlights are the same. */
function sameClasses(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a === b) return true
  if (a.size !== b.size) return false
  for (const [id, c] of a) if (b.get(id) !== c) return false
  return true
}

let last: (Inputs & { strokes: Stroke[] }) | null = null

/**
 * FarRelations' strokes for every relation, kept for the last board, selection and highlights
 * they were made for. Made once ahead, in idle time while the canvas is not zoomed out
 * past FAR_ZOOM (prepareFarStrokes), they are ready in the frame that passes it: at XL making
 * them for 6,000 relations was a quarter of that frame.
 */
export function farStrokes(inputs: Inputs): Stroke[] {
  if (last && same(last, inputs)) return last.strokes
  const strokes = relationStrokes(relationLines(inputs.cards, inputs.relations), inputs.theme, inputs.selected, inputs.classes)
  last = { ...inputs, strokes }
  return strokes
}

/** Runs `work` when the browser is idle, with the time it has left then (ms); returns a cancel. */
export type Idle = (work: (timeLeft: () => number) => void) => () => void

/**
 * How long the work waits for an idle period at most (ms), and how long it may then take. Chromium
 * can go seconds without one after a page has loaded (seen in the e2e runs: 6 to over 18 s, with
 * nothing on the page to do); the work then goes on a few milliseconds at a time, as in a short
 * idle period.
 */
export const IDLE_WAIT_MS = 1000
export const FORCED_SLICE_MS = 4

export const whenIdle: Idle = (work) => {
  const id = requestIdleCallback(
    (deadline) => {
      const end = performance.now() + FORCED_SLICE_MS
      work(deadline.didTimeout ? () => end - performance.now() : () => deadline.timeRemaining())
    },
    { timeout: IDLE_WAIT_MS }
  )
  return () => cancelIdleCallback(id)
}

/** A User Timing mark set each time the strokes are ready. */
export const FAR_STROKES_READY = 'orgboard:far-strokes-ready'

/** Relations added between checks of the idle time left: 200 took about a millisecond at XL, warm; cold code is ten times slower. */
const SLICE = 50

/**
 * Makes farStrokes' strokes in idle time, a slice of relations at a time, so the work never
 * holds up a frame (at once it was a 40 ms task in the middle of a zoom). Returns a cancel.
 * Once they are made the builder is let go, as in prepareFarLooks.
 */
export function prepareFarStrokes(inputs: Inputs, idle: Idle = whenIdle, made = new StrokeBuilder(inputs.theme, inputs.selected, inputs.classes)): () => void {
  if (last && same(last, inputs)) return () => {}
  const { cards, relations } = inputs
  const byId = cardsById(cards)
  let builder: StrokeBuilder | null = made
  let next = 0
  let cancel = (): void => {}
  const step = (timeLeft: () => number): void => {
    if (!builder) return
    while (next < relations.length && timeLeft() > 1) {
      for (const end = Math.min(relations.length, next + SLICE); next < end; next++) {
        const relation = relations[next] as Relation
        const a = byId.get(relation.from)
        const b = byId.get(relation.to)
        if (a && b) builder.add({ relation, ...relationEnds(a, b) })
      }
    }
    if (next < relations.length) cancel = idle(step)
    else {
      last = { ...inputs, strokes: builder.strokes() }
      builder = null
      performance.mark(FAR_STROKES_READY, { detail: { relations: relations.length } }) // for traces, and for tests to see the work done
    }
  }
  cancel = idle(step)
  return () => cancel()
}
