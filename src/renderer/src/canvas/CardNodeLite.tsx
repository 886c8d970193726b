import { memo } from 'react'
import type { Card } from '../../../shared/board'
import { cardKind } from '../../../shared/kinds'

/**
 * A card as seen from far away: its kind's colours and its title, nothing to mount
 * per card (no handles, resizer or icon, each of which subscribes to React Flow's
 * store and costs work on every pan frame). CardNode draws it when zoomed out.
 */
export const CardNodeLite = memo(function CardNodeLite({ card }: { card: Card }) {
  const spec = cardKind(card.kind)
  return (
    <div
      className={`card-lite${spec.container ? ' card-lite--container' : ''}`}
      style={{ '--accent': spec.color, '--fill': spec.fill } as React.CSSProperties}
      data-kind={card.kind}
    >
      <div className="card-lite__title" data-testid="card-title">
        {card.title}
      </div>
    </div>
  )
})
