import { useState } from 'react'
import { ArrowLeftRight, GraduationCap, Trash2 } from 'lucide-react'
import type { Card, Relation } from '../../../shared/board'
import { graduateSeedling, removeItems, renameCard, reverseRelation, setField, setRelation } from '../../../shared/edits'
import { preservedKind } from '../../../shared/cardSummary'
import { cardKind, cardKinds, relationKinds, UNKNOWN_KIND, unknownCardKind, type AnyCardKind, type RelationKind } from '../../../shared/kinds'
import { useEditorContext } from '../editorContext'
import { kindIcons } from '../icons'
import { useDragging } from '../state/cardDrag'
import { useEditor } from '../state/editorStore'
import { kindColorVars } from '../theme'
import { ColorPicker } from './ColorPicker'
import { FieldEditor } from './FieldEditor'
import { Legend } from './Legend'
import { PinToggle } from './PinToggle'
import { RelationSample } from './RelationSample'
import { cardsWithIds, frameCards } from '../canvas/frameCards'

/** `value`, except while `hold`: then the value it had when the hold began. */
function useHeld<T>(value: T, hold: boolean): T {
  const [held, setHeld] = useState(value)
  // Adjusting state while rendering, as React's docs show: it renders again at once, before any effect.
  if (!hold && held !== value) setHeld(value)
  return hold ? held : value
}

/** Every field of the selection: one card, one relation, or bulk edits for many. */
export function Inspector(): React.JSX.Element {
  const { store } = useEditorContext()
  const board = useEditor(store, (s) => s.history.present)
  // Dragging a card selects it; its fields show once it is dropped. Drawn at once, they made the
  // frame that starts the drag 38 ms instead of 31.5 (traced at 2,000 cards): the first moves wait for it.
  const dragging = useDragging(store.drag)
  const selectedCards = useHeld(useEditor(store, (s) => s.selectedCards), dragging)
  const selectedRelations = useHeld(useEditor(store, (s) => s.selectedRelations), dragging)
  const cards = board.cards.filter((c) => selectedCards.has(c.id))
  const relations = board.relations.filter((r) => selectedRelations.has(r.id))

  let body: React.JSX.Element
  if (cards.length === 1 && relations.length === 0) body = <CardInspector card={cards[0] as Card} />
  else if (cards.length === 0 && relations.length === 1) body = <RelationInspector relation={relations[0] as Relation} cards={board.cards} />
  else if (cards.length + relations.length > 1) body = <MultiInspector cards={cards} relations={relations} />
  else body = <Legend />
  return (
    <div className="inspector" data-testid="inspector">
      {body}
    </div>
  )
}

function CardInspector({ card }: { card: Card }): React.JSX.Element {
  const { store } = useEditorContext()
  const spec = cardKind(card.kind)
  const Icon = kindIcons[card.kind]
  const board = store.board
  const container = board.cards.find((c) => c.id === card.container)
  const change = (label: string, key: string | undefined, recipe: Parameters<typeof store.change>[1]): void =>
    store.change(label, recipe, key && `${key}:${card.id}`)
  return (
    <div className="inspector__body">
      <header className="inspector__header" style={kindColorVars(spec)}>
        <span className="palette__icon">
          <Icon size={16} aria-hidden />
        </span>
        <h2>{spec.label}</h2>
      </header>
      <label className="field" htmlFor="inspector-title">
        <span className="field__label">{spec.titleLabel}</span>
        <textarea
          id="inspector-title"
          rows={2}
          value={card.title}
          onChange={(e) => change('Rename', 'title', (b) => renameCard(b, card.id, e.target.value))}
        />
      </label>
      {container && (
        <p className="inspector__note">
          In {cardKind(container.kind).label.toLowerCase()} “{container.title}”
        </p>
      )}
      {card.kind === UNKNOWN_KIND && (
        <p className="inspector__note" data-testid="unknown-kind-note">
          Its file names the kind “{preservedKind(card)}”, which this Orgboard does not know. It can be moved, renamed and deleted; everything
          else about it is saved back as the file had it.
        </p>
      )}
      {spec.fields.map((field) => (
        <FieldEditor
          key={field.key}
          spec={field}
          idPrefix={`inspector-${card.id}`}
          value={card.fields[field.key]}
          onChange={(value, typing) =>
            change(`Edit ${field.label.toLowerCase()}`, typing && `field-${field.key}-${typing}`, (b) => setField(b, card.id, field.key, value))
          }
        />
      ))}
      {card.kind === 'seedling' && <Graduate card={card} />}
      <PinToggle card={card} />
      <ColorPicker ids={[card.id]} current={card.color} />
      <DeleteButton cards={[card.id]} relations={[]} />
    </div>
  )
}

function Graduate({ card }: { card: Card }): React.JSX.Element {
  const ctx = useEditorContext()
  const { store } = ctx
  const graduated = card.fields.graduated === true
  const into = (kind: 'freightTrain' | 'team'): void => {
    let grown: string | undefined
    store.change('Graduate', (b) => {
      grown = graduateSeedling(b, card.id, kind)?.id
    })
    if (!grown) return
    store.select([grown])
    // Bring the seedling and what it became into view together.
    frameCards(ctx, cardsWithIds(store.board.cards, [card.id, grown]), { padding: 0.15, maxZoom: ctx.flow?.getZoom() ?? 1, duration: 300 })
  }
  return (
    <fieldset className="field">
      <legend className="field__label">Graduate</legend>
      <p className="inspector__note">{graduated ? 'This seedling has graduated.' : 'When it meets its criteria, it becomes heavy work or a team of its own.'}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={graduated} onClick={() => into('freightTrain')}>
          <GraduationCap size={16} aria-hidden /> Into a freight train
        </button>
        <button type="button" className="button" disabled={graduated} onClick={() => into('team')}>
          Into a team
        </button>
      </div>
    </fieldset>
  )
}

function RelationInspector({ relation, cards }: { relation: Relation; cards: readonly Card[] }): React.JSX.Element {
  const { store } = useEditorContext()
  const from = cards.find((c) => c.id === relation.from)
  const to = cards.find((c) => c.id === relation.to)
  return (
    <div className="inspector__body">
      <header className="inspector__header">
        <h2>Relation</h2>
      </header>
      <p className="inspector__sentence">
        <strong>{from?.title}</strong> {relationKinds.find((k) => k.id === relation.kind)?.label} <strong>{to?.title}</strong>
      </p>
      <fieldset className="field">
        <legend className="field__label">Kind</legend>
        <RelationKindPicker relation={relation} />
      </fieldset>
      <label className="field" htmlFor="inspector-label">
        <span className="field__label">{relation.kind === 'dependsOn' ? 'Condition (makes it conditional)' : 'Label'}</span>
        <input
          id="inspector-label"
          type="text"
          value={relation.label}
          placeholder={relation.kind === 'dependsOn' ? 'only if the pilot succeeds' : ''}
          onChange={(e) => store.change('Edit label', (b) => setRelation(b, relation.id, { label: e.target.value }), `label:${relation.id}`)}
        />
      </label>
      <button type="button" className="button" onClick={() => store.change('Reverse', (b) => reverseRelation(b, relation.id))}>
        <ArrowLeftRight size={16} aria-hidden /> Reverse direction
      </button>
      <DeleteButton cards={[]} relations={[relation.id]} />
    </div>
  )
}

/** The relation kinds as a radio group with their line styles; shared by the inspector and the quick menu. */
export function RelationKindPicker({ relation }: { relation: Relation }): React.JSX.Element {
  const { store } = useEditorContext()
  return (
    <div className="relation-kinds" role="radiogroup" aria-label="Relation kind">
      {relationKinds.map((kind) => (
        <label key={kind.id} className={`relation-kind${relation.kind === kind.id ? ' relation-kind--active' : ''}`}>
          <input
            type="radio"
            name={`relation-kind-${relation.id}`}
            checked={relation.kind === kind.id}
            onChange={() => store.change('Change relation', (b) => setRelation(b, relation.id, { kind: kind.id as RelationKind }))}
          />
          <RelationSample kind={kind.id} />
          <span>{kind.label}</span>
        </label>
      ))}
    </div>
  )
}

function MultiInspector({ cards, relations }: { cards: Card[]; relations: Relation[] }): React.JSX.Element {
  const { store } = useEditorContext()
  const counts = new Map<AnyCardKind, number>()
  for (const c of cards) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1)
  const ids = new Set(cards.map((c) => c.id))
  const seedlings = counts.get('seedling') ?? 0
  const stage = cardKind('seedling').fields.find((f) => f.key === 'stage')
  return (
    <div className="inspector__body">
      <header className="inspector__header">
        <h2>
          {cards.length} card{cards.length === 1 ? '' : 's'}
          {relations.length > 0 && `, ${relations.length} relation${relations.length === 1 ? '' : 's'}`}
        </h2>
      </header>
      <ul className="inspector__counts">
        {[...cardKinds, unknownCardKind]
          .filter((k) => counts.has(k.id as AnyCardKind))
          .map((k) => (
            <li key={k.id}>
              {counts.get(k.id as AnyCardKind)} × {k.label}
            </li>
          ))}
      </ul>
      {cards.length > 0 && <ColorPicker ids={cards.map((c) => c.id)} current={cards.every((c) => c.color === cards[0]?.color) ? cards[0]?.color : undefined} />}
      {seedlings > 0 && stage && (
        <FieldEditor
          spec={{ ...stage, label: `Stage of ${seedlings} seedling${seedlings === 1 ? '' : 's'}` }}
          idPrefix="inspector-bulk"
          value={cards.find((c) => c.kind === 'seedling')?.fields.stage}
          onChange={(value) =>
            store.change('Set stage', (b) => {
              for (const card of b.cards) if (ids.has(card.id) && card.kind === 'seedling') card.fields.stage = value
            })
          }
        />
      )}
      <DeleteButton cards={cards.map((c) => c.id)} relations={relations.map((r) => r.id)} />
    </div>
  )
}

function DeleteButton({ cards, relations }: { cards: string[]; relations: string[] }): React.JSX.Element {
  const { store } = useEditorContext()
  return (
    <button
      type="button"
      className="button button--danger"
      onClick={() => {
        store.change('Delete', (b) => removeItems(b, new Set(cards), new Set(relations)))
        store.select([])
      }}
    >
      <Trash2 size={16} aria-hidden /> Delete
    </button>
  )
}
