import { memo, useEffect, useMemo } from 'react'
import { ViewportPortal } from '@xyflow/react'
import type { Card } from '../../../shared/board'
import { useEditorContext } from '../editorContext'
import { useAnalysis } from '../findings/useAnalysis'
import { useDragPositions } from '../state/cardDrag'
import { useEditor } from '../state/editorStore'
import type { Theme } from '../theme'
import { cardLooks, DASH_WIDTH, type CardLook, type Place } from './cardOutlines'
import { BADGE_COLOR, blockedBadges } from './farBadges'
import { farLooks, prepareFarLooks } from './farLooks'

/**
 * The cards as a few paths per look while zoomed out past FAR_ZOOM (see cardOutlines.ts).
 * React Flow is then given only the cards that need to be nodes (Canvas's `needsNode`): the
 * one under the pointer, so that clicks, drags and double-clicks reach it as at any zoom, and
 * selected, edited, votable ones or those with marks beyond a blocked badge, which draw more
 * than an outline and its badge (farBadges.ts). Those are drawn over their paths. Measured at
 * XL, this halved the zoom frames' p95.
 */
export const FarCards = memo(function FarCards({ theme, far }: { theme: Theme; far: boolean }) {
  return far ? <FarCardPaths theme={theme} /> : <PrepareFarLooks theme={theme} />
})

/**
 * Until the zoom passes FAR_ZOOM the outlines are made ahead, whenever the browser is idle. Made
 * only once zoomed out past LITE_ZOOM, they were seldom ready when a facilitator zoomed out in
 * one go (a zoom's frames leave little idle time): at XL the frame that passed FAR_ZOOM made
 * them itself (76–108 ms), after slices of the preparation had run between the zoom's frames.
 */
function PrepareFarLooks({ theme }: { theme: Theme }): null {
  const { store } = useEditorContext()
  const cards = useEditor(store, (s) => s.history.present.cards)
  useEffect(() => prepareFarLooks(cards, theme), [cards, theme])
  return null
}

function FarCardPaths({ theme }: { theme: Theme }): React.JSX.Element {
  const { store } = useEditorContext()
  const cards = useEditor(store, (s) => s.history.present.cards)
  const resized = useEditor(store, (s) => s.preview)
  const dragged = useDragPositions(store.drag)
  const places = useMemo<ReadonlyMap<string, Place>>(
    () => (dragged.size === 0 ? resized : new Map<string, Place>([...resized, ...dragged])),
    [resized, dragged]
  )
  // While cards are dragged or resized only theirs are remade on each move, as in FarRelations.
  const movingKey = [...places.keys()].join(' ')
  const [resting, moving] = useMemo(() => {
    const ids = new Set(movingKey ? movingKey.split(' ') : [])
    const rest: Card[] = []
    const moved: Card[] = []
    for (const c of cards) (ids.has(c.id) ? moved : rest).push(c)
    return [rest, moved]
  }, [cards, movingKey])
  // At rest, all of them: the outlines made ahead (farLooks) are these.
  const still = useMemo(() => (movingKey ? cardLooks(resting, theme) : farLooks(cards, theme)), [cards, resting, movingKey, theme])
  const moved = useMemo(() => cardLooks(moving, theme, places), [moving, theme, places])
  // From the analysis itself: the badges' words (useCardMarks) are not drawn out here.
  const { blockedBy } = useAnalysis(store)
  const stillBadges = useMemo(() => blockedBadges(resting, blockedBy), [resting, blockedBy])
  const movedBadges = useMemo(() => blockedBadges(moving, blockedBy, places), [moving, blockedBy, places])
  return (
    <ViewportPortal>
      <svg className="far-relations" aria-hidden="true" data-testid="far-cards">
        {[still, moved].map((looks, i) => looks.map((look) => <LookPaths key={`${i}|${look.key}`} look={look} />))}
        {[stillBadges, movedBadges].map((d, i) => d && <path key={i} d={d} fill={BADGE_COLOR[theme]} data-testid="far-badges" />)}
      </svg>
    </ViewportPortal>
  )
}

function LookPaths({ look }: { look: CardLook }): React.JSX.Element {
  return (
    <g data-look={look.key}>
      <path d={look.body} fill={look.fill} />
      {look.texture && <path d={look.texture} fill={look.color} fillOpacity={0.18} />}
      {look.accent && <path d={look.accent} fill={look.color} />}
      {look.dashes && <path d={look.dashes} fill="none" stroke={look.color} strokeWidth={DASH_WIDTH} strokeDasharray="6 6" />}
      <path d={look.bars} fill={look.color} fillOpacity={0.4} />
    </g>
  )
}
