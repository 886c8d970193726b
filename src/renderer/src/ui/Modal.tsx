import { useEffect, useRef, type ReactNode } from 'react'

interface ModalProps {
  /** The dialog's accessible name. */
  label: string
  className: string
  onClose: () => void
  children: ReactNode
}

/**
 * A modal <dialog>: the browser traps focus in it, makes the board inert behind
 * it and closes it on Escape. Focus goes back where it was when it closes.
 */
export function Modal({ label, className, onClose, children }: ModalProps): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    const previous = document.activeElement
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true })
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={`modal ${className}`}
      aria-label={label}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onMouseDown={(e) => {
        // A press on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === ref.current) onClose()
      }}
    >
      {children}
    </dialog>
  )
}
