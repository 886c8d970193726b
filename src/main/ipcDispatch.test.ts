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
    exportImage: vi.fn<BoardApiMethods['exportImage']>(async () => ({ status: 'cancelled' }))
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
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47)
    await dispatch.exportImage(h, { format: 'png', data: png, suggestedName: 'Harbour & Pine' })
    await dispatch.exportImage(h, { format: 'svg', data: '<svg/>', suggestedName: 'Harbour & Pine' })
    expect(h.exportImage).toHaveBeenCalledWith({ format: 'png', data: png, suggestedName: 'Harbour & Pine' })
    expect(h.exportImage).toHaveBeenCalledWith({ format: 'svg', data: '<svg/>', suggestedName: 'Harbour & Pine' })
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
    ['exportImage', undefined],
    ['exportImage', { format: 'gif', data: new Uint8Array(4), suggestedName: 'A' }],
    ['exportImage', { format: 'png', data: 'not bytes', suggestedName: 'A' }],
    ['exportImage', { format: 'svg', data: new Uint8Array(4), suggestedName: 'A' }],
    ['exportImage', { format: 'pdf', data: new Uint8Array(0), suggestedName: 'A' }],
    ['exportImage', { format: 'pdf', data: new Uint8Array(4), suggestedName: 7 }],
    ['exportImage', { format: 'png', data: [1, 2], suggestedName: 'A' }]
  ] as const)('refuses %s(%j) without calling the handler', (method, arg) => {
    const h = fakeHandlers()
    expect(() => dispatch[method](h, arg)).toThrow(InvalidArgumentError)
    expect(h[method]).not.toHaveBeenCalled()
  })

  it('accepts a name just under the limit', async () => {
    const h = fakeHandlers()
    await dispatch.confirmDiscard(h, { name: 'x'.repeat(MAX_NAME_LENGTH - 1) })
    expect(h.confirmDiscard).toHaveBeenCalledOnce()
  })
})
