/**
 * Where the widget's data comes from, and how it is checked before anything is shown:
 *
 * - a district file (signed, `data-file.ts`): from the element's own inline data when
 *   its snippet carries one, and always from beside vbe-info.js, fetched fresh; each is
 *   verified against the public key built into this script, and the newest that
 *   verifies wins;
 * - a language file: from the inline data or fetched, checked against the SHA-256 hash
 *   built into this script (inline: WebCrypto digest; fetched: Subresource Integrity).
 *
 * No cookies, no storage, no referrer.
 */
import { createTranslator, fallbackChain, type Language, type Messages, type Translator } from '@vbe/ui'
import { importKey, verifyDistrictFile, type SignedDistrict } from '../data-file.js'

const base = new URL('.', import.meta.url)
// import the public key while the page goes on parsing, so verifying is one round trip to WebCrypto, not two
if (globalThis.crypto?.subtle) importKey(__VBE_KEY__).catch(() => {})
const init: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer' }
/** Language files fetched so far, by path; shared by every <vbe-info> on the page. */
const cache = new Map<string, Promise<Messages>>()
/** District files fetched so far (once per page load), by id. */
const districtFetches = new Map<string, Promise<string>>()

/**
 * The file texts an element's snippet carries inline, by path (`districts/<id>.json`,
 * `i18n/<lang>.json`): JSON text in the element's own `<template>`. Only that element
 * uses them, and they are checked exactly like fetched files.
 */
export type Inline = Readonly<Record<string, unknown>>
export const readInline = (el: Element): Inline => {
  try {
    return JSON.parse(el.querySelector<HTMLTemplateElement>(':scope>template')!.content.textContent!) || {}
  } catch {
    return {} // no inline data (or unreadable): everything is fetched
  }
}

const b64 = (buf: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buf)))

async function loadMessages(path: string, inline: Inline): Promise<Messages> {
  const integrity = __VBE_FILES__[path]
  if (integrity === undefined) throw new Error(path)
  const text = inline[path]
  if (typeof text === 'string') {
    const digest = `sha256-${b64(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))}`
    if (digest === integrity) return JSON.parse(text) as Messages
  }
  let p = cache.get(path)
  if (!p) {
    p = fetch(new URL(path, base), { ...init, integrity }).then((r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status}`)
      return r.json() as Promise<Messages>
    })
    p.catch(() => cache.delete(path))
    cache.set(path, p)
  }
  return p
}

/**
 * Loads the language's texts; the fallback languages (English, then Swedish) only when
 * the build found texts missing in it, or when its file cannot be loaded.
 */
export async function loadTranslator(lang: Language, inline: Inline): Promise<Translator> {
  const chain: Array<readonly [Language, Messages]> = []
  for (const l of fallbackChain(lang)) {
    try {
      chain.push([l, await loadMessages(`i18n/${l}.json`, inline)])
      if (!__VBE_INCOMPLETE__.includes(l)) break
    } catch {
      // this language's file failed to load or to verify: the next language in the chain stands in
    }
  }
  return createTranslator(lang, chain)
}

/** The district's data from the element's inline copy, if it carries one that verifies. */
export async function inlineDistrict(id: string, inline: Inline): Promise<SignedDistrict | undefined> {
  const text = inline[`districts/${id}.json`]
  return typeof text === 'string' ? verifyDistrictFile(text, __VBE_KEY__, id) : undefined
}

/** The district's current data from beside vbe-info.js (revalidated with the server), if it verifies. */
export async function fetchedDistrict(id: string): Promise<SignedDistrict | undefined> {
  let p = districtFetches.get(id)
  if (!p) {
    p = fetch(new URL(`districts/${id}.json`, base), { ...init, cache: 'no-cache' }).then((r) => {
      if (!r.ok) throw new Error(`districts/${id}.json: ${r.status}`)
      return r.text()
    })
    p.catch(() => districtFetches.delete(id))
    districtFetches.set(id, p)
  }
  const signed = await verifyDistrictFile(await p, __VBE_KEY__, id)
  if (!signed) throw new Error(`districts/${id}.json: signature check failed; not shown`)
  return signed
}
