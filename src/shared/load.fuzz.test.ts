import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Board } from './board'
import { parseBoardText } from './load'
import { boardSchema } from './schema'
import { serializeBoard } from './serialize'

/**
 * Property: any mutation of a valid board file either opens as a valid board or
 * is refused with a message; it never throws and never hangs (each property run
 * is bounded by the test's timeout: a hang fails the test instead of stalling CI).
 * A board that opens is a fixpoint: saving it and opening that again gives the same board.
 */

function validBoard(): Board {
  return {
    format: 'orgboard',
    version: 1,
    viewport: { x: -40, y: 12.5, zoom: 0.9 },
    cards: [
      { id: 'ft-sso', kind: 'freightTrain', title: 'Enterprise SSO & compliance (SOC 2 Type II)', x: 0, y: 0, width: 240, height: 96, fields: { teams: 'Platform Security', momentum: 'heavy', valueQuestioned: false } },
      { id: 'seed-pricing', kind: 'seedling', title: 'Usage-based pricing pilot', x: 320, y: 0, width: 220, height: 96, fields: { stage: 'seed', criteria: [{ text: '5 customers pay monthly for a quarter', done: false }] }, container: 'garden-mm' },
      { id: 'garden-mm', kind: 'garden', title: 'Mid-market self-serve', x: 280, y: -60, width: 520, height: 320, fields: { tendedBy: 'Growth' } },
      { id: 'wall-qa', kind: 'wall', title: "Mobile team's shared QA environment is booked until September", x: 0, y: 200, width: 220, height: 88, fields: { appeared: 'June' } },
      { id: 'init-cloud', kind: 'initiative', title: 'Reduce cloud spend by 20%', x: 600, y: 200, width: 260, height: 110, fields: { drivers: ['Gross margin target'], constraints: [], floats: ['Retention periods'], horizon: 'months' } },
      { id: 'team-data', kind: 'team', title: 'Data Platform', x: 900, y: 0, width: 220, height: 96, fields: { context: 'Overloaded', size: 3 } },
      { id: 'note-q', kind: 'note', title: 'Where have walls just appeared?', x: 900, y: 200, width: 200, height: 120, fields: {}, color: 'pink' }
    ],
    relations: [
      { id: 'rel-1', kind: 'blocks', from: 'wall-qa', to: 'init-cloud', label: '' },
      { id: 'rel-2', kind: 'dependsOn', from: 'seed-pricing', to: 'ft-sso', label: 'only if the pilot with two customers succeeds' },
      { id: 'rel-3', kind: 'relatesTo', from: 'team-data', to: 'init-cloud', label: 'owns the data' }
    ],
    voting: { votesPerPerson: 2, kinds: ['wall', 'initiative'], status: 'open', ballots: [{ voter: 'Priya', cards: ['init-cloud'] }] },
    checkpoints: [
      {
        id: 'cp-1',
        name: 'before lunch',
        time: '2025-03-14T09:30:00.000Z',
        cards: [{ id: 'wall-qa', kind: 'wall', title: 'QA environment booked', x: 0, y: 200, width: 220, height: 88, fields: {} }],
        relations: []
      }
    ]
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Values a mutation may put anywhere: any JSON, plus the ones most likely to break things. */
const nasty: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    null,
    '',
    -0,
    1e308,
    -1e308,
    'x'.repeat(10_001),
    '<img src=x onerror=alert(1)>',
    'unknown',
    'rocket',
    'ghost',
    'garden-mm',
    'note-q',
    'pink',
    { polluted: true },
    [],
    {}
  ),
  fc.integer({ min: -2, max: 2 }).map((n) => n * 1_000_000_000)
)

const keyNames = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'kind', 'from', 'to', 'fields', 'x', 'width', 'container', 'color', 'voting', 'checkpoints')
)

/** Every place in a JSON value: the container and the key under it. */
function places(value: Json): { parent: Json[] | { [key: string]: Json }; key: string | number }[] {
  const out: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = []
  const stack: Json[] = [value]
  while (stack.length > 0) {
    const v = stack.pop() as Json
    if (v === null || typeof v !== 'object') continue
    const entries: [string | number, Json][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v)
    for (const [key, item] of entries) {
      out.push({ parent: v, key })
      stack.push(item)
    }
  }
  return out
}

type Mutation =
  | { op: 'set'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'addKey'; at: number; key: string; value: Json }
  | { op: 'duplicate'; at: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: nasty }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('addKey' as const), at: fc.nat(), key: keyNames, value: nasty }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() })
)

function applyMutation(doc: Json, m: Mutation): void {
  const all = places(doc)
  const place = all[m.at % Math.max(1, all.length)]
  if (!place) return
  const { parent, key } = place
  const current = (parent as Record<string | number, Json>)[key] as Json
  switch (m.op) {
    // Copies: constantFrom hands every run the same object, which later mutations would
    // change in place (and could make cyclic) if the document held it itself.
    case 'set':
      ;(parent as Record<string | number, Json>)[key] = structuredClone(m.value)
      break
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key as string]
      break
    case 'addKey':
      // defineProperty: a "__proto__" key must become an own key, as JSON.parse makes it.
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
        Object.defineProperty(current, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true })
      }
      break
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current))
      break
  }
}

/** JSON text of the mutated board; numbers too big for JSON become 1e999 (read back as Infinity). */
function mutatedText(mutations: Mutation[]): string {
  const doc = JSON.parse(JSON.stringify(validBoard())) as Json
  for (const m of mutations) applyMutation(doc, m)
  return JSON.stringify(doc, null, 2).replace(/\b1e\+308\b/g, '1e999')
}

function check(text: string): void {
  const result = parseBoardText(text)
  if (!result.ok) {
    expect(typeof result.problem).toBe('string')
    expect(result.problem.length).toBeGreaterThan(0)
    // Refusals are for what cannot be a board; a repair that leaves an invalid board is a bug in repair.ts.
    expect(result.problem).not.toMatch(/could not be (repaired|read)/)
    return
  }
  expect(boardSchema.safeParse(result.board).success).toBe(true)
  const again = parseBoardText(serializeBoard(result.board))
  if (!again.ok) throw new Error(`a repaired board did not open again: ${again.problem}`)
  expect(again.board).toEqual(result.board)
}

const FUZZ_TIMEOUT = 120_000

describe('opening mutated boards (fast-check)', () => {
  it('a value used by two mutations stays a copy in the document (CI seed -696674090 built a cycle)', () => {
    const shared: Json = { polluted: true }
    const text = mutatedText([
      { op: 'set', at: 0, value: shared },
      { op: 'addKey', at: 0, key: 'again', value: shared }
    ])
    expect(JSON.parse(text).format).toEqual({ polluted: true, again: { polluted: true } })
    expect(shared).toEqual({ polluted: true })
  })

  it('structural mutations open as a valid board or give a message', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => check(mutatedText(mutations))),
      { numRuns: 1500 }
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('text mutations (cuts, inserted and deleted characters) never throw', { timeout: FUZZ_TIMEOUT }, () => {
    const text = serializeBoard(validBoard())
    const edit = fc.record({
      at: fc.nat({ max: text.length }),
      remove: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('{', '[', '"', '\\', ',', ':', '1e999', '[[[[[[[[', '\u0000', '\uD800'))
    })
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), (edits, cut) => {
        let t = text
        for (const e of edits) t = t.slice(0, e.at) + e.insert + t.slice(e.at + e.remove)
        if (cut) t = t.slice(0, edits[0]?.at ?? 0)
        check(t)
      }),
      { numRuns: 1500 }
    )
  })

  it('any JSON at all, with or without the marker', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (value, marked) => {
        const doc = marked && value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, format: 'orgboard', version: 1 } : value
        check(JSON.stringify(doc))
      }),
      { numRuns: 1000 }
    )
  })
})
