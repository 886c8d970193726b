import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BoardApi } from '../../../shared/api'
import type { Board } from '../../../shared/board'
import { emptyBoard } from '../../../shared/board'
import { addCard, makeCard } from '../../../shared/edits'
import { revisionOf } from '../../../shared/history'
import { EditorStore } from './editorStore'
import { RecoveryWriter } from './recoveryWriter'

type Call = { method: 'save'; board: Board; name: string; changedAt: number; at: number } | { method: 'discard'; at: number }

/** Records what the writer asks of the main process, and when. */
function recordingApi(fail = { next: false }) {
  const calls: Call[] = []
  const api: Pick<BoardApi, 'saveRecovery' | 'discardRecovery'> = {
    saveRecovery: async ({ board, name, changedAt }) => {
      calls.push({ method: 'save', board, name, changedAt, at: Date.now() })
      if (fail.next) {
        fail.next = false
        throw new Error('disk full')
      }
    },
    discardRecovery: async () => {
      calls.push({ method: 'discard', at: Date.now() })
    }
  }
  return { api, calls, fail }
}

const T0 = 1_750_000_000_000

function addNote(store: EditorStore, title: string): void {
  store.change('Add note', (board) => addCard(board, makeCard('note', { x: 0, y: 0 }, title)))
}

let store: EditorStore
let stop: () => void

beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
  store = new EditorStore()
})

afterEach(() => {
  stop?.()
  vi.useRealTimers()
})

function start(fail?: { next: boolean }) {
  const recorder = recordingApi(fail)
  stop = new RecoveryWriter(store, recorder.api).start()
  return recorder
}

describe('RecoveryWriter', () => {
  it('writes nothing while the board is clean', () => {
    const { calls } = start()
    vi.advanceTimersByTime(10_000)
    expect(calls).toEqual([])
  })

  it('writes about a second after the last change, with the board, its name and the time of the change', () => {
    const { calls } = start()
    addNote(store, 'Where have walls just appeared?')
    vi.advanceTimersByTime(999)
    expect(calls).toEqual([])
    vi.advanceTimersByTime(1)
    expect(calls).toEqual([{ method: 'save', board: store.boardToSave(), name: 'Untitled', changedAt: T0, at: T0 + 1000 }])
  })

  it('debounces a burst of changes into one write, a second after the last', () => {
    const { calls } = start()
    addNote(store, 'Freight trains?')
    vi.advanceTimersByTime(500)
    addNote(store, 'Seedlings?')
    vi.advanceTimersByTime(400)
    addNote(store, 'Walls?')
    vi.advanceTimersByTime(1000)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: 'save', changedAt: T0 + 900, at: T0 + 1900 })
    expect(calls[0]?.method === 'save' && calls[0].board.cards).toHaveLength(3)
  })

  it('still writes at least every five seconds during a long run of changes', () => {
    const { calls } = start()
    for (let i = 0; i < 15; i++) {
      addNote(store, `Prompt ${i}`)
      vi.advanceTimersByTime(800)
    }
    const times = calls.map((c) => c.at - T0)
    expect(times).toEqual([5000, 10_600])
  })

  it('writes at once when the window loses focus, and not again for the same state', () => {
    const recorder = recordingApi()
    const writer = new RecoveryWriter(store, recorder.api)
    stop = writer.start()
    addNote(store, 'Which team context are we in?')
    vi.advanceTimersByTime(200)
    writer.flush()
    expect(recorder.calls.map((c) => c.at - T0)).toEqual([200])
    writer.flush()
    vi.advanceTimersByTime(5000)
    expect(recorder.calls).toHaveLength(1)
  })

  it('drops the copy when the board is clean again: undone to the saved state', () => {
    const { calls } = start()
    addNote(store, 'Draft')
    vi.advanceTimersByTime(1000)
    store.undo()
    vi.advanceTimersByTime(5000)
    expect(calls.map((c) => c.method)).toEqual(['save', 'discard'])
  })

  it('drops the copy when the board is saved, and writes again if it was edited during the save', () => {
    const { calls } = start()
    addNote(store, 'Draft')
    vi.advanceTimersByTime(1000)
    const revision = revisionOf(store.getState().history)
    addNote(store, 'Typed while saving')
    store.markSaved('Offsite', revision) // the save wrote the earlier revision
    vi.advanceTimersByTime(1000)
    expect(calls.map((c) => c.method)).toEqual(['save', 'save'])
    store.markSaved('Offsite', revisionOf(store.getState().history))
    expect(calls.map((c) => c.method)).toEqual(['save', 'save', 'discard'])
  })

  it('drops a restored copy when its changes are discarded for a new board', () => {
    const { calls } = start()
    store.loadUnsaved({ ...emptyBoard(), cards: [makeCard('wall', { x: 0, y: 0 }, 'Hiring freeze')] }, 'Offsite', true)
    vi.advanceTimersByTime(1000)
    store.load(emptyBoard(), 'Untitled', false)
    expect(calls.map((c) => c.method)).toEqual(['save', 'discard'])
  })

  it('writes the same state again after a write that failed', async () => {
    const recorder = recordingApi({ next: true })
    const writer = new RecoveryWriter(store, recorder.api)
    stop = writer.start()
    addNote(store, 'Draft')
    await vi.advanceTimersByTimeAsync(1000)
    writer.flush()
    expect(recorder.calls.map((c) => c.method)).toEqual(['save', 'save'])
    writer.flush()
    expect(recorder.calls).toHaveLength(2)
  })
})
