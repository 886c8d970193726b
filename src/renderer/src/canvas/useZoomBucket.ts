import { useLayoutEffect } from 'react'
import { useStore, type ReactFlowState } from '@xyflow/react'

/**
 * Below this zoom a card's words are too small to work with (14 px text shows at
 * 6 px), so cards are drawn simplified (CardNodeLite) and relation labels are left out.
 */
export const LITE_ZOOM = 0.45

/**
 * Below this zoom even a zoomed-out card's title (18 px) shows under 5.4 px, too small to
 * read, so it is drawn as a bar, as maps drop small labels; frame names stay. Cards and
 * relations are drawn as a few paths (FarCards, FarRelations) instead of an element each.
 */
export const FAR_ZOOM = 0.3

export const zoomedOut = (s: ReactFlowState): boolean => s.transform[2] < LITE_ZOOM
export const farOut = (s: ReactFlowState): boolean => s.transform[2] < FAR_ZOOM
const domNodeOf = (s: ReactFlowState): HTMLDivElement | null => s.domNode

/**
 * True while the canvas is zoomed out below LITE_ZOOM. The selector returns a boolean,
 * so a component re-renders only when the zoom crosses the threshold, never per frame.
 */
export function useZoomedOut(): boolean {
  return useStore(zoomedOut)
}

/**
 * Puts `canvas--far` on React Flow's element below FAR_ZOOM. A class, not a prop to
 * each card: crossing the threshold restyles the cards without rendering any of them.
 * `onChange` hears the crossings, for the canvas outside React Flow's store.
 */
export function FarZoomClass({ onChange }: { onChange?: (far: boolean) => void }): null {
  const far = useStore(farOut)
  const domNode = useStore(domNodeOf)
  useLayoutEffect(() => {
    domNode?.classList.toggle('canvas--far', far)
    onChange?.(far)
  }, [domNode, far, onChange])
  return null
}
