import { api } from '@vbe/web-kit'
import { useEffect, useState } from 'react'
import { useI18n } from './i18n'
import type { Localized, Programme } from './types'

/** A list fetched once per page load and shared by every component that asks for it; forgotten on logout. */
function sharedList<T>(path: string, key: string): { use: () => readonly T[] | null; reset: () => void } {
  let cache: Promise<readonly T[]> | null = null
  const use = (): readonly T[] | null => {
    const [items, setItems] = useState<readonly T[] | null>(null)
    useEffect(() => {
      let live = true
      cache ??= api<readonly T[] | Record<string, readonly T[]>>(path).then((r) =>
        Array.isArray(r) ? r : ((r as Record<string, readonly T[]>)[key] ?? []),
      )
      cache.then(
        (p) => live && setItems(p),
        () => {
          cache = null
        },
      )
      return () => {
        live = false
      }
    }, [])
    return items
  }
  return { use, reset: () => void (cache = null) }
}

const programmes = sharedList<Programme>('/api/programmes', 'programmes')
const districts = sharedList<{ readonly id: string; readonly name: Localized }>('/api/districts', 'districts')

/** The programmes in the user's scope (null while loading or on failure). */
export const useProgrammes = programmes.use

/** A district id as its name in the UI's language; the id itself while the names load or when it is unknown. */
export function useDistrictName(): (id: string) => string {
  const list = districts.use()
  const { lang } = useI18n()
  return (id) => list?.find((d) => d.id === id)?.name[lang] ?? id
}

/** A district's name, for places that show one name (render it only once logged in: the names need a session). */
export function DistrictName(props: { readonly id: string }): string {
  return useDistrictName()(props.id)
}

/** Forget the cached lists (after logging out: the next user may see others). */
export function resetLists(): void {
  programmes.reset()
  districts.reset()
}
