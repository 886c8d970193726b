import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { invokeChannels, type BoardApiMethods } from '../shared/api'
import { dispatch } from './ipcDispatch'

export interface IpcDeps {
  /** The handlers of the window a webContents belongs to; undefined if it is not one of ours. */
  handlersFor(contents: WebContents): BoardApiMethods | undefined
  /** Is this the app's own page (the built index.html, or the dev server)? */
  isAppUrl(url: string): boolean
}

export class RefusedSenderError extends Error {
  override name = 'RefusedSenderError'
}

/**
 * One ipcMain handler per contract channel. Each checks who is calling (the top
 * frame of one of our windows, showing our page) and validates the argument
 * (ipcDispatch.ts) before it calls that window's handlers.
 */
export function registerIpc(deps: IpcDeps): void {
  for (const method of contractMethods()) {
    ipcMain.handle(invokeChannels[method], (event, arg: unknown) => dispatch[method](authorize(event, deps), arg))
  }
}

function authorize(event: IpcMainInvokeEvent, deps: IpcDeps): BoardApiMethods {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null || !deps.isAppUrl(frame.url)) {
    throw new RefusedSenderError(`Refused a call from ${frame ? frame.url || 'a frame without a URL' : 'a frame that is gone'}`)
  }
  const handlers = deps.handlersFor(event.sender)
  if (!handlers) throw new RefusedSenderError('Refused a call from a window Orgboard did not create')
  return handlers
}

function contractMethods(): (keyof BoardApiMethods)[] {
  // invokeChannels has exactly one entry per method (it `satisfies Record<keyof BoardApiMethods, …>`).
  return Object.keys(invokeChannels) as (keyof BoardApiMethods)[]
}
