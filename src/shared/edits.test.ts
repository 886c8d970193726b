import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import { emptyBoard, type Board, type Card } from './board'
import {
  addCard,
  connectCards,
  graduateSeedling,
  makeCard,
  moveCardsIntoPlace,
  positionsWithContents,
  removeItems,
  reverseRelation,
  setColor,
  setField,
  setFieldOnKind,
  settleAfterResize
} from './edits'
import { boardSchema } from './schema'

function place(card: Card, x: number, y: number, width = card.width, height = card.height): Card {
  return { ...card, x, y, width, height }
}

/** A garden with a seedling inside, and a freight train outside it. */
function gardenBoard(): { board: Board; garden: Card; seedling: Card; train: Card } {
  const garden = place(makeCard('garden', { x: 0, y: 0 }, 'Mid-market self-serve'), 0, 0, 600, 400)
  const seedling = place(makeCard('seedling', { x: 0, y: 0 }, 'Self-serve onboarding'), 100, 100)
  const train = place(makeCard('freightTrain', { x: 0, y: 0 }, 'Quarterly release train'), 900, 100)
  const board = produce(emptyBoard(), (b) => {
    addCard(b, garden)
    addCard(b, seedling)
    addCard(b, train)
  })
  return { board, garden, seedling, train }
}

describe('containers', () => {
  it('a card added inside a garden belongs to it', () => {
    const { board, garden, seedling, train } = gardenBoard()
    expect(board.cards.find((c) => c.id === seedling.id)?.container).toBe(garden.id)
    expect(board.cards.find((c) => c.id === train.id)?.container).toBeUndefined()
    expect(boardSchema.safeParse(board).success).toBe(true)
  })

  it('moving a garden carries its seedlings along', () => {
    const { board, garden, seedling, train } = gardenBoard()
    const moved = produce(board, (b) => moveCardsIntoPlace(b, new Map([[garden.id, { x: 50, y: 20 }]])))
    expect(moved.cards.find((c) => c.id === seedling.id)).toMatchObject({ x: 150, y: 120, container: garden.id })
    expect(moved.cards.find((c) => c.id === train.id)).toMatchObject({ x: 900, y: 100 })
  })

  it('the live preview moves the same cards as the final move', () => {
    const { board, garden, seedling } = gardenBoard()
    const preview = positionsWithContents(board, new Map([[garden.id, { x: -10, y: 5 }]]))
    expect(preview.get(seedling.id)).toEqual({ x: 90, y: 105 })
  })

  it('dragging a card out of a garden lets it go, and into one adopts it', () => {
    const { board, garden, seedling, train } = gardenBoard()
    const out = produce(board, (b) => moveCardsIntoPlace(b, new Map([[seedling.id, { x: 700, y: 500 }]])))
    expect(out.cards.find((c) => c.id === seedling.id)?.container).toBeUndefined()
    const inside = produce(out, (b) => moveCardsIntoPlace(b, new Map([[train.id, { x: 300, y: 200 }]])))
    expect(inside.cards.find((c) => c.id === train.id)?.container).toBe(garden.id)
  })

  it('a container never ends up inside itself or its contents', () => {
    const { board, garden } = gardenBoard()
    const frame = place(makeCard('frame', { x: 0, y: 0 }, 'Lower right'), 50, 50, 200, 150)
    const withFrame = produce(board, (b) => addCard(b, frame))
    expect(withFrame.cards.find((c) => c.id === frame.id)?.container).toBe(garden.id)
    const dragged = produce(withFrame, (b) => moveCardsIntoPlace(b, new Map([[garden.id, { x: 60, y: 60 }]])))
    expect(dragged.cards.find((c) => c.id === garden.id)?.container).toBeUndefined()
    expect(boardSchema.safeParse(dragged).success).toBe(true)
  })

  it('resizing a garden adopts cards now inside and releases those outside', () => {
    const { board, garden, seedling, train } = gardenBoard()
    const grown = produce(board, (b) => {
      const g = b.cards.find((c) => c.id === garden.id)!
      g.width = 1300
      settleAfterResize(b, garden.id)
    })
    expect(grown.cards.find((c) => c.id === train.id)?.container).toBe(garden.id)
    const shrunk = produce(board, (b) => {
      const g = b.cards.find((c) => c.id === garden.id)!
      g.width = 150
      g.height = 150
      settleAfterResize(b, garden.id)
    })
    expect(shrunk.cards.find((c) => c.id === seedling.id)?.container).toBeUndefined()
  })

  it('deleting a garden keeps its seedlings, on the open board', () => {
    const { board, garden, seedling } = gardenBoard()
    const after = produce(board, (b) => removeItems(b, new Set([garden.id]), new Set()))
    expect(after.cards.find((c) => c.id === seedling.id)?.container).toBeUndefined()
    expect(boardSchema.safeParse(after).success).toBe(true)
  })

  it('the schema refuses a container that is not a frame or garden, and circles', () => {
    const { board, seedling, train } = gardenBoard()
    const bad = produce(board, (b) => void (b.cards.find((c) => c.id === train.id)!.container = seedling.id))
    const result = boardSchema.safeParse(bad)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/not a frame or garden/)
  })
})

describe('graduating a seedling', () => {
  it('adds a freight train linked by "graduates into" and marks the seedling graduated, in one recipe', () => {
    const { board, seedling } = gardenBoard()
    const after = produce(board, (b) => void graduateSeedling(b, seedling.id, 'freightTrain'))
    const grown = after.cards.find((c) => c.kind === 'freightTrain' && c.title === 'Self-serve onboarding')
    expect(grown).toBeDefined()
    expect(after.relations).toContainEqual(expect.objectContaining({ kind: 'graduatesInto', from: seedling.id, to: grown?.id }))
    expect(after.cards.find((c) => c.id === seedling.id)?.fields).toMatchObject({ graduated: true, stage: 'ready' })
    expect(grown?.container).toBeUndefined()
    expect(boardSchema.safeParse(after).success).toBe(true)
  })

  it('only seedlings graduate', () => {
    const { board, train } = gardenBoard()
    expect(produce(board, (b) => void graduateSeedling(b, train.id, 'team'))).toBe(board)
  })
})

describe('field, colour and relation edits', () => {
  it('sets a field, and leaves the board as it was when nothing changes', () => {
    const { board, seedling } = gardenBoard()
    const after = produce(board, (b) => setField(b, seedling.id, 'needs', 'A designer two days a week'))
    expect(after.cards.find((c) => c.id === seedling.id)?.fields.needs).toBe('A designer two days a week')
    expect(produce(after, (b) => setField(b, seedling.id, 'needs', 'A designer two days a week'))).toBe(after)
  })

  it('bulk edits touch only cards of the kind', () => {
    const { board, seedling, train } = gardenBoard()
    const ids = new Set([seedling.id, train.id])
    const after = produce(board, (b) => setFieldOnKind(b, ids, 'seedling', 'stage', 'sapling'))
    expect(after.cards.find((c) => c.id === seedling.id)?.fields.stage).toBe('sapling')
    expect(after.cards.find((c) => c.id === train.id)?.fields.stage).toBeUndefined()
    const coloured = produce(after, (b) => setColor(b, ids, 'pink'))
    expect(coloured.cards.filter((c) => c.color === 'pink')).toHaveLength(2)
    const plain = produce(coloured, (b) => setColor(b, ids, undefined))
    expect(plain.cards.some((c) => 'color' in c)).toBe(false)
  })

  it('connecting picks the relation from the kinds; reversing swaps the ends', () => {
    const wall = makeCard('wall', { x: 0, y: 0 }, 'Hiring freeze for all non-revenue roles')
    const train = makeCard('freightTrain', { x: 500, y: 0 }, 'Warehouse Mobile App rewrite')
    const board = produce(emptyBoard(), (b) => {
      addCard(b, wall)
      addCard(b, train)
      connectCards(b, wall.id, train.id)
    })
    expect(board.relations[0]).toMatchObject({ kind: 'blocks', from: wall.id, to: train.id })
    const reversed = produce(board, (b) => reverseRelation(b, board.relations[0]!.id))
    expect(reversed.relations[0]).toMatchObject({ from: train.id, to: wall.id })
  })
})
