import type { Board, Card } from '../board'
import type { ChecklistItem } from '../kinds'

/**
 * The workshop's own questions, asked of the board: cards a facilitator would
 * want to bring back to the room. Each is a plain check of one card's fields.
 */
export interface CardPrompt {
  kind: 'unquestionedFreightTrain' | 'seedlingWithoutGarden' | 'seedlingWithoutCriteria' | 'idleWall' | 'initiativeIncomplete'
  card: string
  /** For an initiative: which of drivers and floats it lacks. */
  missing?: ('drivers' | 'floats')[]
}

const filled = (value: unknown): boolean =>
  Array.isArray(value) && value.some((item: string | ChecklistItem) => (typeof item === 'string' ? item : item.text).trim() !== '')

/** Is the card inside a garden, directly or through frames inside the garden? */
function inGarden(card: Card, byId: ReadonlyMap<string, Card>): boolean {
  let at = card.container
  for (let depth = 0; at !== undefined && depth < 100; depth++) {
    const container = byId.get(at)
    if (!container) return false
    if (container.kind === 'garden') return true
    at = container.container
  }
  return false
}

/**
 * Freight trains whose value was never questioned; seedlings with no garden or
 * no graduation criteria (graduated seedlings have left both behind); walls that
 * block nothing; initiatives missing drivers (in the field or as cards that
 * drive it) or floats. In board order.
 */
export function findPrompts(board: Board): CardPrompt[] {
  const byId = new Map(board.cards.map((c) => [c.id, c]))
  const blocking = new Set(board.relations.filter((r) => r.kind === 'blocks').map((r) => r.from))
  // A driver drawn as its own card ("drives") is as much a driver as one written in the field.
  const driven = new Set(board.relations.filter((r) => r.kind === 'drives').map((r) => r.to))
  const prompts: CardPrompt[] = []
  for (const card of board.cards) {
    switch (card.kind) {
      case 'freightTrain':
        if (card.fields.valueQuestioned !== true) prompts.push({ kind: 'unquestionedFreightTrain', card: card.id })
        break
      case 'seedling':
        if (card.fields.graduated === true) break
        if (!inGarden(card, byId)) prompts.push({ kind: 'seedlingWithoutGarden', card: card.id })
        if (!filled(card.fields.criteria)) prompts.push({ kind: 'seedlingWithoutCriteria', card: card.id })
        break
      case 'wall':
        if (!blocking.has(card.id)) prompts.push({ kind: 'idleWall', card: card.id })
        break
      case 'initiative': {
        const missing = (['drivers', 'floats'] as const).filter((key) => !filled(card.fields[key]) && !(key === 'drivers' && driven.has(card.id)))
        if (missing.length > 0) prompts.push({ kind: 'initiativeIncomplete', card: card.id, missing })
        break
      }
    }
  }
  return prompts
}
