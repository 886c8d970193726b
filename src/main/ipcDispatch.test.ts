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
    saveRecovery: vi.fn<BoardApiMethods['saveRecovery']>(async () => undefined),
    discardRecovery: vi.fn<BoardApiMethods['discardRecovery']>(async () => undefined),
    listRecovery: vi.fn<BoardApiMethods['listRecovery']>(async () => []),
    restoreRecovery: vi.fn<BoardApiMethods['restoreRecovery']>(async () => ({ status: 'failed', message: '' })),
    deleteRecovery: vi.fn<BoardApiMethods['deleteRecovery']>(async () => undefined),
    listVersions: vi.fn<BoardApiMethods['listVersions']>(async () => []),
    readVersion: vi.fn<BoardApiMethods['readVersion']>(async () => ({ status: 'failed', message: '' }))
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
    ['saveRecovery', { board: emptyBoard(), name: 'A' }],
    ['saveRecovery', { board: emptyBoard(), name: 'A', changedAt: Number.NaN }],
    ['saveRecovery', { board: 'text', name: 'A', changedAt: 1 }],
    ['discardRecovery', { id: '0'.repeat(32) }],
    ['listRecovery', true],
    ['restoreRecovery', { id: '../../.ssh/id_rsa' }],
    ['restoreRecovery', { id: 'A'.repeat(32) }],
    ['deleteRecovery', { id: '/etc/passwd' }],
    ['deleteRecovery', '0'.repeat(32)],
    ['listVersions', 'x'],
    ['readVersion', { id: '../1700000000000-3-abcdef01' }],
    ['readVersion', { id: 1700000000000 }]
  ] as const)('refuses %s(%j) without calling the handler', (method, arg) => {
    const h = fakeHandlers()
    expect(() => dispatch[method](h, arg)).toThrow(InvalidArgumentError)
    expect(h[method]).not.toHaveBeenCalled()
  })

  it('passes recovery and version calls with well-formed ids', async () => {
    const h = fakeHandlers()
    const id = '0123456789abcdef0123456789abcdef'
    await dispatch.saveRecovery(h, { board: emptyBoard(), name: 'Q3 planning', changedAt: 1_700_000_000_000, extra: 1 })
    await dispatch.restoreRecovery(h, { id })
    await dispatch.deleteRecovery(h, { id })
    await dispatch.readVersion(h, { id: '1700000000000-12-abcdef01' })
    await dispatch.discardRecovery(h, undefined)
    await dispatch.listRecovery(h, undefined)
    await dispatch.listVersions(h, undefined)
    expect(h.saveRecovery).toHaveBeenCalledWith({ board: emptyBoard(), name: 'Q3 planning', changedAt: 1_700_000_000_000 })
    expect(h.restoreRecovery).toHaveBeenCalledWith({ id })
    expect(h.deleteRecovery).toHaveBeenCalledWith({ id })
    expect(h.readVersion).toHaveBeenCalledWith({ id: '1700000000000-12-abcdef01' })
  })

  it('accepts a name just under the limit', async () => {
    const h = fakeHandlers()
    await dispatch.confirmDiscard(h, { name: 'x'.repeat(MAX_NAME_LENGTH - 1) })
    expect(h.confirmDiscard).toHaveBeenCalledOnce()
  })
})
