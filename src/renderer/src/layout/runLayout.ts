import type { Rect } from '../../../shared/geometry'
import { applyLayout, layoutBoard } from '../../../shared/layout/layout'
import type { ActionContext } from '../actions'
import type { Preview } from '../state/editorStore'
import { elkEngine } from './elkEngine'

/** How long cards glide to their new places; past ANIMATE_UP_TO cards they jump, so a huge board stays smooth. */
const DURATION = 300
const ANIMATE_UP_TO = 400

let running = false

const ease = (t: number): number => 1 - (1 - t) ** 3

/** Shows the move as a preview (never in history), frame by frame. */
function glide(ctx: ActionContext, from: ReadonlyMap<string, Rect>, to: ReadonlyMap<string, Rect>): Promise<void> {
  return new Promise((resolve) => {
    const start = performance.now()
    const frame = (now: number): void => {
      const t = ease(Math.min(1, (now - start) / DURATION))
      const preview = new Map<string, Preview>()
      for (const [id, end] of to) {
        const a = from.get(id) as Rect
        preview.set(id, {
          x: a.x + (end.x - a.x) * t,
          y: a.y + (end.y - a.y) * t,
          width: a.width + (end.width - a.width) * t,
          height: a.height + (end.height - a.height) * t
        })
      }
      ctx.store.set({ preview })
      if (t < 1) requestAnimationFrame(frame)
      else resolve()
    }
    requestAnimationFrame(frame)
  })
}

/**
 * Lays out the board (or only `only`), glides the cards there, and commits the
 * result as one undoable step. If the board changes while ELK works, nothing is
 * applied and the facilitator is told.
 */
export async function runLayout(ctx: ActionContext, label: string, only?: ReadonlySet<string>): Promise<void> {
  if (running) return
  running = true
  const { store } = ctx
  const board = store.board
  try {
    const slow = board.cards.length > ANIMATE_UP_TO
    if (slow) store.set({ notice: { tone: 'info', text: `Laying out ${board.cards.length.toLocaleString('en')} cards…` } })
    const rects = await layoutBoard(board, elkEngine(), only ? { only } : {})
    if (slow) store.set({ notice: null })
    if (store.board !== board) {
      store.set({ notice: { tone: 'info', text: `${label} was not applied: the board changed while it was being worked out. Try again.` } })
      return
    }
    if (rects.size === 0) return
    if (rects.size <= ANIMATE_UP_TO) {
      const from = new Map(board.cards.filter((c) => rects.has(c.id)).map((c) => [c.id, { x: c.x, y: c.y, width: c.width, height: c.height }]))
      await glide(ctx, from, rects)
      if (store.board !== board) {
        store.set({ preview: new Map() })
        return
      }
    }
    store.change(label, (draft) => applyLayout(draft, rects))
    store.set({ preview: new Map() })
  } finally {
    running = false
  }
}
