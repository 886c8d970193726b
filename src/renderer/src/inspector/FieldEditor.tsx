import { useState } from 'react'
import { Plus, X } from 'lucide-react'
import type { ChecklistItem, FieldSpec, FieldValue } from '../../../shared/kinds'

interface Props {
  spec: FieldSpec
  value: FieldValue | undefined
  /**
   * `typing` names the text box being typed in: keystrokes in one box make one undo
   * step; clicks (add, remove, tick, choose) are steps of their own.
   */
  onChange(value: FieldValue, typing?: string): void
  /** Prefix for element ids, unique per card. */
  idPrefix: string
}

function asList(value: FieldValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function asChecklist(value: FieldValue | undefined): ChecklistItem[] {
  return Array.isArray(value) ? value.filter((v): v is ChecklistItem => typeof v === 'object' && v !== null) : []
}

/** Edits one field of a card, by the field's declared type. */
export function FieldEditor({ spec, value, onChange, idPrefix }: Props): React.JSX.Element {
  const id = `${idPrefix}-${spec.key}`
  switch (spec.type) {
    case 'text':
      return (
        <label className="field" htmlFor={id}>
          <span className="field__label">{spec.label}</span>
          <input id={id} type="text" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value, 'text')} />
        </label>
      )
    case 'longtext':
      return (
        <label className="field" htmlFor={id}>
          <span className="field__label">{spec.label}</span>
          <textarea id={id} rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value, 'text')} />
        </label>
      )
    case 'number':
      return (
        <label className="field" htmlFor={id}>
          <span className="field__label">{spec.label}</span>
          <input
            id={id}
            type="number"
            min={spec.min}
            max={spec.max}
            value={typeof value === 'number' ? value : spec.default}
            onChange={(e) => {
              const n = Number(e.target.value)
              if (Number.isFinite(n)) onChange(Math.min(spec.max, Math.max(spec.min, n)), 'number')
            }}
          />
        </label>
      )
    case 'boolean':
      return (
        <label className="field field--inline" htmlFor={id}>
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <span>{spec.label}</span>
        </label>
      )
    case 'enum':
      return (
        <label className="field" htmlFor={id}>
          <span className="field__label">{spec.label}</span>
          <select id={id} value={typeof value === 'string' ? value : spec.default} onChange={(e) => onChange(e.target.value)}>
            {spec.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )
    case 'list':
      return <ListEditor label={spec.label} items={asList(value)} onChange={onChange} id={id} />
    case 'checklist':
      return <ChecklistEditor label={spec.label} items={asChecklist(value)} onChange={onChange} id={id} />
  }
}

function singular(label: string): string {
  return label.replace(/s$/, '').toLowerCase()
}

function ListEditor({ label, items, onChange, id }: { label: string; items: string[]; onChange(v: string[], typing?: string): void; id: string }) {
  // The item just added takes the focus when it mounts, so typing goes into it.
  const [focusAt, setFocusAt] = useState<number | null>(null)
  return (
    <fieldset className="field">
      <legend className="field__label">{label}</legend>
      <ul className="list-editor">
        {items.map((item, i) => (
          <li key={i}>
            <input
              type="text"
              aria-label={`${label} ${i + 1}`}
              value={item}
              autoFocus={i === focusAt}
              onChange={(e) => onChange(items.map((v, j) => (j === i ? e.target.value : v)), `item-${i}`)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault()
                  setFocusAt(i + 1)
                  onChange([...items.slice(0, i + 1), '', ...items.slice(i + 1)])
                }
              }}
            />
            <button type="button" className="icon-button icon-button--small" aria-label={`Remove ${singular(label)} ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              <X size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="text-button"
        id={id}
        onClick={() => {
          setFocusAt(items.length)
          onChange([...items, ''])
        }}
      >
        <Plus size={14} aria-hidden /> Add {singular(label)}
      </button>
    </fieldset>
  )
}

function ChecklistEditor({ label, items, onChange, id }: { label: string; items: ChecklistItem[]; onChange(v: ChecklistItem[], typing?: string): void; id: string }) {
  const update = (i: number, change: Partial<ChecklistItem>, typing?: string): void => onChange(items.map((v, j) => (j === i ? { ...v, ...change } : v)), typing)
  const [focusAt, setFocusAt] = useState<number | null>(null)
  return (
    <fieldset className="field">
      <legend className="field__label">
        {label} {items.length > 0 && <span className="field__count">{items.filter((i) => i.done).length}/{items.length} met</span>}
      </legend>
      <ul className="list-editor">
        {items.map((item, i) => (
          <li key={i}>
            <input type="checkbox" aria-label={`Met: ${item.text || `criterion ${i + 1}`}`} checked={item.done} onChange={(e) => update(i, { done: e.target.checked })} />
            <input type="text" aria-label={`${label} ${i + 1}`} autoFocus={i === focusAt} value={item.text} onChange={(e) => update(i, { text: e.target.value }, `item-${i}`)} />
            <button type="button" className="icon-button icon-button--small" aria-label={`Remove criterion ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              <X size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="text-button"
        id={id}
        onClick={() => {
          setFocusAt(items.length)
          onChange([...items, { text: '', done: false }])
        }}
      >
        <Plus size={14} aria-hidden /> Add criterion
      </button>
    </fieldset>
  )
}
