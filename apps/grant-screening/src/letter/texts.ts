import type { DecisionKind, LetterLocale } from './input.js'

/* The decision letter's own words and number and date formats, in Swedish and English. */

export interface Texts {
  readonly htmlLang: string
  readonly pdfLang: string
  readonly numberLocale: string
  readonly city: string
  readonly districtLabel: string
  readonly title: string
  readonly date: string
  readonly caseId: string
  readonly programme: string
  readonly recipient: string
  readonly association: string
  readonly organisationNumber: string
  readonly decision: string
  readonly requested: string
  readonly granted: string
  readonly kind: Readonly<Record<DecisionKind, string>>
  readonly sentence: (kind: DecisionKind, granted: string, requested: string) => string
  readonly reasons: string
  readonly noReasons: string
  readonly signatures: string
  readonly decidedBy: string
  readonly approvedBy: string
  readonly fourEyes: string
  readonly screening: string
  readonly otherLanguage: { readonly lang: string; readonly text: string }
  readonly page: (n: number, of: number) => string
  readonly replaced: string
}

export const TEXTS: Readonly<Record<LetterLocale, Texts>> = {
  sv: {
    htmlLang: 'sv',
    pdfLang: 'sv-SE',
    numberLocale: 'sv-SE',
    city: 'Stockholms stad',
    districtLabel: 'Stadsdelsnämnd',
    title: 'Beslut om föreningsbidrag',
    date: 'Datum',
    caseId: 'Ärende',
    programme: 'Bidragsprogram',
    recipient: 'Mottagare',
    association: 'Förening',
    organisationNumber: 'Organisationsnummer',
    decision: 'Beslut',
    requested: 'Sökt belopp',
    granted: 'Beviljat belopp',
    kind: { approve: 'Bifall', deny: 'Avslag', partial: 'Delvis bifall' },
    sentence: (kind, granted, requested) =>
      kind === 'approve'
        ? `Föreningen beviljas ${granted} i bidrag.`
        : kind === 'partial'
          ? `Föreningen beviljas ${granted} av sökta ${requested}.`
          : `Ansökan om ${requested} i bidrag avslås.`,
    reasons: 'Skäl för beslutet',
    noReasons: 'Handläggaren har inte skrivit några egna skäl; se prövningen mot villkoren nedan.',
    signatures: 'Beslutsfattare',
    decidedBy: 'Beslutat av',
    approvedBy: 'Godkänt av (andra handläggare)',
    fourEyes: 'Beslutet har granskats och godkänts av ytterligare en handläggare (fyraögonsprincipen).',
    screening: 'Prövning mot villkoren',
    otherLanguage: { lang: 'en', text: 'This decision is also available in English. Ask the grant officer.' },
    page: (n, of) => `Sida ${n} av ${of}`,
    replaced: 'Vissa tecken kan inte visas i PDF-versionen och har ersatts med ?. HTML-versionen av beslutet visar all text.',
  },
  en: {
    htmlLang: 'en',
    pdfLang: 'en-GB',
    numberLocale: 'en-GB',
    city: 'City of Stockholm',
    districtLabel: 'District committee',
    title: 'Decision on an association grant',
    date: 'Date',
    caseId: 'Case',
    programme: 'Grant programme',
    recipient: 'Recipient',
    association: 'Association',
    organisationNumber: 'Organisation number',
    decision: 'Decision',
    requested: 'Amount requested',
    granted: 'Amount granted',
    kind: { approve: 'Approved', deny: 'Denied', partial: 'Partially approved' },
    sentence: (kind, granted, requested) =>
      kind === 'approve'
        ? `The association is granted ${granted}.`
        : kind === 'partial'
          ? `The association is granted ${granted} of the ${requested} applied for.`
          : `The application for a grant of ${requested} is denied.`,
    reasons: 'Reasons for the decision',
    noReasons: 'The officer has written no reasons of their own; see the screening against the conditions below.',
    signatures: 'Decision-makers',
    decidedBy: 'Decided by',
    approvedBy: 'Approved by (second officer)',
    fourEyes: 'The decision was reviewed and approved by a second officer (the four-eyes principle).',
    screening: 'Screening against the conditions',
    otherLanguage: { lang: 'sv', text: 'Beslutet finns också på svenska. Fråga handläggaren.' },
    page: (n, of) => `Page ${n} of ${of}`,
    replaced:
      'Some characters cannot be shown in the PDF version and have been replaced by ?. The HTML version of the decision shows all text.',
  },
}

export function formatKronor(amount: number, t: Texts): string {
  return new Intl.NumberFormat(t.numberLocale, {
    style: 'currency',
    currency: 'SEK',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(amount)
}

/** A calendar date (YYYY-MM-DD) written out, e.g. "22 november 2026"; anything else as given. */
export function formatDay(day: string, t: Texts): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return day
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return day
  return new Intl.DateTimeFormat(t.numberLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}

/** The Stockholm calendar day of an ISO timestamp, written out; anything else as given. */
export function formatMoment(iso: string, t: Texts): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(t.numberLocale, { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(date)
}
