import { addCheckpoint, checkpointProblem } from '../../../shared/checkpoints'
import { newId } from '../../../shared/edits'
import { presentationOrder } from '../../../shared/presentation'
import { addMinute, pause, reset, resume, timerStatus } from '../../../shared/timer'
import { currentBallot, nextVoter, revealVotes, voterCount } from '../../../shared/voting'
import type { ActionContext, ActionImpl } from '../actions'
import { primeAudio } from './chime'
import { NOW, setFacilitation, setTimer } from './state'

/** The Workshop menu's actions (commands.ts `workshop.*`), keyed by command id. */

const timerOf = (ctx: ActionContext) => ctx.store.getState().facilitation.timer
const votingOf = (ctx: ActionContext) => ctx.store.board.voting

/** Opens a side panel and puts the keyboard in the element with this id, once it is drawn. */
export function showPanel(ctx: ActionContext, panel: string, focusId?: string): void {
  ctx.store.set({ panel })
  if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus())
}

export function startOrPauseTimer(ctx: ActionContext): void {
  const timer = timerOf(ctx)
  const now = Date.now()
  primeAudio()
  setTimer(ctx.store, timerStatus(timer, now) === 'running' ? pause(timer, now) : resume(timer, now))
}

export function takeCheckpoint(ctx: ActionContext, name: string): boolean {
  const board = ctx.store.board
  if (checkpointProblem(board, name)) return false
  const snapshot = { cards: board.cards, relations: board.relations }
  const meta = { id: newId('checkpoint'), name, time: new Date().toISOString() }
  ctx.store.change(`Checkpoint “${name.trim()}”`, (draft) => addCheckpoint(draft, snapshot, meta))
  return true
}

export function enterPresenter(ctx: ActionContext): void {
  if (presentationOrder(ctx.store.board.cards).length === 0) return
  ctx.store.set({ selectedCards: new Set(), selectedRelations: new Set(), editing: null })
  setFacilitation(ctx.store, { presenting: { index: 0, laser: true }, startScreen: false })
}

export const facilitationActions: Record<string, ActionImpl> = {
  'workshop.timer': {
    run: (ctx) => setTimer(ctx.store, timerOf(ctx), !timerOf(ctx).visible)
  },
  'workshop.timerPause': {
    run: startOrPauseTimer,
    isEnabled: (ctx) => timerStatus(timerOf(ctx), Date.now()) !== 'finished'
  },
  'workshop.timerAddMinute': {
    run: (ctx) => setTimer(ctx.store, addMinute(timerOf(ctx), Date.now()))
  },
  'workshop.timerReset': {
    run: (ctx) => setTimer(ctx.store, reset(timerOf(ctx)))
  },
  'workshop.voting': {
    run: (ctx) => showPanel(ctx, 'votes', 'votes-panel')
  },
  'workshop.nextVoter': {
    run: (ctx) => ctx.store.change('Next voter', nextVoter),
    isEnabled: (ctx) => (currentBallot(votingOf(ctx))?.cards.length ?? 0) > 0
  },
  'workshop.revealVotes': {
    run: (ctx) => {
      ctx.store.change('Reveal votes', revealVotes)
      showPanel(ctx, 'votes')
    },
    isEnabled: (ctx) => votingOf(ctx)?.status === 'open' && voterCount(votingOf(ctx)) > 0
  },
  'workshop.present': {
    run: enterPresenter,
    isEnabled: (ctx) => ctx.store.board.cards.length > 0
  },
  'workshop.checkpoint': {
    run: (ctx) => showPanel(ctx, 'checkpoints', 'checkpoint-name')
  },
  'workshop.compare': {
    run: (ctx) => {
      const ids = (ctx.store.board.checkpoints ?? []).map((c) => c.id)
      const [from, to] = ids.length >= 2 ? ids.slice(-2) : [ids[0], NOW]
      if (from && to) setFacilitation(ctx.store, { comparing: { from, to } })
    },
    isEnabled: (ctx) => (ctx.store.board.checkpoints?.length ?? 0) > 0
  }
}
