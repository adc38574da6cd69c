import type { DecisionKind, LetterLocale } from './input.js'

/* The decision letter's own words and number and date formats, in Swedish and English. */

export interface Texts {
  readonly htmlLang: string
  readonly pdfLang: string
  readonly numberLocale: string
  readonly city: string
  readonly formerly: (name: string) => string
  readonly title: string
  readonly date: string
  readonly caseNumber: string
  readonly programme: string
  readonly recipient: string
  readonly association: string
  readonly organisationNumber: string
  readonly decision: string
  readonly requested: string
  readonly granted: string
  readonly kind: Readonly<Record<DecisionKind, string>>
  readonly sentence: (kind: DecisionKind, granted: string, requested: string) => string
  readonly conditions: string
  readonly reasons: string
  readonly reasonsLaw: string
  readonly provisions: string
  readonly facts: string
  readonly conditionsMet: string
  readonly assessment: string
  readonly appeal: string
  readonly signatures: string
  readonly decidedBy: string
  readonly approvedBy: string
  readonly fourEyes: string
  readonly otherLanguage: { readonly lang: string; readonly text: string }
  readonly page: string
  readonly replaced: string
  /** The sentence that says which decision a correction or reconsideration replaces, by its date and the case number. */
  readonly replaces: (basis: 'correction' | 'reconsideration', day: string, caseNumber: string) => string
  /** The kind of decision in the title of a correction or reconsideration. */
  readonly revisionTitle: Readonly<Record<'correction' | 'reconsideration', string>>
}

export const TEXTS: Readonly<Record<LetterLocale, Texts>> = {
  sv: {
    htmlLang: 'sv',
    pdfLang: 'sv-SE',
    numberLocale: 'sv-SE',
    city: 'Stockholms stad',
    formerly: (name) => `(tidigare ${name})`,
    title: 'Beslut om föreningsbidrag',
    date: 'Datum',
    caseNumber: 'Diarienummer',
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
          ? `Föreningen beviljas ${granted} av sökta ${requested}. I övrigt avslås ansökan.`
          : `Ansökan om ${requested} i bidrag avslås.`,
    conditions: 'Villkor för bidraget',
    reasons: 'Skäl för beslutet',
    reasonsLaw: 'Här anges de bestämmelser som har tillämpats och de omständigheter som har varit avgörande (32 § förvaltningslagen).',
    provisions: 'Tillämpade bestämmelser',
    facts: 'Avgörande omständigheter',
    conditionsMet: 'Föreningen uppfyller villkoren för bidrag i programmet.',
    assessment: 'Bedömning',
    appeal: 'Så överklagar ni',
    signatures: 'Beslutsfattare',
    decidedBy: 'Beslutet har fattats av',
    approvedBy: 'Beslutet har godkänts av',
    fourEyes: 'Beslutet har granskats och godkänts av ytterligare en person (fyraögonsprincipen).',
    otherLanguage: { lang: 'en', text: 'This decision is also available in English. Ask the grant officer.' },
    page: 'Sida {n} av {of}',
    replaced: 'Vissa tecken kan inte visas i PDF-versionen och har ersatts med ?. HTML-versionen av beslutet visar all text.',
    replaces: (basis, day, caseNumber) =>
      `Detta beslut ersätter beslutet den ${day} i ärende ${caseNumber} (${
        basis === 'correction' ? 'rättelse enligt 36 § förvaltningslagen' : 'omprövning enligt 37–38 §§ förvaltningslagen'
      }).`,
    revisionTitle: { correction: 'Rättelse av beslut', reconsideration: 'Omprövning av beslut' },
  },
  en: {
    htmlLang: 'en',
    pdfLang: 'en-GB',
    numberLocale: 'en-GB',
    city: 'City of Stockholm',
    formerly: (name) => `(formerly ${name})`,
    title: 'Decision on an association grant',
    date: 'Date',
    caseNumber: 'Case number',
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
          ? `The association is granted ${granted} of the ${requested} applied for. The rest of the application is denied.`
          : `The application for a grant of ${requested} is denied.`,
    conditions: 'Conditions of the grant',
    reasons: 'Reasons for the decision',
    reasonsLaw:
      'These are the provisions applied and the circumstances that decided the matter (section 32 of the Administrative Procedure Act).',
    provisions: 'Provisions applied',
    facts: 'Decisive circumstances',
    conditionsMet: 'The association meets the programme’s conditions for a grant.',
    assessment: 'Assessment',
    appeal: 'How to appeal',
    signatures: 'Decision-makers',
    decidedBy: 'The decision was made by',
    approvedBy: 'The decision was approved by',
    fourEyes: 'The decision was reviewed and approved by a second person (the four-eyes principle).',
    otherLanguage: { lang: 'sv', text: 'Beslutet finns också på svenska. Fråga handläggaren.' },
    page: 'Page {n} of {of}',
    replaced:
      'Some characters cannot be shown in the PDF version and have been replaced by ?. The HTML version of the decision shows all text.',
    replaces: (basis, day, caseNumber) =>
      `This decision replaces the decision of ${day} in case ${caseNumber} (${
        basis === 'correction'
          ? 'correction under section 36 of the Administrative Procedure Act'
          : 'reconsideration under sections 37–38 of the Administrative Procedure Act'
      }).`,
    revisionTitle: { correction: 'Correction of a decision', reconsideration: 'Reconsideration of a decision' },
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
