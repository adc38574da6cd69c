import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'

/**
 * One polite live region for the whole app: `announce(text)` tells screen-reader users
 * what happened after an action (saved, imported, n rows shown). Errors use
 * role="alert" next to the form instead.
 */
interface Announcer {
  announce(text: string): void
}
const AnnouncerContext = createContext<Announcer>({ announce: () => undefined })

export function AnnouncerProvider(props: { children: ReactNode }): ReactNode {
  const [message, setMessage] = useState('')
  const timer = useRef<number | undefined>(undefined)
  const announce = useCallback((text: string) => {
    // Clear first so the same text twice is announced twice.
    setMessage('')
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => setMessage(text), 50)
  }, [])
  const value = useMemo(() => ({ announce }), [announce])
  return (
    <AnnouncerContext.Provider value={value}>
      {props.children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
    </AnnouncerContext.Provider>
  )
}

export const useAnnounce = (): ((text: string) => void) => useContext(AnnouncerContext).announce
