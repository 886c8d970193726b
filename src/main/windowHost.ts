import { dirname, join } from 'node:path'
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron'
import { eventChannels, interopFormats, type BoardApiEvents, type ConflictAnswer, type DiscardAnswer, type ExportFormat, type TextExportFormat, type WindowState } from '../shared/api'
import { BOARD_EXTENSION } from '../shared/board'
import type { WindowHost } from './handlers'

const boardFilter: FileFilter = { name: 'Orgboard board', extensions: [BOARD_EXTENSION] }
/** Exported PNGs and SVGs carry their board, so Open accepts them too. */
const openFilter: FileFilter = { name: 'Orgboard board or exported image', extensions: [BOARD_EXTENSION, 'png', 'svg'] }
const exportFilters: Record<ExportFormat | TextExportFormat, FileFilter> = {
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  mermaid: { name: interopFormats.mermaid.name, extensions: [interopFormats.mermaid.extension] },
  jsonCanvas: { name: interopFormats.jsonCanvas.name, extensions: [interopFormats.jsonCanvas.extension] }
}

/** What the host needs from the window registry (window.ts). */
export interface HostGlue {
  /** The window's own close, which gets past the close guard. */
  closeForReal(): void
  /** Another window shows this board: bring it to the front and say so. */
  showElsewhere(path: string): boolean
  newWindow(): void
  /** The renderer reported its board's name and unsaved changes. */
  stateChanged(state: WindowState & { path: string | null }): void
}

/** The WindowHost of one window, with Electron's dialogs (as sheets on macOS). */
export function createWindowHost(window: BrowserWindow, glue: HostGlue): WindowHost {
  const mac = process.platform === 'darwin'
  /** Where the next dialog starts: the folder of the last board opened or saved in this window. */
  let folder: string | null = null
  const remember = (path: string | null): string | null => {
    if (path) folder = dirname(path)
    return path
  }

  return {
    async chooseOpenPath() {
      const result = await dialog.showOpenDialog(window, {
        title: 'Open Board',
        defaultPath: folder ?? app.getPath('documents'),
        properties: ['openFile'],
        filters: [openFilter, boardFilter]
      })
      return remember(result.canceled ? null : (result.filePaths[0] ?? null))
    },

    async chooseSavePath(suggestedName) {
      const result = await dialog.showSaveDialog(window, {
        title: 'Save Board',
        defaultPath: join(folder ?? app.getPath('documents'), `${suggestedName}.${BOARD_EXTENSION}`),
        filters: [boardFilter],
        properties: ['createDirectory', 'showOverwriteConfirmation']
      })
      return remember(result.canceled ? null : result.filePath || null)
    },

    async chooseExportPath(suggestedName, format) {
      const result = await dialog.showSaveDialog(window, {
        title: 'Export Board',
        defaultPath: join(folder ?? app.getPath('documents'), `${suggestedName}.${exportFilters[format].extensions[0] ?? format}`),
        filters: [exportFilters[format]],
        properties: ['createDirectory', 'showOverwriteConfirmation']
      })
      return result.canceled ? null : result.filePath || null
    },

    async confirmDiscard(name): Promise<DiscardAnswer> {
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
        message: `Do you want to save the changes you made to “${name}”?`,
        detail: "Your changes will be lost if you don't save them."
      })
      return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel'
    },

    async confirmConflict(name): Promise<ConflictAnswer> {
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        buttons: ['Overwrite', 'Save As…', 'Reload from Disk', 'Cancel'],
        defaultId: 1,
        cancelId: 3,
        noLink: true,
        message: `“${name}” was changed by another program since you opened it.`,
        detail:
          'Overwrite replaces those changes with yours. Save As keeps both. Reload shows the file as it is now; your unsaved changes are kept in File > Restore a Previous Version….'
      })
      const answers: ConflictAnswer[] = ['overwrite', 'saveAs', 'reload', 'cancel']
      return answers[response] ?? 'cancel'
    },

    setWindowState({ name, edited, path }) {
      if (window.isDestroyed()) return
      remember(path)
      glue.stateChanged({ name, edited, path })
      if (mac) {
        window.setTitle(`${name} — Orgboard`)
        window.setDocumentEdited(edited)
        window.setRepresentedFilename(path ?? '')
      } else {
        window.setTitle(`${edited ? '• ' : ''}${name} — Orgboard`)
      }
    },

    close() {
      glue.closeForReal()
    },

    send<E extends keyof BoardApiEvents>(event: E, payload: BoardApiEvents[E]) {
      if (!window.isDestroyed()) window.webContents.send(eventChannels[event], payload)
    },

    showElsewhere: (path) => glue.showElsewhere(path),
    newWindow: () => glue.newWindow(),

    async chooseImportPath(format) {
      const { name, extension } = interopFormats[format]
      const result = await dialog.showOpenDialog(window, {
        title: `Import ${name}`,
        defaultPath: folder ?? app.getPath('documents'),
        properties: ['openFile'],
        filters: [{ name, extensions: [extension] }]
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    }
  }
}
