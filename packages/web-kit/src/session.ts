import { useCallback, useEffect, useRef, useState } from 'react'
import { apiClient, type ApiClient } from './api.js'
import { useKitI18n } from './i18n.js'
import { useAnnounce } from './live.js'
import { markNavigation } from './page.js'
import type { Route } from './router.js'
import type { Session } from './types.js'

/**
 * Where `DELETE /api/session`'s answer sends the browser next: the identity provider's
 * sign-out (`200 { endSessionUrl }`, for a user who signed in with the city's account),
 * or null (`204`, or anything that is not an http(s) URL).
 */
export function endSessionUrlOf(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || !('endSessionUrl' in answer)) return null
  const url = answer.endSessionUrl
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url) ? url : null
}

export type SessionState = { kind: 'loading' } | { kind: 'anonymous'; expired: boolean } | { kind: 'in'; session: Session }

/**
 * The signed-in session both apps keep: asks `GET /api/session` once, holds the CSRF
 * token in the API client, drops to the login page (saying the session expired) when any
 * request answers 401, and signs out with `DELETE /api/session` (then, for a user who
 * signed in with the city's account, goes on to the identity provider's sign-out).
 */
export function useSession(options: { client?: ApiClient; onChange?: () => void } = {}): {
  state: SessionState
  signIn(session: Session): void
  signOut(): Promise<void>
} {
  const client = options.client ?? apiClient
  const { t } = useKitI18n()
  const announce = useAnnounce()
  const [state, setState] = useState<SessionState>({ kind: 'loading' })
  const onChange = useRef(options.onChange)
  onChange.current = options.onChange

  const signIn = useCallback(
    (session: Session) => {
      onChange.current?.()
      client.setCsrfToken(session.csrfToken)
      setState({ kind: 'in', session })
    },
    [client],
  )
  useEffect(() => {
    client.setUnauthenticatedHandler(() => {
      client.setCsrfToken(null)
      setState({ kind: 'anonymous', expired: true })
    })
    client
      .request<Session>('/api/session', { quiet401: true })
      .then(signIn)
      .catch(() => setState({ kind: 'anonymous', expired: false }))
    return () => client.setUnauthenticatedHandler(null)
  }, [client, signIn])

  const signOut = useCallback(async () => {
    const answer = await client.request<unknown>('/api/session', { method: 'DELETE' }).catch(() => undefined)
    client.setCsrfToken(null)
    // Signed in with the city's account: end the session at the identity provider too, which sends the browser back here.
    const providerSignOut = endSessionUrlOf(answer)
    if (providerSignOut) {
      window.location.assign(providerSignOut)
      return
    }
    onChange.current?.()
    setState({ kind: 'anonymous', expired: false })
    markNavigation()
    announce(t('loggedOut'))
    window.location.hash = '#/'
  }, [client, announce, t])

  return { state, signIn, signOut }
}

/** After a navigation (not on the first page: focus starts at the top), the new page's heading takes focus. */
export function useFocusOnNavigation(route: Route): void {
  const previousPath = useRef(route.path)
  useEffect(() => {
    if (previousPath.current !== route.path) markNavigation()
    previousPath.current = route.path
  }, [route.path])
}
