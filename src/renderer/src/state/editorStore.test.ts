import { describe, expect, it } from 'vitest'
import { EditorStore } from './editorStore'

describe('hover listeners of the editor store', () => {
  it('tell a card only when it starts or stops being hovered, not on every change', () => {
    const store = new EditorStore()
    const heard: string[] = []
    const stop = ['train', 'garden', 'wall'].map((id) => store.subscribeHover(id, () => heard.push(id)))
    store.set({ hoveredCard: 'train' })
    store.set({ preview: new Map([['train', { x: 10, y: 20, width: 300 }]]) }) // a resize: no hover changed
    store.set({ hoveredCard: 'train' }) // the same card again
    store.set({ hoveredCard: 'garden' })
    store.set({ hoveredCard: null })
    expect(heard).toEqual(['train', 'train', 'garden', 'garden'])
    for (const s of stop) s()
    store.set({ hoveredCard: 'wall' })
    expect(heard).toHaveLength(4) // unsubscribed
  })

  it('keeps a later listener when an earlier one unsubscribes twice', () => {
    const store = new EditorStore()
    const heard: string[] = []
    const first = store.subscribeHover('train', () => heard.push('first'))
    first()
    store.subscribeHover('train', () => heard.push('second'))
    first() // a second call of a spent unsubscribe
    store.set({ hoveredCard: 'train' })
    expect(heard).toEqual(['second'])
  })
})
