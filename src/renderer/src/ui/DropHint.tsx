import { FileInput } from 'lucide-react'

/** While a file is dragged over the window: where it goes. */
export function DropHint(): React.JSX.Element {
  return (
    <div className="drop-hint" data-testid="drop-hint" aria-hidden>
      <FileInput size={28} aria-hidden />
      <span>Drop a board file to open it in this window</span>
    </div>
  )
}
