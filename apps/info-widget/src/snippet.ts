import {
  contactTexts,
  createTranslator,
  fill,
  directionOf,
  groupContacts,
  missingKeys,
  noticeText,
  splitNumbers,
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
  /** The district's contacts, for the plain fallback list. */
  readonly district: DistrictInfo
  /** The district's signed file as published (`widget/districts/<id>.json`), carried inline; none for a minimal snippet. */
  readonly districtFile?: string | undefined
  readonly lang: Language
  /** UI texts along the language's fallback chain, first match wins. */
  readonly messages: ReadonlyArray<readonly [Language, Messages]>
  /** Where quick exit goes; the widget's neutral default when absent. */
  readonly exitUrl?: string | undefined
  /** The host page's own heading instead of the default question. */
  readonly heading?: string | undefined
}

/** Contact data as HTML text, its numbers isolated left to right in right-to-left text (as the widget shows them). */
const dataHtml = (text: string, lang: Language): string =>
  splitNumbers(text, lang)
    .map((p, i) => (i % 2 ? `<bdi dir="ltr">${esc(p)}</bdi>` : esc(p)))
    .join('')

/**
 * The plain HTML contact list that goes inside <vbe-info> (its light DOM). It is what
 * people see with JavaScript off or blocked, so it carries every contact in the same
 * order, with phone links and sources, and no script or style of its own.
 */
export function fallbackHtml(district: DistrictInfo, lang: Language, messages: SnippetOptions['messages'], heading?: string): string {
  const t = createTranslator(lang, messages)
  const attrs = (l: Language) => (l === lang ? '' : ` lang="${l}" dir="${directionOf(l)}"`)
  const groups = groupContacts(district.contacts)
  const entry = groups.find((g) => g.kind === 'municipal-entry')?.contacts[0]
  const notice = noticeText(district, lang)
  const out: string[] = [
    `<div lang="${lang}" dir="${directionOf(lang)}">`,
    `<h2>${esc(heading ?? t('title'))}</h2>`,
    `<p>${esc(t('intro'))}</p>`,
  ]
  for (const group of groups) {
    out.push(`<h3>${esc(t(`cat_${group.kind}`))}</h3>`)
    if (group.kind === 'municipal-entry' && notice)
      out.push(`<p><strong>${esc(t('notice'))}:</strong> <span${attrs(notice.lang)}>${dataHtml(notice.text, notice.lang)}</span></p>`)
    if (group.contacts.length === 0) {
      const ask = entry ? ` ${esc(fill(t('missingAsk'), { name: contactTexts(district, entry, lang).name }))}` : ''
      out.push(`<p>${esc(t('missing'))}${ask}</p>`)
      continue
    }
    out.push('<ul>')
    for (const c of group.contacts) {
      const text = contactTexts(district, c, lang)
      const foreign = attrs(text.lang)
      const parts = [
        `<strong${foreign}>${dataHtml(text.name, text.lang)}</strong>`,
        `<span${foreign}>${dataHtml(text.audience, text.lang)}</span>`,
      ]
      if (text.hours) parts.push(`<span${foreign}>${dataHtml(text.hours, text.lang)}</span>`)
      const reach: string[] = []
      if (c.phone) reach.push(`<a href="${esc(telHref(c.phone))}">${esc(t('call'))} <bdi dir="ltr">${esc(c.phone)}</bdi></a>`)
      if (c.url) reach.push(`<a href="${esc(c.url)}">${esc(t('website'))}</a>`)
      if (reach.length) parts.push(reach.join(' · '))
      parts.push(
        `<small>${esc(t('source'))}: <a href="${esc(c.source.url)}">${esc(sourceLabel(c.source.url))}</a>, ${esc(t('checked'))} <bdi dir="ltr">${esc(c.source.verifiedOn)}</bdi></small>`,
      )
      out.push(`<li>${parts.join('<br>')}</li>`)
    }
    out.push('</ul>')
  }
  out.push('</div>')
  return out.join('\n')
}

/**
 * The files the widget needs for its first screen, by path, as the exact text it would
 * fetch: the district's signed file and the language's texts, with the fallback languages
 * it loads when that language lacks texts (English, then Swedish). The widget checks them
 * as it checks fetched files: the district file's signature, the texts' built-in hashes.
 */
export function firstScreenFiles(districtId: string, districtFile: string, messages: SnippetOptions['messages']): Record<string, string> {
  const files: Record<string, string> = { [`districts/${districtId}.json`]: districtFile }
  for (const [lang, m] of messages) {
    files[`i18n/${lang}.json`] = JSON.stringify(m)
    if (missingKeys(m).length === 0) break
  }
  return files
}

/**
 * First-screen data as a `<template>`: inert (never shown, never run, so no CSP rule
 * applies to it), read by the widget as JSON text. `<`, `>` and `&` are written as JSON
 * escapes, so the HTML parser sees plain text and no markup can be smuggled in.
 */
export const inlineData = (files: Readonly<Record<string, string>>): string =>
  `<template>${JSON.stringify(files).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}</template>`

/**
 * The whole embed code a web editor pastes: the script with its SRI hash, and the
 * element with its fallback list and, when given, its first screen's signed data, so the
 * widget shows without waiting for a request.
 */
export function makeSnippet(o: SnippetOptions): string {
  const exit = o.exitUrl ? ` exit-url="${esc(o.exitUrl)}"` : ''
  const heading = o.heading ? ` heading="${esc(o.heading)}"` : ''
  return [
    `<script type="module" src="${esc(o.scriptUrl)}" integrity="${esc(o.integrity)}" crossorigin="anonymous" referrerpolicy="no-referrer"></script>`,
    `<vbe-info district="${esc(o.district.id)}" lang="${esc(o.lang)}"${exit}${heading}>`,
    fallbackHtml(o.district, o.lang, o.messages, o.heading),
    ...(o.districtFile ? [inlineData(firstScreenFiles(o.district.id, o.districtFile, o.messages))] : []),
    '</vbe-info>',
  ].join('\n')
}
