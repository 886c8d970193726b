import { memo, useContext } from 'react'
import type { Card } from '../../../shared/board'
import { cardKind, cardPaint } from '../../../shared/kinds'
import { VoteControl } from '../facilitation/VoteControl'
import { kindColors, kindColorVars } from '../theme'
import type { CardMarks as Marks } from './analysisMarks'
import { CardMarks } from './CardMarks'
import { FrameOutline } from './FrameOutline'
import { HandleMarkers } from './HandleMarkers'
import { CanvasTheme, liteIconUrl } from './liteIcons'

/**
 * A card as seen from far away: its kind's shape, colours, icon and title, and nothing
 * that subscribes to React Flow's store (handles, resizer), which would cost work on
 * every pan frame. The shape and icon keep kinds apart in greyscale, as at 100%.
 */
export const CardNodeLite = memo(function CardNodeLite({ card, marks }: { card: Card; marks: Marks | undefined }) {
  const spec = cardKind(card.kind)
  const paint = cardPaint(card)
  const colors = kindColorVars(paint)
  const icon = liteIconUrl(spec.icon, kindColors(paint, useContext(CanvasTheme)).color)
  return (
    <>
      <div
        className={`card card--lite card--${spec.shape}${spec.container ? ' card--container' : ''}`}
        style={colors}
        data-kind={card.kind}
      >
        <div className="card__title card-lite__title" data-testid="card-title">
          {icon && <img className="card-lite__icon" src={icon} width={20} height={20} alt="" draggable={false} />}
          {card.title}
        </div>
      </div>
      {spec.container && <FrameOutline colors={colors} width={card.width} height={card.height} />}
      <HandleMarkers />
      {/* A vote round runs at whatever zoom the room is looking at; the badges matter most zoomed out. */}
      <VoteControl card={card} />
      <CardMarks card={card} marks={marks} />
    </>
  )
})
