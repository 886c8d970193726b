import { describe, expect, it } from 'vitest'
import { BOARD_VERSION, emptyBoard, type Board } from './board'
import { parseBoardText } from './load'
import { serializeBoard } from './serialize'

function board(): Board {
  return {
    ...emptyBoard(),
    cards: [
      {
        id: 'wall-hiring',
        kind: 'wall',
        title: 'Hiring freeze for all non-revenue roles',
        x: 0,
        y: 0,
        width: 220,
        height: 88,
        fields: { appeared: 'March', takenDownBy: '' }
      },
      {
        id: 'init-cloud',
        kind: 'initiative',
        title: 'Reduce cloud spend by 20%',
        x: 300,
        y: 0,
        width: 260,
        height: 110,
        fields: { drivers: ['Gross margin target', 'Board pressure'], constraints: ['On-call load'], floats: [], horizon: 'months' }
      }
    ],
    relations: [{ id: 'rel-1', kind: 'blocks', from: 'wall-hiring', to: 'init-cloud', label: '' }]
  }
}

const text = serializeBoard(board())
const json = (doc: unknown) => JSON.stringify(doc, null, 2)

function problem(input: string): { problem: string; where?: string } {
  const result = parseBoardText(input)
  if (result.ok) throw new Error('expected the text to be refused')
  return { problem: result.problem, ...(result.where ? { where: result.where } : {}) }
}

describe('parseBoardText', () => {
  it('reads a valid board with no migrations', () => {
    expect(parseBoardText(text)).toEqual({ ok: true, board: board(), migrated: [] })
    expect(parseBoardText(serializeBoard(emptyBoard()))).toEqual({ ok: true, board: emptyBoard(), migrated: [] })
  })

  it('refuses empty and binary text', () => {
    expect(problem(' \n')).toEqual({ problem: 'the file is empty' })
    expect(problem('{"format"\u0000')).toEqual({ problem: 'it is a binary file, not a board' })
  })

  it('says where JSON is broken', () => {
    const broken = text.replace('"kind": "wall"', 'kind: "wall"') // a hand edit: unquoted key
    expect(problem(broken)).toMatchObject({ problem: expect.stringContaining('not valid JSON'), where: 'line 7, column 7' })
  })

  it('recognises a file cut off inside a string as truncated', () => {
    const cut = text.slice(0, text.indexOf('Hiring freeze') + 6)
    expect(problem(cut)).toMatchObject({ problem: 'it ends too early: the file looks truncated' })
  })

  // Known bug (see the report to the lead): a cut between values is reported as "not valid JSON".
  it('recognises a file cut off between values as truncated', () => {
    const cut = text.slice(0, text.indexOf('"takenDownBy"') - 1)
    expect(problem(cut)).toMatchObject({ problem: 'it ends too early: the file looks truncated' })
  })

  it('refuses JSON that is not an Orgboard board', () => {
    expect(problem('[]').problem).toContain('expected an object at the top level')
    expect(problem('{"type": "excalidraw"}').problem).toContain('its "format" is missing, expected "orgboard"')
    expect(problem(json({ ...board(), format: 'miro' })).problem).toContain('its "format" is "miro"')
  })

  it('refuses a newer version, naming both versions', () => {
    const { problem: p } = problem(json({ ...board(), version: BOARD_VERSION + 1 }))
    expect(p).toContain(`file version ${BOARD_VERSION + 1}`)
    expect(p).toContain(`reads up to version ${BOARD_VERSION}`)
  })

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key anywhere and says where', (key) => {
    const input = text.replace('"appeared": "March"', `"${key}": {"polluted": true}, "appeared": "March"`)
    expect(problem(input)).toEqual({ problem: expect.stringContaining('not allowed'), where: `cards[0].fields.${key}` })
  })

  it('refuses absurd nesting without overflowing the stack', () => {
    const deep = `{"format": "orgboard", "version": 1, "cards": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    expect(problem(deep).problem).toMatch(/nested too deeply/)
  })

  it('names the field that breaks the schema and counts the rest', () => {
    const b = board()
    const bad = { ...b, cards: [{ ...b.cards[0], width: -5, height: 'tall' }, b.cards[1]] }
    const result = problem(json(bad))
    expect(result.where).toBe('cards[0].width')
    expect(result.problem).toMatch(/\(and 1 more problem\)$/)
  })

  it.each<[string, (b: Board) => unknown, string]>([
    ['a card with an unknown kind', (b) => ({ ...b, cards: [{ ...b.cards[0], kind: 'rocket' }] }), 'cards[0].kind'],
    ['a field of the wrong type', (b) => ({ ...b, cards: [b.cards[0], { ...b.cards[1], fields: { drivers: 'margin' } }] }), 'cards[1].fields.drivers'],
    ['a field the kind does not declare', (b) => ({ ...b, cards: [{ ...b.cards[0], fields: { colour: 'red' } }] }), 'cards[0].fields'],
    ['a duplicate card id', (b) => ({ ...b, cards: [b.cards[0], { ...b.cards[1], id: 'wall-hiring' }], relations: [] }), 'cards[1].id'],
    ['a relation to a missing card', (b) => ({ ...b, relations: [{ ...b.relations[0], to: 'ghost' }] }), 'relations[0].to'],
    ['a huge coordinate', (b) => ({ ...b, cards: [{ ...b.cards[0], x: 1e12 }, b.cards[1]] }), 'cards[0].x'],
    ['a missing viewport', ({ viewport: _, ...b }) => b, 'viewport']
  ])('refuses %s and says where', (_, change, where) => {
    expect(problem(json(change(board()))).where).toBe(where)
  })
})
