import { useEditorContext } from '../editorContext'
import { useEditor } from '../state/editorStore'
import { RecoveryDialog } from './RecoveryDialog'
import { VersionsDialog } from './VersionsDialog'

/** The one modal dialog the store asks for, if any. */
export function Dialogs(): React.JSX.Element | null {
  const { store } = useEditorContext()
  const dialog = useEditor(store, (s) => s.dialog)
  if (!dialog) return null
  return dialog.kind === 'recovery' ? <RecoveryDialog entries={dialog.entries} /> : <VersionsDialog entries={dialog.entries} />
}
