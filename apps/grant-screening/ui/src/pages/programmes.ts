import { useEffect, useState } from 'react'
import { api } from '../api'
import type { Programme } from '../types'

let cache: Promise<readonly Programme[]> | null = null

/** The programmes in the user's scope, fetched once per page load (null while loading or on failure). */
export function useProgrammes(): readonly Programme[] | null {
  const [programmes, setProgrammes] = useState<readonly Programme[] | null>(null)
  useEffect(() => {
    let live = true
    cache ??= api<readonly Programme[] | { programmes: readonly Programme[] }>('/api/programmes').then((r) => (Array.isArray(r) ? r : (r as { programmes: readonly Programme[] }).programmes ?? []))
    cache.then(
      (p) => live && setProgrammes(p),
      () => {
        cache = null
      },
    )
    return () => {
      live = false
    }
  }, [])
  return programmes
}

/** Forget the cached programmes (after logging out: the next user may see others). */
export function resetProgrammes(): void {
  cache = null
}
