import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Board, Card } from './board'
import { UNKNOWN_KIND } from './kinds'
import { compareKeys, serializeBoard } from './serialize'

/** The serialiser as it was before it reused objects already in order (same key order): the reference for the output, byte for byte. */
function referenceOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => referenceOrder(v))
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const out: Record<string, unknown> = Object.create(null)
  for (const k of Object.keys(obj).sort(compareKeys)) out[k] = referenceOrder(obj[k])
  return out
}

function referenceCard(card: Card): unknown {
  if (card.kind !== UNKNOWN_KIND || !card.preserved) return card
  const { id, title, x, y, width, height, color, container } = card
  return { ...card.preserved, id, title, x, y, width, height, ...(color ? { color } : {}), ...(container ? { container } : {}) }
}

function referenceSerialize(board: Board): string {
  return JSON.stringify(referenceOrder({ ...board, cards: board.cards.map(referenceCard) }), null, 2) + '\n'
}

/** Keys that sort first, sort as numbers, or are awkward to assign; and any other text. */
const key = fc.oneof(
  fc.constantFrom('id', 'kind', 'title', 'from', 'to', 'format', 'version', 'x', 'y', 'fields', 'color', '0', '1', '10', '2', '__proto__', 'constructor', 'toString'),
  fc.string({ maxLength: 6 })
)

/** Objects built with own keys in any order, `__proto__` included (as JSON.parse makes them). */
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string({ maxLength: 8 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((entries) => Object.fromEntries(entries) as unknown)
  )
})).value

const shuffled = <T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.tuple(arb, fc.array(fc.nat(), { minLength: 12, maxLength: 12 })).map(([obj, order]) => {
    const entries = Object.entries(obj).map((e, i) => [order[i] ?? 0, e] as const)
    return Object.fromEntries(entries.sort((a, b) => a[0] - b[0]).map(([, e]) => e)) as T
  })

const card: fc.Arbitrary<Card> = shuffled(
  fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 5 }),
      kind: fc.constantFrom('seedling', 'initiative', 'frame', 'note', UNKNOWN_KIND),
      title: fc.string({ maxLength: 10 }),
      x: fc.integer(),
      y: fc.integer(),
      width: fc.integer({ min: 8, max: 500 }),
      height: fc.integer({ min: 8, max: 500 }),
      fields: fc.dictionary(key, json, { maxKeys: 4 }),
      color: fc.constantFrom('yellow', 'blue'),
      container: fc.string({ minLength: 1, maxLength: 5 }),
      pinned: fc.boolean(),
      preserved: fc.array(fc.tuple(key, json), { maxLength: 6 }).map((entries) => Object.fromEntries(entries) as Record<string, unknown>)
    },
    { requiredKeys: ['id', 'kind', 'title', 'x', 'y', 'width', 'height', 'fields'] }
  )
) as fc.Arbitrary<Card>

const relation = shuffled(
  fc.record({ id: fc.string({ maxLength: 4 }), kind: fc.constant('dependsOn'), from: fc.string({ maxLength: 4 }), to: fc.string({ maxLength: 4 }), label: fc.string({ maxLength: 6 }) })
)

const board: fc.Arbitrary<Board> = shuffled(
  fc.record({
    format: fc.constant('orgboard'),
    version: fc.constant(1),
    viewport: shuffled(fc.record({ x: fc.integer(), y: fc.integer(), zoom: fc.double({ min: 0.1, max: 4, noNaN: true }) })),
    cards: fc.array(card, { maxLength: 8 }),
    relations: fc.array(relation, { maxLength: 6 }),
    extra: json
  })
) as unknown as fc.Arbitrary<Board>

describe('serializeBoard', () => {
  it('writes exactly what the reference serialiser writes, for any board', () => {
    fc.assert(
      fc.property(board, (b) => {
        expect(serializeBoard(b)).toBe(referenceSerialize(b))
      }),
      { numRuns: 2000 }
    )
  })

  it('shares objects between cards (as immer does) without changing the output', () => {
    fc.assert(
      fc.property(card, fc.nat({ max: 5 }), (c, copies) => {
        const b = { format: 'orgboard', version: 1, viewport: { x: 0, y: 0, zoom: 1 }, cards: Array.from({ length: copies + 1 }, () => c), relations: [] } as unknown as Board
        expect(serializeBoard(b)).toBe(referenceSerialize(b))
      })
    )
  })
})
