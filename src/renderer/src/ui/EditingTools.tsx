import type { ActionContext } from '../actions'
import { useClipboardEvents } from '../clipboardActions'
import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'
import { useApplyTheme } from '../theme'
import { CommandPalette } from './CommandPalette'
import { FindBar } from './FindBar'
import { ShortcutSheet } from './ShortcutSheet'

/** The app-wide parts of the editing tools: clipboard events and the theme on <html>. */
export function useEditingTools(ctx: ActionContext): void {
  useClipboardEvents(ctx)
  useApplyTheme(ctx.store)
}

/** The panels over the canvas: find bar, command palette, shortcut sheet (one at a time). */
export function EditingTools(): React.JSX.Element | null {
  const { store } = useEditorContext()
  const overlay = useEditor(store, (s) => s.overlay)
  if (overlay === 'find') return <FindBar />
  if (overlay === 'palette') return <CommandPalette />
  if (overlay === 'shortcuts') return <ShortcutSheet />
  return null
}
