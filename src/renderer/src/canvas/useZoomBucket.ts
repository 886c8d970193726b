import { useLayoutEffect, useState } from 'react'
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react'

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

/** How long the view must rest, zoomed back in past FAR_ZOOM, before the cards are nodes again. */
export const SETTLE_MS = 120

/**
 * Whether the cards are drawn as FarCards' outlines: from the frame the zoom passes FAR_ZOOM
 * outward until the view has rested SETTLE_MS zoomed back in past it. Making the cards in view
 * React Flow nodes again took 80–150 ms (traced at M and XL: each mounted and measured), a stall
 * in the middle of a zoom; once the view rests nothing moves, so nothing stalls. The outlines
 * look as the nodes do, only their titles are bars. Read it once (Canvas) and hand it down, so
 * every layer changes in the same frame.
 */
export function useFarView(): boolean {
  const api = useStoreApi()
  const far = useStore(farOut)
  const [held, setHeld] = useState(far)
  useLayoutEffect(() => {
    if (far) return setHeld(true)
    if (!held) return
    let seen = api.getState().transform
    let settle = setTimeout(() => setHeld(false), SETTLE_MS)
    const stop = api.subscribe((s) => {
      if (s.transform === seen) return
      seen = s.transform
      clearTimeout(settle)
      settle = setTimeout(() => setHeld(false), SETTLE_MS)
    })
    return () => {
      stop()
      clearTimeout(settle)
    }
  }, [api, far, held])
  return far || held
}

/**
 * Puts `canvas--far` on React Flow's element while `far`. A class, not a prop to each
 * card: crossing the threshold restyles the cards without rendering any of them.
 */
export function FarZoomClass({ far }: { far: boolean }): null {
  const domNode = useStore(domNodeOf)
  useLayoutEffect(() => void domNode?.classList.toggle('canvas--far', far), [domNode, far])
  return null
}
