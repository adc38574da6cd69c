// .tsx, not .ts: the lint config applies the rules of hooks to .tsx files.
import { useEffect, useState, type ReactNode } from 'react'
import { ConfirmDialog } from '@vbe/web-kit'
import type { T } from '../../i18n'

/**
 * While the plan has changes that are not saved, leaving the page asks first. A link inside the app (#/…)
 * asks in the kit's confirmation dialog, in the UI's language, and goes on only when confirmed; reload,
 * close or an address typed in get the browser's own question (beforeunload), the only one a page may ask
 * then. Returns the dialog to render (nothing while no link is waiting).
 */
export function useLeaveWarning(unsaved: boolean, t: T): ReactNode {
  // The in-app address a click asked to go to, held until the user answers.
  const [pending, setPending] = useState<string | null>(null)
  useEffect(() => {
    if (!unsaved) return
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      // Older browsers ask only when returnValue is set.
      e.returnValue = ''
    }
    const onClick = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null
      if (!link || e.defaultPrevented) return
      const href = link.getAttribute('href') ?? ''
      // Links inside the app (#/…) only: downloads and exports open elsewhere and leave the page as it is.
      if (!href.startsWith('#/') || href === window.location.hash) return
      e.preventDefault()
      e.stopPropagation()
      setPending(href)
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    document.addEventListener('click', onClick, true)
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('click', onClick, true)
    }
  }, [unsaved])
  if (pending === null) return null
  return (
    <ConfirmDialog
      title={t('leaveTitle')}
      confirmLabel={t('leaveConfirm')}
      danger
      onConfirm={() => {
        setPending(null)
        window.location.hash = pending
      }}
      onCancel={() => setPending(null)}
    >
      <p>{t('leaveUnsaved')}</p>
    </ConfirmDialog>
  )
}
