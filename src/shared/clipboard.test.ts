import { describe, expect, it } from 'vitest'
import { emptyBoard, type Board } from './board'
import {
  CLIPBOARD_FORMAT,
  fragmentOf,
  fragmentText,
  instantiateFragment,
  noteFromText,
  offsetToCenter,
  readClipboard,
  type BoardFragment,
  type MakeId
} from './clipboard'
import { makeCard } from './edits'
import { boardSchema } from './schema'
import { serializeBoard } from './serialize'

function harbourAndPine(): Board {
  const board = emptyBoard()
  const dwh = { ...makeCard('freightTrain', { x: 120, y: 48 }, 'Data warehouse migration'), id: 'dwh' }
  const delay = { ...makeCard('seedling', { x: 480, y: 48 }, 'Delay prediction model'), id: 'delay' }
  const wall = { ...makeCard('wall', { x: 120, y: 300 }, 'The data warehouse migration owns the only two data engineers'), id: 'wall' }
  delay.fields = { ...delay.fields, stage: 'sapling', criteria: [{ text: 'Dispatchers use it daily', done: false }] }
  board.cards.push(dwh, delay, wall)
  board.relations.push(
    { id: 'r1', kind: 'dependsOn', from: 'delay', to: 'dwh', label: '' },
    { id: 'r2', kind: 'blocks', from: 'wall', to: 'delay', label: '' }
  )
  return board
}

/** Ids a test can predict: card-new-1, rel-new-2, … */
function counter(): MakeId {
  let n = 0
  return (prefix) => `${prefix}-new-${++n}`
}

function fragmentFrom(board: Board, ids: string[]): BoardFragment {
  const fragment = fragmentOf(board, new Set(ids))
  if (!fragment) throw new Error('nothing copied')
  return fragment
}

describe('copying a selection', () => {
  it('takes the selected cards and only the relations between two of them', () => {
    const fragment = fragmentFrom(harbourAndPine(), ['dwh', 'delay'])
    expect(fragment.format).toBe(CLIPBOARD_FORMAT)
    expect(fragment.cards.map((c) => c.title)).toEqual(['Data warehouse migration', 'Delay prediction model'])
    expect(fragment.relations.map((r) => r.id)).toEqual(['r1'])
  })

  it('copies nothing without a selected card', () => {
    expect(fragmentOf(harbourAndPine(), new Set())).toBeNull()
    expect(fragmentOf(harbourAndPine(), new Set(['r1']))).toBeNull()
  })

  it('is a copy: editing the board later does not change what was copied', () => {
    const board = harbourAndPine()
    const fragment = fragmentFrom(board, ['delay'])
    board.cards[1]!.title = 'Renamed'
    expect(fragment.cards[0]!.title).toBe('Delay prediction model')
  })
})

describe('reading the clipboard', () => {
  it('reads back exactly what was copied, every field included', () => {
    const fragment = fragmentFrom(harbourAndPine(), ['dwh', 'delay', 'wall'])
    expect(readClipboard(fragmentText(fragment))).toEqual({ kind: 'fragment', fragment })
  })

  it('turns any other text into note text', () => {
    expect(readClipboard('  Where have walls just appeared?\r\n')).toEqual({ kind: 'text', text: 'Where have walls just appeared?' })
    expect(readClipboard('{"type":"excalidraw"}')).toEqual({ kind: 'text', text: '{"type":"excalidraw"}' })
    expect(readClipboard('{ not json')).toEqual({ kind: 'text', text: '{ not json' })
    expect(readClipboard('   \n ')).toEqual({ kind: 'empty' })
  })

  it('cuts very long text to the longest title a board file allows', () => {
    const result = readClipboard('x'.repeat(20_000))
    expect(result.kind === 'text' && result.text.length).toBe(10_000)
  })

  it('refuses a fragment from a newer Orgboard, naming both versions', () => {
    const text = JSON.stringify({ format: CLIPBOARD_FORMAT, version: 3, cards: [], relations: [] })
    const result = readClipboard(text)
    expect(result.kind).toBe('invalid')
    expect(result.kind === 'invalid' && result.message).toMatch(/version 3.*up to version 1/)
  })

  it('says what is wrong with a damaged fragment instead of pasting half of it', () => {
    const fragment = fragmentFrom(harbourAndPine(), ['dwh', 'delay'])
    const badKind = { ...fragment, cards: [{ ...fragment.cards[0], kind: 'rocket' }, fragment.cards[1]] }
    expect(readClipboard(JSON.stringify(badKind))).toEqual({ kind: 'invalid', message: expect.stringMatching(/kind of card.*cards\[0\]\.kind/) })

    const dangling = { ...fragment, relations: [{ ...fragment.relations[0], to: 'elsewhere' }] }
    expect(readClipboard(JSON.stringify(dangling))).toEqual({ kind: 'invalid', message: expect.stringMatching(/"elsewhere".*relations\[0\]\.to/) })

    const badStage = structuredClone(fragment)
    badStage.cards[1]!.fields.stage = 'tree'
    expect(readClipboard(JSON.stringify(badStage))).toEqual({ kind: 'invalid', message: expect.stringMatching(/cards\[1\]\.fields\.stage/) })
  })

  it('refuses prototype keys', () => {
    const fragment = fragmentFrom(harbourAndPine(), ['dwh'])
    const text = fragmentText(fragment).replace('"fields":{', '"fields":{"__proto__":{"polluted":true},')
    const result = readClipboard(text)
    expect(result).toEqual({ kind: 'invalid', message: expect.stringMatching(/not allowed.*__proto__/) })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('pastes the cards of a whole board file copied as text', () => {
    const result = readClipboard(serializeBoard(harbourAndPine()))
    expect(result.kind === 'fragment' && result.fragment.cards.map((c) => c.id)).toEqual(['dwh', 'delay', 'wall'])
    expect(result.kind === 'fragment' && result.fragment.relations).toHaveLength(2)
  })
})

describe('placing a fragment', () => {
  it('a copied garden keeps its copied seedlings; a seedling copied alone leaves its garden behind', () => {
    const board = harbourAndPine()
    const garden = { ...makeCard('garden', { x: 480, y: 60 }, 'AI in operations'), id: 'garden', width: 600, height: 400 }
    board.cards.unshift(garden)
    board.cards.forEach((c) => c.id === 'delay' && (c.container = 'garden'))
    const ids = counter()
    const both = instantiateFragment(fragmentFrom(board, ['garden', 'delay']), { dx: 900, dy: 0 }, ids)
    const [newGarden, newSeedling] = both.cards
    expect(newSeedling?.container).toBe(newGarden?.id)

    const alone = instantiateFragment(fragmentFrom(board, ['delay']), { dx: 900, dy: 0 }, ids)
    expect(alone.cards[0]?.container).toBeUndefined()
    board.cards.push(...both.cards, ...alone.cards)
    expect(boardSchema.safeParse(board).success).toBe(true)
  })

  it('gives every card and relation a fresh id and re-points relations to the copies', () => {
    const board = harbourAndPine()
    const fragment = fragmentFrom(board, ['dwh', 'delay', 'wall'])
    const placed = instantiateFragment(fragment, { dx: 0, dy: 0 }, counter())
    expect(placed.cards.map((c) => c.id)).toEqual(['card-new-1', 'card-new-2', 'card-new-3'])
    expect(placed.relations).toEqual([
      { id: 'rel-new-4', kind: 'dependsOn', from: 'card-new-2', to: 'card-new-1', label: '' },
      { id: 'rel-new-5', kind: 'blocks', from: 'card-new-3', to: 'card-new-2', label: '' }
    ])
    // Pasted into the board it came from, the result is still a valid board.
    board.cards.push(...placed.cards)
    board.relations.push(...placed.relations)
    expect(boardSchema.safeParse(board).success).toBe(true)
  })

  it('keeps titles and fields but shares nothing with the fragment', () => {
    const fragment = fragmentFrom(harbourAndPine(), ['delay'])
    const [copy] = instantiateFragment(fragment, { dx: 24, dy: 24 }, counter()).cards
    expect(copy).toMatchObject({ title: 'Delay prediction model', fields: { stage: 'sapling' } })
    expect(copy!.x).toBe(fragment.cards[0]!.x + 24)
    ;(copy!.fields.criteria as { done: boolean }[])[0]!.done = true
    expect((fragment.cards[0]!.fields.criteria as { done: boolean }[])[0]!.done).toBe(false)
  })

  it('centres a paste on the point the facilitator is looking at', () => {
    const fragment = fragmentFrom(harbourAndPine(), ['dwh', 'delay'])
    const target = { x: 1000, y: -400 }
    const placed = instantiateFragment(fragment, offsetToCenter(fragment, target), counter())
    const left = Math.min(...placed.cards.map((c) => c.x))
    const right = Math.max(...placed.cards.map((c) => c.x + c.width))
    const top = Math.min(...placed.cards.map((c) => c.y))
    const bottom = Math.max(...placed.cards.map((c) => c.y + c.height))
    expect(Math.abs((left + right) / 2 - target.x)).toBeLessThanOrEqual(1)
    expect(Math.abs((top + bottom) / 2 - target.y)).toBeLessThanOrEqual(1)
  })

  it('makes a note from plain text', () => {
    const note = noteFromText('Which team context are we in?', { x: 0, y: 0 })
    expect(note).toMatchObject({ kind: 'note', title: 'Which team context are we in?', x: -100, y: -60 })
  })
})
