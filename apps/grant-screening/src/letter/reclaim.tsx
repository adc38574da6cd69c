import { formatKronor } from '@vbe/core/grants'
import { formatLetterDay, renderNoticeHtml, renderNoticePdf, type NoticeModel } from './communication.js'
import type { LetterLocale, LetterPdfOptions } from './input.js'

/*
 * The reclaim letter (återkrav): a reasoned decision to pay back (part of) a grant,
 * naming the decision it reclaims from. Same layout as the communication letter.
 */

export interface ReclaimLetterInput {
  readonly locale: LetterLocale
  readonly authority: string
  readonly applicationRef: string
  readonly programme: string
  readonly association: { readonly name: string; readonly organisationNumber: string }
  /** The decision reclaimed from: its day and the amount it granted. */
  readonly reclaimedDecision: { readonly decidedOn: string; readonly amount: number }
  readonly amount: number
  readonly reasons: string
  readonly decidedOn: string
  /** How to appeal, as the programme says (`appealFor`): the same route as its grant decisions. */
  readonly appeal: string
}

const kr = (n: number, l: LetterLocale) => (l === 'sv' ? `${formatKronor(n, 'sv')} kr` : `SEK ${formatKronor(n, 'en')}`)

const RECLAIM_TEXTS = {
  sv: {
    city: 'Stockholms stad',
    title: 'Beslut om återkrav av bidrag',
    date: 'Datum',
    application: 'Er ansökan',
    programme: 'Bidrag',
    recipient: 'Mottagare',
    decision: 'Beslut',
    sentence: (i: ReclaimLetterInput) =>
      `Förvaltningen kräver tillbaka ${kr(i.amount, 'sv')} av det bidrag på ${kr(i.reclaimedDecision.amount, 'sv')} som beviljades genom beslutet den ${formatLetterDay(i.reclaimedDecision.decidedOn, 'sv')}.`,
    reasons: 'Skäl för beslutet',
    appeal: 'Hur man överklagar',
    footer: 'This letter is available in English on request.',
  },
  en: {
    city: 'City of Stockholm',
    title: 'Decision to reclaim a grant',
    date: 'Date',
    application: 'Your application',
    programme: 'Grant',
    recipient: 'To',
    decision: 'Decision',
    sentence: (i: ReclaimLetterInput) =>
      `The administration reclaims ${kr(i.amount, 'en')} of the grant of ${kr(i.reclaimedDecision.amount, 'en')} made by the decision of ${formatLetterDay(i.reclaimedDecision.decidedOn, 'en')}.`,
    reasons: 'Reasons for the decision',
    appeal: 'How to appeal',
    footer: 'Detta brev finns på svenska.',
  },
} as const

export function reclaimModel(i: ReclaimLetterInput): NoticeModel {
  const t = RECLAIM_TEXTS[i.locale]
  return {
    lang: i.locale,
    city: t.city,
    authority: i.authority,
    title: t.title,
    meta: [
      { label: t.date, value: formatLetterDay(i.decidedOn, i.locale), datetime: i.decidedOn },
      { label: t.application, value: i.applicationRef },
      { label: t.programme, value: i.programme },
      { label: t.recipient, value: `${i.association.name} (${i.association.organisationNumber})` },
    ],
    sections: [
      { heading: t.decision, paragraphs: [t.sentence(i)] },
      { heading: t.reasons, paragraphs: [], userText: i.reasons },
      { heading: t.appeal, paragraphs: [i.appeal] },
    ],
    footer: t.footer,
  }
}

export const renderReclaimHtml = (i: ReclaimLetterInput) => renderNoticeHtml(reclaimModel(i))
export const renderReclaimPdf = (i: ReclaimLetterInput, options: LetterPdfOptions = {}) => renderNoticePdf(reclaimModel(i), options)
