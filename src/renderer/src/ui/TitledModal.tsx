import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * A modal dialog with a title, an intro line, a scrolling body and a footer of
 * buttons, on the native <dialog> element: the browser traps focus,
 * Escape closes it (onClose), the element marked `data-autofocus` starts
 * focused, and the app's shortcuts stay quiet while it is open (App.tsx
 * skips keys while any dialog is open).
 */
export function TitledModal({
  title,
  intro,
  onClose,
  children,
  footer,
  testId
}: {
  title: string
  intro?: ReactNode
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  testId?: string
}): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    // The safe choice starts focused (Restore, not Discard): Enter must never throw work away.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className="titled-modal"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId} className="titled-modal__title">
        {title}
      </h2>
      {intro && <p className="titled-modal__intro">{intro}</p>}
      <div className="titled-modal__content">{children}</div>
      {footer && <div className="titled-modal__footer">{footer}</div>}
    </dialog>
  )
}
