import { useEffect, useState } from 'react'
import { isLang, type Lang } from './types.js'

/**
 * A tiny hash router: `#/`, `#/cases/<id>`, `#/import?…`. Hash routes work whatever the
 * server does with unknown paths. The language lives in the real query string
 * (`?lang=en`), so it survives reloads and shared links without storage.
 */
export interface Route {
  /** `/`, `/cases/abc`, … */
  readonly path: string
  readonly segments: readonly string[]
  readonly params: URLSearchParams
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/'
  const [pathPart = '/', query = ''] = raw.split('?', 2)
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`
  return { path, segments: path.split('/').filter(Boolean).map(safeDecode), params: new URLSearchParams(query) }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** `#/path?k=v`, with empty values left out. */
export function href(path: string, params?: Readonly<Record<string, string | number | undefined | null>>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const qs = q.toString()
  return `#${path}${qs ? `?${qs}` : ''}`
}

export function navigate(to: string): void {
  const target = to.startsWith('#') ? to : `#${to}`
  if (window.location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'))
  else window.location.hash = target
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash))
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash))
    window.addEventListener('hashchange', on)
    return () => window.removeEventListener('hashchange', on)
  }, [])
  return route
}

export function langFromUrl(): Lang {
  const l = new URLSearchParams(window.location.search).get('lang')
  return isLang(l) ? l : 'sv'
}

export function setLangInUrl(lang: Lang): void {
  const url = new URL(window.location.href)
  if (lang === 'sv') url.searchParams.delete('lang')
  else url.searchParams.set('lang', lang)
  window.history.replaceState(window.history.state, '', url)
}

/** The accessibility statement's route in both apps (`#/tillganglighet`), reachable without signing in. */
export const ACCESSIBILITY_PATH = '/tillganglighet'
