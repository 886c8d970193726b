import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { createBoardApi, eventChannels, invokeChannels, type Invoke, type Listen, type PathForFile } from '../shared/api'

/**
 * The whole preload: window.boardApi, built from the contract by the same
 * function the browser tests use. Only contract channels pass, and the
 * renderer never sees ipcRenderer or an IPC event object. A dropped file's
 * path comes from webUtils here, so the renderer hands over a File, never a path.
 */

const PREFIX = 'orgboard:'
const invokable = new Set<string>(Object.values(invokeChannels))
const listenable = new Set<string>(Object.values(eventChannels))

const invoke: Invoke = (channel, arg) => {
  if (!channel.startsWith(PREFIX) || !invokable.has(channel)) {
    return Promise.reject(new Error(`boardApi: "${channel}" is not a channel of the contract`))
  }
  return ipcRenderer.invoke(channel, arg)
}

const listen: Listen = (channel, listener) => {
  if (!channel.startsWith(PREFIX) || !listenable.has(channel)) {
    throw new Error(`boardApi: "${channel}" is not an event of the contract`)
  }
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const pathForFile: PathForFile = (file) => {
  try {
    return webUtils.getPathForFile(file as File)
  } catch {
    return '' // not a File object at all
  }
}

contextBridge.exposeInMainWorld('boardApi', createBoardApi(invoke, listen, pathForFile))
