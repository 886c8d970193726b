import { useState } from 'react'
import { Flag, GitCompareArrows, Trash2 } from 'lucide-react'
import type { Checkpoint } from '../../../shared/board'
import { FACILITATION_LIMITS } from '../../../shared/board'
import { checkpointProblem, removeCheckpoint } from '../../../shared/checkpoints'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'
import { takeCheckpoint } from './actions'
import { NOW, setFacilitation } from './state'

const none: readonly Checkpoint[] = []

export function formatMoment(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}

/** The "Checkpoints" side panel: name a moment, list the moments, pick two to compare. */
export function CheckpointsPanel(): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const checkpoints = useEditor(store, (s) => s.history.present.checkpoints ?? none)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const ids = checkpoints.map((c) => c.id)
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string | null>(null)
  // Defaults follow the list: the two latest moments, or the latest and now.
  const fromId = from && ids.includes(from) ? from : (ids.at(-2) ?? ids.at(-1) ?? '')
  const toId = to && (to === NOW || ids.includes(to)) ? to : ids.length >= 2 ? (ids.at(-1) ?? NOW) : NOW

  const save = (): void => {
    const problem = checkpointProblem(store.board, name)
    if (problem === 'no name') setError('Give the moment a name, such as “before”.')
    else if (problem === 'too many') setError(`A board keeps up to ${FACILITATION_LIMITS.checkpoints} checkpoints: delete one first.`)
    else if (takeCheckpoint(ctx, name)) {
      setName('')
      setError(null)
    }
  }

  return (
    <div className="checkpoints" data-testid="checkpoints-panel">
      <form
        className="votes__body"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <header className="votes__header">
          <Flag size={18} aria-hidden />
          <h2>Checkpoints</h2>
        </header>
        <p className="inspector__note">Name a moment of the board, such as “before” and “after”, then compare two of them side by side.</p>
        <label className="field">
          <span className="field__label">Name this moment</span>
          <input
            id="checkpoint-name"
            type="text"
            value={name}
            placeholder="before"
            maxLength={FACILITATION_LIMITS.name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary">
          <Flag size={16} aria-hidden />
          Save checkpoint
        </button>
      </form>

      {checkpoints.length > 0 && (
        <>
          <ol className="checkpoints__list" data-testid="checkpoint-list">
            {[...checkpoints].reverse().map((c) => (
              <li key={c.id} className="checkpoints__item">
                <span className="checkpoints__name">{c.name}</span>
                <span className="checkpoints__meta">
                  {formatMoment(c.time)} · {c.cards.length} cards
                </span>
                <button
                  type="button"
                  className="icon-button icon-button--small"
                  aria-label={`Delete checkpoint ${c.name}`}
                  title="Delete checkpoint"
                  onClick={() => store.change(`Delete checkpoint “${c.name}”`, (board) => removeCheckpoint(board, c.id))}
                >
                  <Trash2 size={14} aria-hidden />
                </button>
              </li>
            ))}
          </ol>
          <div className="votes__body checkpoints__compare">
            <label className="field">
              <span className="field__label">Compare</span>
              <select value={fromId} onChange={(e) => setFrom(e.target.value)} aria-label="Earlier moment">
                {checkpoints.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">With</span>
              <select value={toId} onChange={(e) => setTo(e.target.value)} aria-label="Later moment">
                {checkpoints.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
                <option value={NOW}>Now (the board as it is)</option>
              </select>
            </label>
            <button
              type="button"
              className="button"
              disabled={fromId === toId}
              onClick={() => setFacilitation(store, { comparing: { from: fromId, to: toId } })}
            >
              <GitCompareArrows size={16} aria-hidden />
              Compare side by side
            </button>
          </div>
        </>
      )}
    </div>
  )
}
