import { useEffect, useState } from 'react'
import { openDroppedFile, openOffered, type ActionContext } from './actions'

/**
 * Boards that arrive from outside the window: files main offers (command line,
 * double-click, second launch, the native Open Recent), and files dropped on it.
 */

/** Opens what main offers; tells main once it listens, so an offer made while the page loaded is not lost. */
export function useOpenRequests(ctx: ActionContext): void {
  useEffect(() => {
    const off = ctx.api.on('openFile', ({ path }) => void openOffered(ctx, path))
    void ctx.api.rendererReady()
    return off
  }, [ctx])
}

const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false

/**
 * A board file dropped anywhere on the window opens in it (after the unsaved
 * changes guard). True while files are dragged over the window, for the hint.
 * Palette drags carry no files and are left to the canvas.
 */
export function useFileDrop(ctx: ActionContext): boolean {
  const [over, setOver] = useState(false)
  useEffect(() => {
    const onDragOver = (e: DragEvent): void => {
      if (!carriesFiles(e)) return
      // Without this the drop would be refused (or, in Electron, navigate to the file).
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
      setOver(true)
    }
    const onDragLeave = (e: DragEvent): void => {
      // relatedTarget is null only when the drag leaves the window itself.
      if (e.relatedTarget === null) setOver(false)
    }
    const onDrop = (e: DragEvent): void => {
      setOver(false)
      if (!carriesFiles(e)) return
      e.preventDefault()
      const files = [...(e.dataTransfer?.files ?? [])]
      // One board per window: the first board file (or the first file, which then explains itself).
      const file = files.find((f) => /\.orgboard$/i.test(f.name)) ?? files[0]
      if (file) void openDroppedFile(ctx, file)
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('drop', onDrop)
    }
  }, [ctx])
  return over
}
