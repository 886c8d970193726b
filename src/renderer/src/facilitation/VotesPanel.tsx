import { useState } from 'react'
import { Eye, HandCoins, RotateCcw, Trash2, UserRoundCheck } from 'lucide-react'
import { FACILITATION_LIMITS } from '../../../shared/board'
import { cardKind, cardKinds, type CardKind } from '../../../shared/kinds'
import { clearVoting, currentBallot, defaultVotingKinds, renameVoter, startRound, tally, voterCount, votesLeft } from '../../../shared/voting'
import { isActionEnabled, runAction } from '../actions'
import { useEditorContext } from '../editorContext'
import { kindIcons } from '../icons'
import { useEditor } from '../state/editorStore'

/** The "Votes" side panel: set up a dot-voting round, run it voter by voter, reveal the ranked results. */
export function VotesPanel(): React.JSX.Element {
  const { store } = useEditorContext()
  const status = useEditor(store, (s) => s.history.present.voting?.status)
  return (
    <div className="votes" id="votes-panel" tabIndex={-1} data-testid="votes-panel">
      {status === 'open' ? <RoundInProgress /> : status === 'revealed' ? <Results /> : <RoundSetup />}
    </div>
  )
}

const votableKinds = cardKinds.filter((k) => !k.container)

function RoundSetup(): React.JSX.Element {
  const { store } = useEditorContext()
  const [votes, setVotes] = useState(3)
  const [kinds, setKinds] = useState<ReadonlySet<CardKind>>(new Set(defaultVotingKinds))
  const toggle = (kind: CardKind): void => {
    const next = new Set(kinds)
    if (next.has(kind)) next.delete(kind)
    else next.add(kind)
    setKinds(next)
  }
  return (
    <form
      className="votes__body"
      onSubmit={(e) => {
        e.preventDefault()
        store.change('Start voting round', (board) => startRound(board, { votesPerPerson: votes, kinds: [...kinds] }))
      }}
    >
      <header className="votes__header">
        <HandCoins size={18} aria-hidden />
        <h2>Dot voting</h2>
      </header>
      <p className="inspector__note">
        Everyone gets the same number of votes. Pass the laptop round: each person votes on the cards, then hands over. Totals stay hidden until you
        reveal them.
      </p>
      <label className="field">
        <span className="field__label">Votes per person</span>
        <input
          type="number"
          min={1}
          max={FACILITATION_LIMITS.votesPerPerson}
          value={votes}
          onChange={(e) => setVotes(Math.max(1, Math.min(FACILITATION_LIMITS.votesPerPerson, Number(e.target.value) || 1)))}
        />
      </label>
      <fieldset className="field">
        <legend className="field__label">The room votes on</legend>
        <div className="votes__kinds">
          {votableKinds.map((kind) => {
            const Icon = kindIcons[kind.id]
            return (
              <label key={kind.id} className="votes__kind" style={{ '--accent': kind.color } as React.CSSProperties}>
                <input type="checkbox" checked={kinds.has(kind.id)} onChange={() => toggle(kind.id)} />
                <Icon size={14} aria-hidden />
                {kind.label}
              </label>
            )
          })}
        </div>
      </fieldset>
      <button type="submit" className="button button--primary" disabled={kinds.size === 0}>
        Start round
      </button>
    </form>
  )
}

function RoundInProgress(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const voting = useEditor(store, (s) => s.history.present.voting)
  const ballot = currentBallot(voting)
  const left = votesLeft(voting)
  const voted = voterCount(voting)
  const kinds = voting?.kinds.map((k) => cardKind(k).label.toLowerCase()).join(', ')
  return (
    <div className="votes__body">
      <header className="votes__header">
        <HandCoins size={18} aria-hidden />
        <h2>Voting round</h2>
        <span className="votes__pill">Votes hidden</span>
      </header>
      <label className="field">
        <span className="field__label">Now voting</span>
        <input
          key={voting?.ballots.length}
          type="text"
          defaultValue={ballot?.voter}
          aria-label="Name of the person voting"
          onBlur={(e) => store.change('Name voter', (board) => renameVoter(board, e.target.value))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur()
          }}
        />
      </label>
      <div className="votes__left" data-testid="votes-left">
        <span className="votes__dots" aria-hidden>
          {Array.from({ length: voting?.votesPerPerson ?? 0 }, (_, i) => (
            <span key={i} className={`votes__dot${i < left ? ' votes__dot--left' : ''}`} />
          ))}
        </span>
        {left} of {voting?.votesPerPerson} votes left
      </div>
      <p className="inspector__note">
        Vote with the <strong>+</strong> on a card ({kinds}). Several votes may go on one card. When you are done, hand over.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={!isActionEnabled('workshop.nextVoter', ctx)}
          onClick={() => void runAction('workshop.nextVoter', ctx)}
        >
          <UserRoundCheck size={16} aria-hidden />
          Next voter
        </button>
        <button
          type="button"
          className="button"
          disabled={!isActionEnabled('workshop.revealVotes', ctx)}
          onClick={() => void runAction('workshop.revealVotes', ctx)}
        >
          <Eye size={16} aria-hidden />
          Reveal votes
        </button>
      </div>
      <p className="votes__count" data-testid="voter-count">
        {voted === 0 ? 'Nobody has voted yet.' : `${voted} ${voted === 1 ? 'person has' : 'people have'} voted.`}
      </p>
      <button type="button" className="text-button votes__end" onClick={() => store.change('End voting round', clearVoting)}>
        <Trash2 size={14} aria-hidden />
        End round without results
      </button>
    </div>
  )
}

function Results(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const board = useEditor(store, (s) => s.history.present)
  const results = tally(board)
  const top = results[0]?.votes ?? 1
  const voted = voterCount(board.voting)
  const show = (id: string): void => {
    store.select([id])
    void ctx.flow?.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2, padding: 0.4 })
  }
  return (
    <div className="votes__body">
      <header className="votes__header">
        <HandCoins size={18} aria-hidden />
        <h2>Results</h2>
      </header>
      <p className="inspector__note">
        {voted} {voted === 1 ? 'person' : 'people'} voted, {board.voting?.votesPerPerson} votes each.
      </p>
      {results.length === 0 ? (
        <p className="inspector__note">No votes were cast.</p>
      ) : (
        <ol className="results" data-testid="vote-results">
          {results.map((r) => {
            const Icon = kindIcons[r.card.kind]
            const spec = cardKind(r.card.kind)
            return (
              <li key={r.card.id}>
                <button type="button" className="results__row" onClick={() => show(r.card.id)} style={{ '--accent': spec.color } as React.CSSProperties}>
                  <span className="results__rank" aria-label={`Rank ${r.rank}`}>
                    {r.rank}
                  </span>
                  <span className="results__main">
                    <span className="results__title" title={r.card.title}>
                      <Icon size={13} aria-hidden />
                      {r.card.title}
                    </span>
                    <span className="results__bar" aria-hidden>
                      <span style={{ width: `${(r.votes / top) * 100}%` }} />
                    </span>
                  </span>
                  <span className="results__votes" data-testid="result-votes">
                    {r.votes}
                  </span>
                </button>
              </li>
            )
          })}
        </ol>
      )}
      <button type="button" className="button" onClick={() => store.change('Clear votes', clearVoting)}>
        <RotateCcw size={16} aria-hidden />
        New round
      </button>
    </div>
  )
}
