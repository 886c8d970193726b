import type { BoardApiMethods, ExportFormat, ImportFormat, WindowState } from '../shared/api'
import type { Board } from '../shared/board'

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
  exportText: (handlers, arg) => handlers.exportText(parseExportArgs(arg)),
  importFile: (handlers, arg) => handlers.importFile(parseImportArgs(arg))
}

/** Longest export text accepted over IPC (a 2,000-card board's export is a few hundred KB). */
export const MAX_EXPORT_CHARS = 20 * 1024 * 1024

function parseExportArgs(arg: unknown): { format: ExportFormat; text: string; suggestedName: string } {
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

function parseWindowState(arg: unknown): WindowState {
  const name = parseName('setWindowState', arg)
  const edited = isRecord(arg) ? arg.edited : undefined
  if (typeof edited !== 'boolean') throw new InvalidArgumentError('setWindowState: edited must be a boolean')
  return { name, edited }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
