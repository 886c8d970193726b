import type { BoardApiMethods, ExportData, ExportFormat, ImportFormat, TextExportFormat, WindowState } from '../shared/api'
import type { Board } from '../shared/board'
import { MAX_PATH_LENGTH } from './desktop/paths'

/**
 * From an IPC argument (untrusted: whatever the renderer sent) to a call on one
 * window's handlers. One entry per contract method, so a method added to
 * BoardApiMethods does not compile until it is dispatched here. Pure, so it is
 * unit tested; ipc.ts adds the sender checks and the Electron wiring.
 */

/** Longest board name accepted for titles and dialogs. */
export const MAX_NAME_LENGTH = 500

export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError'
}

export type Dispatch = {
  [K in keyof BoardApiMethods]: (handlers: BoardApiMethods, arg: unknown) => ReturnType<BoardApiMethods[K]>
}

export const dispatch: Dispatch = {
  openBoard: (handlers, arg) => {
    expectNoArgument('openBoard', arg)
    return handlers.openBoard()
  },
  saveBoard: (handlers, arg) => handlers.saveBoard(parseSaveArgs(arg)),
  newBoard: (handlers, arg) => {
    expectNoArgument('newBoard', arg)
    return handlers.newBoard()
  },
  confirmDiscard: (handlers, arg) => handlers.confirmDiscard({ name: parseName('confirmDiscard', arg) }),
  setWindowState: (handlers, arg) => handlers.setWindowState(parseWindowState(arg)),
  closeWindow: (handlers, arg) => {
    expectNoArgument('closeWindow', arg)
    return handlers.closeWindow()
  },
  openPath: (handlers, arg) => handlers.openPath({ path: parsePath('openPath', arg) }),
  openRecent: (handlers, arg) => handlers.openRecent({ path: parsePath('openRecent', arg) }),
  openDropped: (handlers, arg) => handlers.openDropped({ path: parsePath('openDropped', arg) }),
  listRecent: (handlers, arg) => {
    expectNoArgument('listRecent', arg)
    return handlers.listRecent()
  },
  removeRecent: (handlers, arg) => handlers.removeRecent({ path: parsePath('removeRecent', arg) }),
  clearRecent: (handlers, arg) => {
    expectNoArgument('clearRecent', arg)
    return handlers.clearRecent()
  },
  rendererReady: (handlers, arg) => {
    expectNoArgument('rendererReady', arg)
    return handlers.rendererReady()
  },
  newWindow: (handlers, arg) => {
    expectNoArgument('newWindow', arg)
    return handlers.newWindow()
  },
  listTemplates: (handlers, arg) => {
    expectNoArgument('listTemplates', arg)
    return handlers.listTemplates()
  },
  openTemplate: (handlers, arg) => handlers.openTemplate({ id: parseTemplateId(arg) }),
  exportImage: (handlers, arg) => handlers.exportImage(parseExportArgs(arg)),
  exportText: (handlers, arg) => handlers.exportText(parseTextExportArgs(arg)),
  importFile: (handlers, arg) => handlers.importFile(parseImportArgs(arg)),
  saveRecovery: (handlers, arg) => handlers.saveRecovery(parseRecoveryArgs(arg)),
  discardRecovery: (handlers, arg) => {
    expectNoArgument('discardRecovery', arg)
    return handlers.discardRecovery()
  },
  listRecovery: (handlers, arg) => {
    expectNoArgument('listRecovery', arg)
    return handlers.listRecovery()
  },
  restoreRecovery: (handlers, arg) => handlers.restoreRecovery({ id: parseId('restoreRecovery', arg, RECOVERY_ID) }),
  deleteRecovery: (handlers, arg) => handlers.deleteRecovery({ id: parseId('deleteRecovery', arg, RECOVERY_ID) }),
  listVersions: (handlers, arg) => {
    expectNoArgument('listVersions', arg)
    return handlers.listVersions()
  },
  readVersion: (handlers, arg) => handlers.readVersion({ id: parseId('readVersion', arg, VERSION_ID) })
}

/** The ids the stores hand out; anything else (a path, "../x") is refused here already. */
const RECOVERY_ID = /^[0-9a-f]{32}$/
const VERSION_ID = /^\d{13}-\d{1,6}-[0-9a-f]{8}$/

function parseId(method: string, arg: unknown, pattern: RegExp): string {
  if (!isRecord(arg) || typeof arg.id !== 'string' || !pattern.test(arg.id)) throw new InvalidArgumentError(`${method} expects { id } with an id it handed out`)
  return arg.id
}

function parseRecoveryArgs(arg: unknown): { board: Board; name: string; changedAt: number } {
  const name = parseName('saveRecovery', arg)
  const { board, changedAt } = arg as Record<string, unknown>
  if (!isRecord(board)) throw new InvalidArgumentError('saveRecovery: board must be an object')
  if (typeof changedAt !== 'number' || !Number.isFinite(changedAt) || changedAt < 0) {
    throw new InvalidArgumentError('saveRecovery: changedAt must be a time in ms')
  }
  // The board is validated against the schema by the handler before anything is written.
  return { board: board as unknown as Board, name, changedAt }
}

/** Largest export the renderer may hand over (a 16,384-pixel PNG is far below it). */
export const MAX_EXPORT_BYTES = 1024 * 1024 * 1024

/** SVG comes as text, PNG and PDF as an array of byte parts; nothing else crosses. */
function parseExportArgs(arg: unknown): { format: ExportFormat; data: ExportData; suggestedName: string } {
  if (!isRecord(arg)) throw new InvalidArgumentError('exportImage expects { format, data, suggestedName }')
  const { format, data } = arg
  if (format !== 'png' && format !== 'svg' && format !== 'pdf') throw new InvalidArgumentError('exportImage: format must be png, svg or pdf')
  let payload: ExportData
  if (format === 'svg') {
    if (typeof data !== 'string') throw new InvalidArgumentError('exportImage: an svg export must be a string')
    payload = data
  } else {
    if (!Array.isArray(data) || !data.every((part) => part instanceof Uint8Array)) {
      throw new InvalidArgumentError(`exportImage: a ${format} export must be an array of Uint8Array parts`)
    }
    payload = data as Uint8Array[]
  }
  const size = typeof payload === 'string' ? payload.length : payload.reduce((sum, part) => sum + part.byteLength, 0)
  if (size === 0 || size > MAX_EXPORT_BYTES) throw new InvalidArgumentError('exportImage: data is empty or too large')
  const suggestedName = parseName('exportImage', { name: arg.suggestedName })
  return { format, data: payload, suggestedName }
}

/** Longest export text accepted over IPC (a 2,000-card board's export is a few hundred KB). */
export const MAX_EXPORT_CHARS = 20 * 1024 * 1024

function parseTextExportArgs(arg: unknown): { format: TextExportFormat; text: string; suggestedName: string } {
  if (!isRecord(arg)) throw new InvalidArgumentError('exportText expects { format, text, suggestedName }')
  const { format, text } = arg
  if (format !== 'mermaid' && format !== 'jsonCanvas') throw new InvalidArgumentError('exportText: format must be "mermaid" or "jsonCanvas"')
  if (typeof text !== 'string' || text.length > MAX_EXPORT_CHARS) throw new InvalidArgumentError(`exportText: text must be a string of at most ${MAX_EXPORT_CHARS} characters`)
  return { format, text, suggestedName: parseName('exportText', { name: arg.suggestedName }) }
}

function parseImportArgs(arg: unknown): { format: ImportFormat } {
  if (!isRecord(arg) || (arg.format !== 'jsonCanvas' && arg.format !== 'csv')) throw new InvalidArgumentError('importFile expects { format: "jsonCanvas" | "csv" }')
  return { format: arg.format }
}

function expectNoArgument(method: string, arg: unknown): void {
  if (arg !== undefined && arg !== null) throw new InvalidArgumentError(`${method} takes no argument`)
}

/**
 * Only the envelope is checked here: the file service validates the whole board
 * against the schema (with field-by-field messages) before anything is written.
 */
function parseSaveArgs(arg: unknown): { board: Board; saveAs: boolean } {
  if (!isRecord(arg)) throw new InvalidArgumentError('saveBoard expects { board, saveAs }')
  const { board, saveAs } = arg
  if (typeof saveAs !== 'boolean') throw new InvalidArgumentError('saveBoard: saveAs must be a boolean')
  if (!isRecord(board)) throw new InvalidArgumentError('saveBoard: board must be an object')
  return { board: board as unknown as Board, saveAs }
}

function parseName(method: string, arg: unknown): string {
  if (!isRecord(arg)) throw new InvalidArgumentError(`${method} expects { name }`)
  const { name } = arg
  if (typeof name !== 'string') throw new InvalidArgumentError(`${method}: name must be a string`)
  if (name.length >= MAX_NAME_LENGTH) throw new InvalidArgumentError(`${method}: name must be under ${MAX_NAME_LENGTH} characters`)
  return name
}

/** Only the shape: each handler decides whether it may open the path (offered, recent, dropped). */
function parsePath(method: string, arg: unknown): string {
  if (!isRecord(arg)) throw new InvalidArgumentError(`${method} expects { path }`)
  const { path } = arg
  if (typeof path !== 'string' || path.length === 0) throw new InvalidArgumentError(`${method}: path must be a non-empty string`)
  if (path.length > MAX_PATH_LENGTH) throw new InvalidArgumentError(`${method}: path must be at most ${MAX_PATH_LENGTH} characters`)
  if (path.includes('\0')) throw new InvalidArgumentError(`${method}: path must not contain a NUL character`)
  return path
}

function parseWindowState(arg: unknown): WindowState {
  const name = parseName('setWindowState', arg)
  const edited = isRecord(arg) ? arg.edited : undefined
  if (typeof edited !== 'boolean') throw new InvalidArgumentError('setWindowState: edited must be a boolean')
  return { name, edited }
}

/** A template id names an entry of the shipped index, never a path. */
function parseTemplateId(arg: unknown): string {
  const id = isRecord(arg) ? arg.id : undefined
  if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length > 80) {
    throw new InvalidArgumentError('openTemplate expects { id } with a template id such as "dependency-path"')
  }
  return id
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
