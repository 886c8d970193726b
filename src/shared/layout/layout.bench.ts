import ELK from 'elkjs/lib/elk.bundled.js'
import { bench, describe } from 'vitest'
import type { Board } from '../board'
import { bigBoard } from '../analysis/testBoards'
import { layoutBoard } from './layout'

const elk = new ELK()
const framed = bigBoard(2000, 2500)
const flat: Board = { ...framed, cards: framed.cards.filter((c) => c.kind !== 'frame' && c.kind !== 'garden').map(({ container: _, ...c }) => c) }
const workshop = bigBoard(300, 360)

describe('layoutBoard', () => {
  bench('2,000 cards in 40 frames, 2,500 relations (quick columns)', async () => {
    await layoutBoard(framed, elk)
  })
  bench('2,000 cards on the open board, 2,500 relations (quick columns)', async () => {
    await layoutBoard(flat, elk)
  })
  bench('300 cards in 6 frames, 360 relations (ELK)', async () => {
    await layoutBoard(workshop, elk)
  }, { iterations: 3 })
})
