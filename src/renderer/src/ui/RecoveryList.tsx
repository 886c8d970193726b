import { useState } from 'react'
import { FileClock } from 'lucide-react'
import type { RecoveryEntry } from '../../../shared/api'
import { restoreRecovered } from '../actions'
import { useEditorContext } from '../editorContext'
import { describeWhen } from './when'

/**
 * The boards a crash or kill left unsaved, each with its title, file and time of
 * last change, to restore or discard (in two steps). The recovery dialog and the
 * start screen both show it. `onChange` gets the entries left after a discard.
 */
export function RecoveryList({
  entries,
  onChange,
  focusFirst
}: {
  entries: RecoveryEntry[]
  onChange: (rest: RecoveryEntry[]) => void
  /** The first Restore starts focused: Enter must never throw work away. */
  focusFirst?: boolean
}): React.JSX.Element {
  const ctx = useEditorContext()
  const { api } = ctx
  const [confirming, setConfirming] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const discard = async (entry: RecoveryEntry): Promise<void> => {
    await api.deleteRecovery({ id: entry.id })
    setConfirming(null)
    onChange(entries.filter((e) => e.id !== entry.id))
  }

  const restore = async (entry: RecoveryEntry): Promise<void> => {
    setBusy(true)
    try {
      await restoreRecovered(ctx, entry, entries.length - 1)
    } finally {
      setBusy(false)
    }
  }

  return (
    <ul className="choice-list">
      {entries.map((entry, i) => (
        <li key={entry.id} className="choice" data-testid="recovery-entry">
          <FileClock className="choice__icon" size={22} aria-hidden />
          <div className="choice__text">
            <div className="choice__title" data-testid="recovery-name">
              {entry.name}
            </div>
            <div className="choice__detail" data-testid="recovery-path" title={entry.path ?? undefined}>
              {entry.path ?? 'Never saved to a file'}
            </div>
            <div className="choice__detail">
              Last changed <time dateTime={new Date(entry.changedAt).toISOString()}>{describeWhen(entry.changedAt)}</time> ·{' '}
              {entry.cards === 1 ? '1 card' : `${entry.cards} cards`}
            </div>
          </div>
          {confirming === entry.id ? (
            <div className="choice__actions" role="group" aria-label={`Discard ${entry.name}?`}>
              <span className="choice__question">Discard for good?</span>
              <button type="button" className="button" onClick={() => setConfirming(null)}>
                Keep
              </button>
              <button type="button" className="button button--danger" onClick={() => void discard(entry)}>
                Discard
              </button>
            </div>
          ) : (
            <div className="choice__actions">
              <button type="button" className="button" disabled={busy} onClick={() => setConfirming(entry.id)}>
                Discard…
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                data-autofocus={focusFirst && i === 0 ? true : undefined}
                autoFocus={focusFirst && i === 0}
                onClick={() => void restore(entry)}
              >
                Restore
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}
