import { formatSource, type Explanation, type ExplanationItem } from '@vbe/core/grants'
import type { DocumentField } from '@vbe/server-kit/documents'
import { installedPlugins } from '../plugins.js'
import type { LetterInput, LetterLocale } from './input.js'
import { formatDay, formatKronor, formatMoment, TEXTS, type Texts } from './texts.js'

/*
 * The letter model: everything the letter says, in its language, as strings and lists.
 * The HTML and the PDF are both rendered from it, so they carry the same content.
 */

/** One item of the screening: a finding with its reason and sources, a piece of advice, or a source. */
export interface ScreeningItem {
  readonly text: string
  /** Findings only: shown in bold, with the reason and the sources under it. */
  readonly finding?: { readonly reason: string; readonly sourcesHeading: string; readonly sources: readonly string[] }
}

export interface ScreeningSection {
  readonly heading: string
  readonly paragraphs: readonly string[]
  readonly ordered: boolean
  readonly items: readonly ScreeningItem[]
}

/** The screening explanation in the letter's language. */
export interface ScreeningModel {
  readonly title: string
  readonly paragraphs: readonly string[]
  readonly sections: readonly ScreeningSection[]
  readonly closing: string
}

export interface LetterModel {
  readonly t: Texts
  readonly documentTitle: string
  readonly city: string
  readonly district: string
  readonly title: string
  readonly caseId: string
  readonly programmeId: string
  readonly meta: readonly DocumentField[]
  readonly recipient: readonly DocumentField[]
  readonly decisionKind: string
  readonly decisionSentence: string
  readonly amounts: readonly DocumentField[]
  /** The officer's reasons, one entry per paragraph (lines within a paragraph kept). */
  readonly reasons: readonly string[]
  readonly signatures: readonly DocumentField[]
  readonly fourEyes: boolean
  readonly screening: ScreeningModel
}

function districtName(id: string, locale: LetterLocale): string {
  return installedPlugins.plugins.find((p) => p.id === id)?.name[locale] ?? id
}

function screeningItem(item: ExplanationItem, locale: LetterLocale): ScreeningItem {
  switch (item.kind) {
    case 'finding':
      return {
        text: item.heading[locale],
        finding: {
          reason: item.reason[locale],
          sourcesHeading: item.sourcesHeading[locale],
          sources: item.sources.map((s) => formatSource(s, locale)),
        },
      }
    case 'advice':
    case 'source':
      return { text: item.text[locale] }
  }
}

/** The screening explanation in one language. */
export function screeningModel(explanation: Explanation, locale: LetterLocale): ScreeningModel {
  return {
    title: explanation.title[locale],
    paragraphs: [explanation.summary[locale], ...explanation.notices.map((n) => n[locale])],
    sections: explanation.sections.map((s) => ({
      heading: s.heading[locale],
      paragraphs: s.paragraphs.map((p) => p[locale]),
      ordered: s.ordered,
      items: s.items.map((item) => screeningItem(item, locale)),
    })),
    closing: explanation.closing[locale],
  }
}

export function letterModel(input: LetterInput): LetterModel {
  const t = TEXTS[input.locale]
  const requested = formatKronor(input.amountRequested, t)
  const grantedAmount = input.decision.kind === 'deny' ? null : (input.decision.amount ?? input.amountRequested)
  const granted = grantedAmount === null ? '' : formatKronor(grantedAmount, t)
  const district = districtName(input.district, input.locale)
  const reasons = input.decision.reasons
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const signatures: DocumentField[] = [
    { label: t.decidedBy, value: `${input.decision.decidedBy}, ${formatMoment(input.decision.decidedAt, t)}` },
  ]
  if (input.decision.approvedBy !== null) {
    const when = input.decision.approvedAt === null ? '' : `, ${formatMoment(input.decision.approvedAt, t)}`
    signatures.push({ label: t.approvedBy, value: `${input.decision.approvedBy}${when}` })
  }
  return {
    t,
    documentTitle: `${t.title} – ${input.association.name} – ${t.caseId} ${input.caseId}`,
    city: t.city,
    district: `${t.districtLabel}: ${district}`,
    title: t.title,
    caseId: input.caseId,
    programmeId: input.programme.id,
    meta: [
      { label: t.date, value: formatDay(input.issuedOn, t), datetime: input.issuedOn },
      { label: t.caseId, value: input.caseId },
      { label: t.programme, value: `${input.programme.name} (${input.programme.id})` },
    ],
    recipient: [
      { label: t.association, value: input.association.name },
      { label: t.organisationNumber, value: input.association.organisationNumber },
    ],
    decisionKind: t.kind[input.decision.kind],
    decisionSentence: t.sentence(input.decision.kind, granted, requested),
    amounts: [{ label: t.requested, value: requested }, ...(grantedAmount === null ? [] : [{ label: t.granted, value: granted }])],
    reasons: reasons.length > 0 ? reasons : [t.noReasons],
    signatures,
    fourEyes: input.decision.approvedBy !== null,
    screening: screeningModel(input.explanation, input.locale),
  }
}
