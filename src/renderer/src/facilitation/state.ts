import { newTimer, type TimerState } from '../../../shared/timer'
import type { EditorStore } from '../state/editorStore'

/** The facilitator's view state: none of it is part of the board or its history. */
export interface FacilitationState {
  /** The start screen covers the window (on launch and after File > New). */
  startScreen: boolean
  timer: TimerState & { visible: boolean }
  /** Presenter mode: which slide (see presentationOrder) and whether the laser pointer is on. */
  presenting: { index: number; laser: boolean } | null
  /** The compare view: two checkpoint ids, or "now" for the board as it is. */
  comparing: { from: string; to: string } | null
}

/** The live board in the compare view. */
export const NOW = 'now'

export function initialFacilitation(): FacilitationState {
  return { startScreen: true, timer: { ...newTimer(5), visible: false }, presenting: null, comparing: null }
}

export function setFacilitation(store: EditorStore, patch: Partial<FacilitationState>): void {
  store.set({ facilitation: { ...store.getState().facilitation, ...patch } })
}

export function setTimer(store: EditorStore, timer: TimerState, visible = true): void {
  setFacilitation(store, { timer: { ...timer, visible } })
}
