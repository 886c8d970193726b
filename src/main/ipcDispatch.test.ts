import { describe, expect, it, vi } from 'vitest'
import type { BoardApiMethods } from '../shared/api'
import { emptyBoard } from '../shared/board'
import { MAX_PATH_LENGTH } from './desktop/paths'
import { dispatch, InvalidArgumentError, MAX_NAME_LENGTH } from './ipcDispatch'

function fakeHandlers() {
  return {
    openBoard: vi.fn<BoardApiMethods['openBoard']>(async () => ({ status: 'cancelled' })),
    saveBoard: vi.fn<BoardApiMethods['saveBoard']>(async () => ({ status: 'cancelled' })),
    newBoard: vi.fn<BoardApiMethods['newBoard']>(async () => undefined),
    confirmDiscard: vi.fn<BoardApiMethods['confirmDiscard']>(async () => 'cancel'),
    setWindowState: vi.fn<BoardApiMethods['setWindowState']>(async () => undefined),
    closeWindow: vi.fn<BoardApiMethods['closeWindow']>(async () => undefined),
    openPath: vi.fn<BoardApiMethods['openPath']>(async () => ({ status: 'cancelled' })),
    openRecent: vi.fn<BoardApiMethods['openRecent']>(async () => ({ status: 'cancelled' })),
    openDropped: vi.fn<BoardApiMethods['openDropped']>(async () => ({ status: 'cancelled' })),
    listRecent: vi.fn<BoardApiMethods['listRecent']>(async () => []),
    removeRecent: vi.fn<BoardApiMethods['removeRecent']>(async () => []),
    clearRecent: vi.fn<BoardApiMethods['clearRecent']>(async () => []),
    rendererReady: vi.fn<BoardApiMethods['rendererReady']>(async () => undefined),
    newWindow: vi.fn<BoardApiMethods['newWindow']>(async () => undefined),
    listTemplates: vi.fn<BoardApiMethods['listTemplates']>(async () => ({ status: 'listed', templates: [], problems: [] })),
    openTemplate: vi.fn<BoardApiMethods['openTemplate']>(async () => ({ status: 'failed', message: 'none' })),
    exportImage: vi.fn<BoardApiMethods['exportImage']>(async () => ({ status: 'cancelled' })),
    exportText: vi.fn<BoardApiMethods['exportText']>(async () => ({ status: 'cancelled' })),
    importFile: vi.fn<BoardApiMethods['importFile']>(async () => ({ status: 'cancelled' })),
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
    await dispatch.listTemplates(h, undefined)
    await dispatch.openTemplate(h, { id: 'dependency-path', path: '/etc/passwd' })
    expect(h.listTemplates).toHaveBeenCalledOnce()
    expect(h.openTemplate).toHaveBeenCalledWith({ id: 'dependency-path' })
    const png = [Uint8Array.of(0x89, 0x50), Uint8Array.of(0x4e, 0x47)]
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
    ['openPath', '/boards/Harbour & Pine.orgboard'],
    ['openPath', { path: 42 }],
    ['openRecent', { path: '' }],
    ['openDropped', { path: `/boards/${'x'.repeat(MAX_PATH_LENGTH)}.orgboard` }],
    ['openDropped', { path: '/boards/map.orgboard\0.txt' }],
    ['removeRecent', undefined],
    ['listRecent', { path: '/boards/a.orgboard' }],
    ['clearRecent', 'all'],
    ['rendererReady', true],
    ['newWindow', { board: 'x' }],
    ['listTemplates', { id: 'blank' }],
    ['openTemplate', undefined],
    ['openTemplate', 'dependency-path'],
    ['openTemplate', { id: '../../etc/passwd' }],
    ['openTemplate', { id: '/tmp/board' }],
    ['openTemplate', { id: 'Team-Context' }],
    ['openTemplate', { id: 'x'.repeat(81) }],
    ['exportImage', undefined],
    ['exportImage', { format: 'gif', data: [new Uint8Array(4)], suggestedName: 'A' }],
    ['exportImage', { format: 'png', data: 'not bytes', suggestedName: 'A' }],
    ['exportImage', { format: 'png', data: new Uint8Array(4), suggestedName: 'A' }],
    ['exportImage', { format: 'svg', data: [new Uint8Array(4)], suggestedName: 'A' }],
    ['exportImage', { format: 'pdf', data: [new Uint8Array(0)], suggestedName: 'A' }],
    ['exportImage', { format: 'pdf', data: [], suggestedName: 'A' }],
    ['exportImage', { format: 'pdf', data: [new Uint8Array(4)], suggestedName: 7 }],
    ['exportImage', { format: 'png', data: [1, 2], suggestedName: 'A' }],
    ['exportImage', { format: 'png', data: [new Uint8Array(4), 'more'], suggestedName: 'A' }],
    ['exportImage', { format: 'mermaid', data: 'flowchart LR', suggestedName: 'A' }],
    ['exportText', { format: 'svg', text: 'flowchart LR', suggestedName: 'Q3' }],
    ['exportText', { format: 'mermaid', text: 42, suggestedName: 'Q3' }],
    ['exportText', { format: 'mermaid', text: 'flowchart LR' }],
    ['importFile', { format: 'orgboard' }],
    ['importFile', undefined],
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

  it('passes a path through to the handler that decides whether it may be opened', async () => {
    const h = fakeHandlers()
    const path = '/home/facilitator/Harbour & Pine.orgboard'
    await dispatch.openPath(h, { path, extra: true })
    await dispatch.openRecent(h, { path })
    await dispatch.openDropped(h, { path })
    await dispatch.removeRecent(h, { path })
    await dispatch.listRecent(h, undefined)
    await dispatch.clearRecent(h, null)
    await dispatch.rendererReady(h, undefined)
    await dispatch.newWindow(h, undefined)
    for (const method of ['openPath', 'openRecent', 'openDropped', 'removeRecent'] as const) expect(h[method]).toHaveBeenCalledWith({ path })
    for (const method of ['listRecent', 'clearRecent', 'rendererReady', 'newWindow'] as const) expect(h[method]).toHaveBeenCalledOnce()
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
