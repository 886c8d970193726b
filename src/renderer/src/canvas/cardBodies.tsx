import { useRef, useState } from 'react'
import { Plus } from 'lucide-react'
import type { Card } from '../../../shared/board'
import { setField } from '../../../shared/edits'
import { cardSummary, fieldSummary } from '../../../shared/cardSummary'
import { cardKind, type AnyCardKind, type ChecklistItem } from '../../../shared/kinds'
import { useEditorContext } from '../editorContext'

/**
 * What a card shows under its title, by kind. Kinds without an entry show their
 * `onCard` fields as one line. A new kind with a richer face adds one entry here.
 */
export interface BodyProps {
  card: Card
  /** Inline editing starts with a click only on a selected card; the first click selects. */
  selected: boolean
}

export const cardBodies: Partial<Record<AnyCardKind, (props: BodyProps) => React.JSX.Element | null>> = {
  initiative: InitiativeBody,
  seedling: SeedlingBody,
  freightTrain: FreightTrainBody
}

/** The kind's on-card fields as one line, the same text exports draw. */
export function SummaryLine({ card }: Pick<BodyProps, 'card'>): React.JSX.Element | null {
  const text = cardSummary(card)
  return text ? <div className="card__summary">{text}</div> : null
}

const stages = ['seed', 'sprout', 'sapling', 'ready'] as const

function SeedlingBody({ card }: BodyProps): React.JSX.Element {
  const stage = stages.indexOf(card.fields.stage as (typeof stages)[number])
  const stageLabel = cardKind('seedling').fields.find((f) => f.key === 'stage')
  const criteria = (card.fields.criteria ?? []) as ChecklistItem[]
  return (
    <div className="card__body">
      <div className="stage" aria-label={`Stage: ${stageLabel ? fieldSummary(stageLabel, card.fields.stage) : ''}`}>
        {stages.map((s, i) => (
          <span key={s} className={`stage__step${i <= stage ? ' stage__step--done' : ''}`} />
        ))}
        <span className="stage__label">{card.fields.graduated === true ? 'Graduated' : stageLabel && fieldSummary(stageLabel, card.fields.stage)}</span>
      </div>
      {criteria.length > 0 && (
        <div className="card__summary">
          {criteria.filter((c) => c.done).length}/{criteria.length} graduation criteria met
        </div>
      )}
    </div>
  )
}

function FreightTrainBody({ card }: BodyProps): React.JSX.Element {
  return (
    <div className="card__body card__body--row">
      {card.fields.valueQuestioned !== true && <span className="badge">Value not questioned</span>}
      <SummaryLine card={card} />
    </div>
  )
}

const initiativeLists = [
  { key: 'drivers', label: 'Drivers' },
  { key: 'constraints', label: 'Constraints' },
  { key: 'floats', label: 'Floats' }
] as const

function InitiativeBody({ card, selected }: BodyProps): React.JSX.Element {
  return (
    <div className="card__body initiative">
      {initiativeLists.map((list) => (
        <InlineList key={list.key} card={card} fieldKey={list.key} label={list.label} selected={selected} />
      ))}
    </div>
  )
}

/** A short list edited on the card itself: click an item to edit it, + to add one; an emptied item goes away. */
function InlineList({ card, fieldKey, label, selected }: BodyProps & { fieldKey: string; label: string }): React.JSX.Element {
  const { store } = useEditorContext()
  const items = (card.fields[fieldKey] ?? []) as string[]
  const [editing, setEditing] = useState<number | null>(null)
  const commit = (index: number, text: string): void => {
    const next = text.trim() ? items.map((v, i) => (i === index ? text.trim() : v)) : items.filter((_, i) => i !== index)
    store.change(`Edit ${label.toLowerCase()}`, (b) => setField(b, card.id, fieldKey, index >= items.length ? [...items, text.trim()].filter(Boolean) : next))
    setEditing(null)
  }
  return (
    <div className="inline-list" data-list={fieldKey}>
      <span className="inline-list__label">{label}</span>
      {items.map((item, i) =>
        editing === i ? (
          <ItemEditor key={i} initial={item} label={`${label} ${i + 1}`} onDone={(text) => (text === null ? setEditing(null) : commit(i, text))} />
        ) : (
          <button key={i} type="button" className={`inline-list__item${selected ? ' nodrag' : ''}`} onClick={() => selected && setEditing(i)} title={item}>
            {item}
          </button>
        )
      )}
      {editing === items.length ? (
        <ItemEditor initial="" label={`New ${label.toLowerCase().replace(/s$/, '')}`} onDone={(text) => (text === null ? setEditing(null) : commit(items.length, text))} />
      ) : (
        <button type="button" className="inline-list__add nodrag" aria-label={`Add to ${label.toLowerCase()}`} onClick={() => setEditing(items.length)}>
          <Plus size={12} aria-hidden />
        </button>
      )}
    </div>
  )
}

function ItemEditor({ initial, label, onDone }: { initial: string; label: string; onDone(text: string | null): void }): React.JSX.Element {
  const [text, setText] = useState(initial)
  const done = useRef(false)
  const finish = (value: string | null): void => {
    if (done.current) return
    done.current = true
    onDone(value)
  }
  return (
    <input
      className="inline-list__editor nodrag nopan"
      aria-label={label}
      autoFocus
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Enter') finish(text)
        if (e.key === 'Escape') finish(null)
      }}
      onBlur={() => finish(text)}
    />
  )
}
