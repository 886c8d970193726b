import { describe, expect, it } from 'vitest'
import { CardDrag } from './cardDrag'
import { EditorStore } from './editorStore'
import { emptyBoard } from '../../../shared/board'

const at = (x: number, y: number) => ({ x, y })

describe('CardDrag', () => {
  it('tells a card only when the drag moves it or lets it go', () => {
    const drag = new CardDrag()
    const heard: string[] = []
    for (const id of ['train', 'garden', 'wall']) drag.subscribeCard(id, () => heard.push(id))
    const train = at(10, 20)
    drag.move(new Map([['train', train]]))
    drag.move(new Map([['train', train], ['garden', at(0, 0)]])) // the train has not moved
    drag.move(new Map([['garden', at(5, 5)]])) // the train is let go, the garden moved
    expect(heard).toEqual(['train', 'garden', 'garden', 'train'])
    expect(drag.position('garden')).toEqual(at(5, 5))
    expect(drag.position('train')).toBeUndefined()
    drag.end()
    expect(heard).toEqual(['train', 'garden', 'garden', 'train', 'garden'])
    expect(drag.positions.size).toBe(0)
  })

  it('tells every listener of each move, with a new map of places, and not of an end with no drag', () => {
    const drag = new CardDrag()
    const seen: ReadonlyMap<string, { x: number; y: number }>[] = []
    const stop = drag.subscribe(() => seen.push(drag.positions))
    drag.end()
    expect(seen).toHaveLength(0)
    drag.move(new Map([['train', at(1, 2)]]))
    drag.move(new Map([['train', at(3, 4)]]))
    expect(seen.map((m) => m.get('train'))).toEqual([at(1, 2), at(3, 4)])
    expect(seen[0]).not.toBe(seen[1])
    stop()
    drag.end()
    expect(seen).toHaveLength(2)
  })

  it('is over when the store loads another board', () => {
    const store = new EditorStore()
    store.drag.move(new Map([['train', at(1, 2)]]))
    store.load(emptyBoard(), 'Other', false)
    expect(store.drag.positions.size).toBe(0)
  })
})
