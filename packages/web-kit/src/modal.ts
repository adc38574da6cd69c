import { useEffect, useEffectEvent, useRef, type RefObject } from 'react'

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'

/**
 * A modal `<dialog>` (opened with `showModal`, so the page behind is inert): focus on the
 * first element matching `initialFocus`, Tab kept inside, Escape calls `onClose`, and focus
 * back to the control that opened it when the dialog goes. Attach the ref to the `<dialog>`.
 */
export function useModalDialog(onClose: () => void, initialFocus: string = FOCUSABLE): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null)
  const close = useEffectEvent(() => onClose())
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>(initialFocus)?.focus()
    const onCancel = (ev: Event) => {
      ev.preventDefault()
      close()
    }
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== 'Tab') return
      const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0,
      )
      const first = focusable[0]
      const last = focusable[focusable.length - 1]
      if (!first || !last) return
      if (!ev.shiftKey && document.activeElement === last) {
        ev.preventDefault()
        first.focus()
      } else if (ev.shiftKey && document.activeElement === first) {
        ev.preventDefault()
        last.focus()
      }
    }
    dialog.addEventListener('cancel', onCancel)
    dialog.addEventListener('keydown', onKey)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      dialog.removeEventListener('keydown', onKey)
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [initialFocus])
  return ref
}
