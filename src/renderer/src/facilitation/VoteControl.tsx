import { memo, type SyntheticEvent } from 'react'
import { Plus } from 'lucide-react'
import type { Card, Voting } from '../../../shared/board'
import { castVote, currentBallot, isVotable, retractVote, visibleVotes, votesLeft } from '../../../shared/voting'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'

/** Totals per round, worked out once per change of the round rather than once per card. */
const totalsCache = new WeakMap<Voting, ReadonlyMap<string, number>>()
function totals(voting: Voting): ReadonlyMap<string, number> {
  let map = totalsCache.get(voting)
  if (!map) totalsCache.set(voting, (map = visibleVotes(voting)))
  return map
}

/** Clicks on the vote control are votes, not a selection, a drag or a rename of the card. */
const keep = (e: SyntheticEvent): void => e.stopPropagation()

/**
 * On a card during a round: "+" to vote and the current voter's own dots (click
 * one to take it back). Once revealed: the card's total as a badge.
 */
export const VoteControl = memo(function VoteControl({ card }: { card: Card }): React.JSX.Element | null {
  const { store } = useEditorContext()
  const voting = useEditor(store, (s) => s.history.present.voting)
  if (!voting || !isVotable(voting, card)) return null

  if (voting.status === 'revealed') {
    const total = totals(voting).get(card.id) ?? 0
    if (total === 0) return null
    return (
      <span className="vote-badge" data-testid="vote-badge" title={`${total} ${total === 1 ? 'vote' : 'votes'}`}>
        <span className="vote-badge__dot" aria-hidden />
        {total}
      </span>
    )
  }

  const mine = currentBallot(voting)?.cards.filter((id) => id === card.id).length ?? 0
  const left = votesLeft(voting)
  return (
    <div className="vote-control nodrag nopan" data-testid="vote-control" onDoubleClick={keep} onPointerDown={keep}>
      {mine > 0 && (
        <button
          type="button"
          className="vote-control__mine"
          aria-label={`Take back a vote from ${card.title}`}
          title="Your votes here: click to take one back"
          onClick={(e) => {
            keep(e)
            store.change('Take back vote', (board) => retractVote(board, card.id))
          }}
        >
          {Array.from({ length: mine }, (_, i) => (
            <span key={i} className="vote-control__dot" />
          ))}
        </button>
      )}
      <button
        type="button"
        className="vote-control__add"
        aria-label={`Vote for ${card.title}`}
        title={left > 0 ? `Vote (${left} left)` : 'No votes left: hand over to the next voter'}
        disabled={left === 0}
        onClick={(e) => {
          keep(e)
          store.change('Vote', (board) => castVote(board, card.id))
        }}
      >
        <Plus size={14} strokeWidth={3} aria-hidden />
      </button>
    </div>
  )
})
