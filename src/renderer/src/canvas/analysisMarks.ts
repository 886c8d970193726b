import { useMemo, useRef } from 'react'
import { quoted } from '../../../shared/analysis'
import { useEditorContext } from '../editorContext'
import { useAnalysis } from '../findings/useAnalysis'
import { useEditor } from '../state/editorStore'

/** What the analysis adds to one card on the canvas; computed once per change, never per card render. */
export interface CardMarks {
  /** "Blocked by “Hiring freeze…”", with "+ N more" when several walls hold it up. */
  blocked?: string
  /** Its phase of the dependency path, while phases are shown. */
  phase?: number
  /** On the critical path, while it is shown. */
  critical?: boolean
}

const keyOf = (m: CardMarks): string => `${m.blocked ?? ''}|${m.phase ?? ''}|${m.critical ? 1 : ''}`

/**
 * Card id → its marks. An unchanged card keeps the same marks object from one
 * change to the next, so the canvas can keep its node and React Flow skips it.
 */
export function useCardMarks(): ReadonlyMap<string, CardMarks> {
  const { store } = useEditorContext()
  const analysis = useAnalysis(store)
  const cards = useEditor(store, (s) => s.history.present.cards)
  const showCriticalPath = useEditor(store, (s) => s.showCriticalPath)
  const showPhases = useEditor(store, (s) => s.showPhases)
  const previous = useRef(new Map<string, { key: string; marks: CardMarks }>())
  return useMemo(() => {
    const byId = new Map(cards.map((c) => [c.id, c]))
    const fresh = new Map<string, CardMarks>()
    const mark = (id: string): CardMarks => {
      let m = fresh.get(id)
      if (!m) fresh.set(id, (m = {}))
      return m
    }
    for (const [id, blockers] of analysis.blockedBy) {
      const more = blockers.length - 1
      mark(id).blocked = `Blocked by ${quoted(byId.get(blockers[0] as string))}${more > 0 ? ` + ${more} more` : ''}`
    }
    if (showPhases) for (const [id, phase] of analysis.phases) mark(id).phase = phase
    if (showCriticalPath) for (const id of analysis.criticalPath.cards) mark(id).critical = true
    const next = new Map<string, { key: string; marks: CardMarks }>()
    const result = new Map<string, CardMarks>()
    for (const [id, marks] of fresh) {
      const key = keyOf(marks)
      const old = previous.current.get(id)
      const kept = old && old.key === key ? old : { key, marks }
      next.set(id, kept)
      result.set(id, kept.marks)
    }
    previous.current = next
    return result
  }, [analysis, cards, showCriticalPath, showPhases])
}

/** Relation id → the class its edge gets: on a circle, or on the critical path while it is shown. */
export function useEdgeClasses(): ReadonlyMap<string, string> {
  const { store } = useEditorContext()
  const analysis = useAnalysis(store)
  const showCriticalPath = useEditor(store, (s) => s.showCriticalPath)
  return useMemo(() => {
    const classes = new Map<string, string>()
    if (showCriticalPath) for (const id of analysis.criticalPath.relations) classes.set(id, 'edge--critical')
    for (const id of analysis.cycleRelations) classes.set(id, 'edge--cycle')
    return classes
  }, [analysis, showCriticalPath])
}
