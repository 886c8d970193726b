import { useStore, type ReactFlowState } from '@xyflow/react'

/**
 * Below this zoom a card's words are too small to work with (14 px text shows at
 * 6 px), so cards are drawn simplified (CardNodeLite) and relation labels are left out.
 */
export const LITE_ZOOM = 0.45

const zoomedOut = (s: ReactFlowState): boolean => s.transform[2] < LITE_ZOOM

/**
 * True while the canvas is zoomed out below LITE_ZOOM. The selector returns a boolean,
 * so a component re-renders only when the zoom crosses the threshold, never per frame.
 */
export function useZoomedOut(): boolean {
  return useStore(zoomedOut)
}
