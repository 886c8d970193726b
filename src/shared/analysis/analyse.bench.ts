import { bench, describe } from 'vitest'
import { analyseBoard } from './analyse'
import { bigBoard } from './testBoards'

const board = bigBoard(2000, 2500)

describe('analyseBoard', () => {
  bench('2,000 cards, 2,500 relations', () => {
    analyseBoard(board)
  })
})
