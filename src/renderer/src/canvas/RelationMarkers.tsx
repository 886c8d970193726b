import { memo } from 'react'
import type { Theme } from '../theme'
import { arrowheadColors, arrowheadId } from './arrowheads'

/** The arrowheads relations point to (see arrowheads.ts), drawn as React Flow draws its ArrowClosed marker. */
export const RelationMarkers = memo(function RelationMarkers({ theme }: { theme: Theme }) {
  return (
    <svg className="react-flow__marker" aria-hidden="true" style={{ position: 'absolute', width: 0, height: 0 }}>
      <defs>
        {arrowheadColors(theme).map((color) => (
          <marker
            key={color}
            className="react-flow__arrowhead"
            id={arrowheadId(color)}
            markerWidth="16"
            markerHeight="16"
            viewBox="-10 -10 20 20"
            markerUnits="strokeWidth"
            orient="auto-start-reverse"
            refX="0"
            refY="0"
          >
            <polyline className="arrowclosed" style={{ strokeWidth: 1, stroke: color, fill: color }} strokeLinecap="round" strokeLinejoin="round" points="-5,-4 0,0 -5,4 -5,-4" />
          </marker>
        ))}
      </defs>
    </svg>
  )
})
