import { useMemo } from 'react'
import { ArrowRight, X } from 'lucide-react'
import type { Board, Card } from '../../../shared/board'
import { diffSnapshots, type CheckpointDiff, type Snapshot } from '../../../shared/checkpoints'
import { cardKind } from '../../../shared/kinds'
import { boardPreview } from '../../../shared/preview'
import { useEditorContext } from '../editorContext'
import { kindIcons } from '../icons'
import { useEditor } from '../state/editorStore'
import { BoardSketch, toneColors, type SketchTone } from './BoardSketch'
import { formatMoment } from './CheckpointsPanel'
import { useModalKeys } from './modalKeys'
import { NOW, setFacilitation } from './state'

interface Moment extends Snapshot {
  name: string
  time?: string
}

function momentOf(board: Board, id: string): Moment | undefined {
  if (id === NOW) return { name: 'Now', cards: board.cards, relations: board.relations }
  return board.checkpoints?.find((c) => c.id === id)
}

/** Two moments of the board side by side, and what happened in between. */
export function CompareView(): React.JSX.Element | null {
  const { store } = useEditorContext()
  const comparing = useEditor(store, (s) => s.facilitation.comparing)
  const board = useEditor(store, (s) => s.history.present)
  const before = comparing ? momentOf(board, comparing.from) : undefined
  const after = comparing ? momentOf(board, comparing.to) : undefined
  if (!before || !after) return null
  return <CompareDialog before={before} after={after} />
}

const sections: { key: keyof Pick<CheckpointDiff, 'added' | 'removed' | 'graduated' | 'unblocked' | 'changed'>; title: string; tone?: SketchTone }[] = [
  { key: 'added', title: 'Added', tone: 'added' },
  { key: 'removed', title: 'Removed', tone: 'removed' },
  { key: 'graduated', title: 'Graduated', tone: 'graduated' },
  { key: 'unblocked', title: 'Unblocked', tone: 'unblocked' },
  { key: 'changed', title: 'Edited' }
]

function CompareDialog({ before, after }: { before: Moment; after: Moment }): React.JSX.Element {
  const { store } = useEditorContext()
  const diff = useMemo(() => diffSnapshots(before, after), [before, after])
  const close = (): void => setFacilitation(store, { comparing: null })

  useModalKeys(close, ['board.save', 'board.saveAs'])

  const beforeTones = useMemo(() => {
    const tones = new Map<string, SketchTone>()
    for (const c of diff.removed) tones.set(c.id, 'removed')
    return tones
  }, [diff])
  const afterTones = useMemo(() => {
    const tones = new Map<string, SketchTone>()
    for (const u of diff.unblocked) tones.set(u.card.id, 'unblocked')
    for (const c of diff.graduated) tones.set(c.id, 'graduated')
    for (const c of diff.added) tones.set(c.id, 'added')
    return tones
  }, [diff])

  const title = `${before.name} → ${after.name}`
  return (
    <div className="compare" role="dialog" aria-modal="true" aria-label={`Compare ${title}`} data-testid="compare-view">
      <header className="compare__header">
        <h2>
          {before.name} <ArrowRight size={18} aria-hidden /> {after.name}
        </h2>
        <div className="compare__chips">
          {sections.map(({ key, title, tone }) => (
            <span key={key} className="compare__chip" style={{ '--tone': tone ? toneColors[tone] : '#64748b' } as React.CSSProperties}>
              <strong>{diff[key].length}</strong> {title.toLowerCase()}
            </span>
          ))}
        </div>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={close} autoFocus>
          <X size={20} aria-hidden />
        </button>
      </header>
      <div className="compare__sides">
        <MomentSide moment={before} tones={beforeTones} />
        <MomentSide moment={after} tones={afterTones} />
      </div>
      <div className="compare__lists">
        {sections.map(({ key, title, tone }) => (
          <section key={key} className="compare__list" aria-label={title} data-testid={`diff-${key}`}>
            <h3 style={{ '--tone': tone ? toneColors[tone] : '#64748b' } as React.CSSProperties}>
              {title} <span>{diff[key].length}</span>
            </h3>
            {diff[key].length === 0 ? (
              <p className="compare__empty">Nothing</p>
            ) : (
              <ul>
                {key === 'unblocked'
                  ? diff.unblocked.map((u) => (
                      <li key={u.card.id}>
                        <CardLine card={u.card} />
                        <small>
                          {u.walls
                            .map((w) => (u.removedWalls.includes(w) ? `“${w.title}” came down` : `no longer blocked by “${w.title}”`))
                            .join('; ')}
                        </small>
                      </li>
                    ))
                  : diff[key].map((c) => (
                      <li key={c.id}>
                        <CardLine card={c} />
                      </li>
                    ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  )
}

function MomentSide({ moment, tones }: { moment: Moment; tones: ReadonlyMap<string, SketchTone> }): React.JSX.Element {
  const preview = useMemo(() => boardPreview(moment), [moment])
  return (
    <figure className="compare__side">
      <figcaption>
        <strong>{moment.name}</strong>
        <span>
          {moment.time ? formatMoment(moment.time) : 'the board as it is'} · {moment.cards.length} cards
        </span>
      </figcaption>
      <BoardSketch className="compare__sketch" preview={preview} tones={tones} label={`The board at “${moment.name}”`} />
    </figure>
  )
}

function CardLine({ card }: { card: Card }): React.JSX.Element {
  const Icon = kindIcons[card.kind]
  const spec = cardKind(card.kind)
  return (
    <span className="compare__card" style={{ '--accent': spec.color } as React.CSSProperties}>
      <Icon size={14} aria-hidden />
      <span>{card.title}</span>
      <span className="compare__kind">{spec.label}</span>
    </span>
  )
}
