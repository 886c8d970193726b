import { OctagonAlert, Pin } from 'lucide-react'
import type { Card } from '../../../shared/board'
import type { CardMarks as Marks } from './analysisMarks'
import './analysisMarks.css'

/** Badges above a card: blocked by a wall, its phase, pinned. Cheap: everything is precomputed. */
export function CardMarks({ card, marks }: { card: Card; marks: Marks | undefined }): React.JSX.Element | null {
  if (!marks && !card.pinned) return null
  return (
    <div className="card-marks">
      {marks?.phase !== undefined && (
        <span className="card-mark card-mark--phase" data-testid="phase-tag" title={`Phase ${marks.phase} of the dependency path`}>
          P{marks.phase}
        </span>
      )}
      {marks?.blocked && (
        <span className="card-mark card-mark--blocked" data-testid="blocked-badge" title={marks.blocked}>
          <OctagonAlert size={12} aria-hidden />
          <span className="card-mark__text">{marks.blocked}</span>
        </span>
      )}
      {card.pinned && (
        <span className="card-mark card-mark--pinned" data-testid="pinned-mark" title="Pinned: auto-layout leaves it where it is">
          <Pin size={12} aria-label="Pinned" />
        </span>
      )}
    </div>
  )
}
