// .tsx, not .ts: the lint config applies the rules of hooks to .tsx files.
import { useEffect } from 'react'

/**
 * While the plan has changes that are not saved, leaving the page asks first: the browser's own question on
 * reload, close or an address typed in (beforeunload), and `question` (in the UI's language) on a link inside the app.
 */
export function useLeaveWarning(unsaved: boolean, question: string): void {
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
      if (!window.confirm(question)) {
        e.preventDefault()
        e.stopPropagation()
      }
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    document.addEventListener('click', onClick, true)
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('click', onClick, true)
    }
  }, [unsaved, question])
}
