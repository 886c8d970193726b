import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import { boardOf, card } from './analysis/testBoards'
import { setPinned } from './edits'
import { parseBoardText } from './load'
import { serializeBoard } from './serialize'

describe('pinned cards', () => {
  it('pin and unpin; an unpinned card has no "pinned" key at all', () => {
    const board = boardOf([card('ft-dwh', 'freightTrain', 'Data warehouse migration')])
    const pinned = produce(board, (b) => setPinned(b, new Set(['ft-dwh']), true))
    expect(pinned.cards[0]?.pinned).toBe(true)
    const unpinned = produce(pinned, (b) => setPinned(b, new Set(['ft-dwh']), false))
    expect(unpinned.cards[0]).not.toHaveProperty('pinned')
  })

  it('survive a save and an open', () => {
    const board = boardOf([card('ft-dwh', 'freightTrain', 'Data warehouse migration', { pinned: true })])
    const loaded = parseBoardText(serializeBoard(board))
    expect(loaded.ok && loaded.board.cards[0]?.pinned).toBe(true)
  })

  it('unpin, with a warning, a card whose "pinned" is not true or false', () => {
    const text = serializeBoard(boardOf([card('ft-dwh', 'freightTrain', 'Data warehouse migration')])).replace('"id": "ft-dwh",', '"id": "ft-dwh",\n"pinned": "yes",')
    const loaded = parseBoardText(text)
    expect(loaded.ok && loaded.board.cards[0]).not.toHaveProperty('pinned')
    expect(loaded.ok && loaded.warnings).toEqual([expect.stringContaining('Unpinned 1 card')])
  })
})
