import { describe, expect, it, vi } from 'vitest'
import type { BoardApiMethods } from '../shared/api'
import { emptyBoard } from '../shared/board'
import { dispatch, InvalidArgumentError, MAX_NAME_LENGTH } from './ipcDispatch'

function fakeHandlers() {
  return {
    openBoard: vi.fn<BoardApiMethods['openBoard']>(async () => ({ status: 'cancelled' })),
    saveBoard: vi.fn<BoardApiMethods['saveBoard']>(async () => ({ status: 'cancelled' })),
    newBoard: vi.fn<BoardApiMethods['newBoard']>(async () => undefined),
    confirmDiscard: vi.fn<BoardApiMethods['confirmDiscard']>(async () => 'cancel'),
    setWindowState: vi.fn<BoardApiMethods['setWindowState']>(async () => undefined),
    closeWindow: vi.fn<BoardApiMethods['closeWindow']>(async () => undefined),
    exportText: vi.fn<BoardApiMethods['exportText']>(async () => ({ status: 'cancelled' })),
    importFile: vi.fn<BoardApiMethods['importFile']>(async () => ({ status: 'cancelled' }))
  } satisfies BoardApiMethods
}

describe('dispatch', () => {
  it('passes valid arguments through to the window handlers', async () => {
    const h = fakeHandlers()
    const board = emptyBoard()
    await dispatch.openBoard(h, undefined)
    await dispatch.saveBoard(h, { board, saveAs: true })
    await dispatch.newBoard(h, undefined)
    await dispatch.confirmDiscard(h, { name: 'Q3 planning' })
    await dispatch.setWindowState(h, { name: 'Q3 planning', edited: true })
    await dispatch.closeWindow(h, undefined)
    expect(h.openBoard).toHaveBeenCalledOnce()
    expect(h.saveBoard).toHaveBeenCalledWith({ board, saveAs: true })
    expect(h.newBoard).toHaveBeenCalledOnce()
    expect(h.confirmDiscard).toHaveBeenCalledWith({ name: 'Q3 planning' })
    expect(h.setWindowState).toHaveBeenCalledWith({ name: 'Q3 planning', edited: true })
    expect(h.closeWindow).toHaveBeenCalledOnce()
  })

  it('drops fields the contract does not have', async () => {
    const h = fakeHandlers()
    await dispatch.setWindowState(h, { name: 'A', edited: false, path: '/etc/passwd' })
    expect(h.setWindowState).toHaveBeenCalledWith({ name: 'A', edited: false })
  })

  it.each([
    ['openBoard', 'x'],
    ['newBoard', { path: '/tmp/a.orgboard' }],
    ['closeWindow', 1],
    ['saveBoard', undefined],
    ['saveBoard', { board: emptyBoard() }],
    ['saveBoard', { board: emptyBoard(), saveAs: 'yes' }],
    ['saveBoard', { board: null, saveAs: false }],
    ['saveBoard', { board: [], saveAs: false }],
    ['saveBoard', { board: 'text', saveAs: false }],
    ['confirmDiscard', 'Q3'],
    ['confirmDiscard', { name: 3 }],
    ['confirmDiscard', { name: 'x'.repeat(MAX_NAME_LENGTH) }],
    ['setWindowState', { name: 'A' }],
    ['setWindowState', { name: 'A', edited: 'true' }],
    ['setWindowState', { name: ['A'], edited: true }],
    ['exportText', { format: 'svg', text: 'flowchart LR', suggestedName: 'Q3' }],
    ['exportText', { format: 'mermaid', text: 42, suggestedName: 'Q3' }],
    ['exportText', { format: 'mermaid', text: 'flowchart LR' }],
    ['importFile', { format: 'orgboard' }],
    ['importFile', undefined]
  ] as const)('refuses %s(%j) without calling the handler', (method, arg) => {
    const h = fakeHandlers()
    expect(() => dispatch[method](h, arg)).toThrow(InvalidArgumentError)
    expect(h[method]).not.toHaveBeenCalled()
  })

  it('passes export and import requests through, without extra fields', async () => {
    const h = fakeHandlers()
    await dispatch.exportText(h, { format: 'mermaid', text: 'flowchart LR', suggestedName: 'Q3 planning', path: '/etc/passwd' })
    await dispatch.importFile(h, { format: 'csv', path: '/etc/passwd' })
    expect(h.exportText).toHaveBeenCalledWith({ format: 'mermaid', text: 'flowchart LR', suggestedName: 'Q3 planning' })
    expect(h.importFile).toHaveBeenCalledWith({ format: 'csv' })
  })

  it('accepts a name just under the limit', async () => {
    const h = fakeHandlers()
    await dispatch.confirmDiscard(h, { name: 'x'.repeat(MAX_NAME_LENGTH - 1) })
    expect(h.confirmDiscard).toHaveBeenCalledOnce()
  })
})
