import {
  contentLanguageFor,
  createTranslator,
  fill,
  directionOf,
  groupContacts,
  missingKeys,
  sourceLabel,
  telHref,
  type DistrictInfo,
  type Language,
  type Messages,
} from '@vbe/ui'
import { escapeHtml as esc } from './escape.js'

export interface SnippetOptions {
  /** Absolute (or page-relative) URL of vbe-info.js. */
  readonly scriptUrl: string
  /** `sha384-…` of vbe-info.js, for Subresource Integrity. */
  readonly integrity: string
  readonly district: DistrictInfo
  readonly lang: Language
  /** UI texts along the language's fallback chain, first match wins. */
  readonly messages: ReadonlyArray<readonly [Language, Messages]>
  /** Where quick exit goes; the widget's neutral default when absent. */
  readonly exitUrl?: string | undefined
}

/**
 * The plain HTML contact list that goes inside <vbe-info> (its light DOM). It is what
 * people see with JavaScript off or blocked, so it carries every contact in the same
 * order, with phone links and sources, and no script or style of its own.
 */
export function fallbackHtml(district: DistrictInfo, lang: Language, messages: SnippetOptions['messages']): string {
  const t = createTranslator(lang, messages)
  const cl = contentLanguageFor(lang)
  const foreign = cl === lang ? '' : ` lang="${cl}" dir="ltr"`
  const groups = groupContacts(district.contacts)
  const entry = groups.find((g) => g.kind === 'municipal-entry')?.contacts[0]
  const out: string[] = [`<div lang="${lang}" dir="${directionOf(lang)}">`, `<h2>${esc(t('title'))}</h2>`, `<p>${esc(t('intro'))}</p>`]
  for (const group of groups) {
    out.push(`<h3>${esc(t(`cat_${group.kind}`))}</h3>`)
    if (group.kind === 'municipal-entry' && district.notice)
      out.push(`<p><strong>${esc(t('notice'))}:</strong> <span${foreign}>${esc(district.notice[cl])}</span></p>`)
    if (group.contacts.length === 0) {
      const ask = entry ? ` ${esc(fill(t('missingAsk'), { name: entry.name[cl] }))}` : ''
      out.push(`<p>${esc(t('missing'))}${ask}</p>`)
      continue
    }
    out.push('<ul>')
    for (const c of group.contacts) {
      const parts = [`<strong${foreign}>${esc(c.name[cl])}</strong>`, `<span${foreign}>${esc(c.audience[cl])}</span>`]
      if (c.hours) parts.push(`<span${foreign}>${esc(c.hours.summary[cl])}</span>`)
      const reach: string[] = []
      if (c.phone) reach.push(`<a href="${esc(telHref(c.phone))}">${esc(t('call'))} <bdi dir="ltr">${esc(c.phone)}</bdi></a>`)
      if (c.url) reach.push(`<a href="${esc(c.url)}">${esc(t('website'))}</a>`)
      if (reach.length) parts.push(reach.join(' · '))
      parts.push(
        `<small>${esc(t('source'))}: <a href="${esc(c.source.url)}">${esc(sourceLabel(c.source.url))}</a>, ${esc(t('checked'))} ${esc(c.source.verifiedOn)}</small>`,
      )
      out.push(`<li>${parts.join('<br>')}</li>`)
    }
    out.push('</ul>')
  }
  out.push('</div>')
  return out.join('\n')
}

/**
 * The files the widget needs for its first screen, by path, exactly as it would load
 * them: the district's contacts and the language's texts, with the fallback languages it
 * loads when that language lacks texts (English, then Swedish).
 */
export function firstScreenFiles(district: DistrictInfo, messages: SnippetOptions['messages']): Record<string, unknown> {
  const files: Record<string, unknown> = { [`districts/${district.id}.json`]: district }
  for (const [lang, m] of messages) {
    files[`i18n/${lang}.json`] = m
    if (missingKeys(m).length === 0) break
  }
  return files
}

/**
 * First-screen data as a `<template>`: inert (never shown, never run, so no CSP rule
 * applies to it), read by the widget as JSON text. `<`, `>` and `&` are written as JSON
 * escapes, so the HTML parser sees plain text and no markup can be smuggled in.
 */
export const inlineData = (files: Readonly<Record<string, unknown>>): string =>
  `<template>${JSON.stringify(files).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}</template>`

/**
 * The whole embed code a web editor pastes: the script with its SRI hash, and the
 * element with its fallback and its first screen's data, so the widget shows without a
 * request.
 */
export function makeSnippet(o: SnippetOptions): string {
  const exit = o.exitUrl ? ` exit-url="${esc(o.exitUrl)}"` : ''
  return [
    `<script type="module" src="${esc(o.scriptUrl)}" integrity="${esc(o.integrity)}" crossorigin="anonymous" referrerpolicy="no-referrer"></script>`,
    `<vbe-info district="${esc(o.district.id)}" lang="${esc(o.lang)}"${exit}>`,
    fallbackHtml(o.district, o.lang, o.messages),
    inlineData(firstScreenFiles(o.district, o.messages)),
    '</vbe-info>',
  ].join('\n')
}
