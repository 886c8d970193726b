import { dirname, join } from 'node:path'
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron'
import type { ConflictAnswer, DiscardAnswer } from '../shared/api'
import { BOARD_EXTENSION } from '../shared/board'
import type { WindowHost } from './handlers'

const boardFilter: FileFilter = { name: 'Orgboard board', extensions: [BOARD_EXTENSION] }

/**
 * The WindowHost of one window, with Electron's dialogs (as sheets on macOS).
 * `closeForReal` is the window's own close, which gets past the close guard.
 */
export function createWindowHost(window: BrowserWindow, closeForReal: () => void): WindowHost {
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
        filters: [boardFilter]
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
      if (mac) {
        window.setTitle(`${name} — Orgboard`)
        window.setDocumentEdited(edited)
        window.setRepresentedFilename(path ?? '')
      } else {
        window.setTitle(`${edited ? '• ' : ''}${name} — Orgboard`)
      }
    },

    close() {
      closeForReal()
    }
  }
}
