import { useCallback, useRef } from 'react'
import { useStore, type ReactFlowState } from '@xyflow/react'
import type { Rect } from '../../../shared/geometry'
import { nextWindow, viewRect, type CullWindow } from '../../../shared/cull'

/**
 * The board area around the view whose cards and relations React Flow is given (see cull.ts).
 * The selector keeps returning the same window while the view stays near it, so the canvas
 * re-renders only when the view has strayed, not on every pan frame. Null until the pane is measured.
 */
export function useCullArea(): Rect | null {
  const current = useRef<CullWindow | null>(null)
  const select = useCallback((s: ReactFlowState): CullWindow | null => {
    if (!s.width || !s.height) return null
    current.current = nextWindow(current.current, viewRect(s.transform, s.width, s.height))
    return current.current
  }, [])
  return useStore(select)?.area ?? null
}
