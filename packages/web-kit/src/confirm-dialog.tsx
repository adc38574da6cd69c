import { useId, type ReactNode } from 'react'
import { useKitI18n } from './i18n.js'
import { useModalDialog } from './modal.js'
import type { Problem } from './types.js'

/**
 * A modal confirmation (`<dialog>` with `showModal`, so the page behind is inert): a
 * question as its heading, what will happen, and two buttons. Focus starts on Cancel
 * (the safe choice), Tab stays inside, Escape cancels, and focus goes back to the
 * control that opened it. A failure is shown inside, announced.
 */
export function ConfirmDialog(props: {
  title: string
  children: ReactNode
  confirmLabel: string
  /** A destructive action gets the danger button. */
  danger?: boolean
  busy?: boolean
  problem?: Problem | null
  onConfirm: () => void
  onCancel: () => void
}): ReactNode {
  const { t } = useKitI18n()
  const ref = useModalDialog(props.onCancel, '[data-confirm-cancel]')
  const id = useId()
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <div id={`${id}-body`}>{props.children}</div>
      {props.problem && (
        <div className="notice notice--error" role="alert">
          <p>{props.problem.detail}</p>
        </div>
      )}
      <div className="dialog__buttons">
        <button
          type="button"
          className={props.danger ? 'button button--danger' : 'button button--primary'}
          aria-disabled={props.busy || undefined}
          onClick={() => {
            if (!props.busy) props.onConfirm()
          }}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button button--secondary" data-confirm-cancel onClick={() => props.onCancel()}>
          {t('confirmCancel')}
        </button>
      </div>
    </dialog>
  )
}
