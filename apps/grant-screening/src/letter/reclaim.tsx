import type { LetterPdfOptions } from './input.js'
import {
  formatLetterDay,
  kr,
  NOTICE_TEXTS,
  noticeMeta,
  renderNoticeHtml,
  renderNoticePdf,
  type NoticeAbout,
  type NoticeModel,
} from './notice.js'

/*
 * The reclaim letter (återkrav): a reasoned decision to pay back (part of) a grant,
 * naming the decision it reclaims from. The short letters' layout and header (`notice.tsx`).
 */

export interface ReclaimLetterInput extends NoticeAbout {
  readonly authority: string
  /** The decision reclaimed from: its day and the amount it granted. */
  readonly reclaimedDecision: { readonly decidedOn: string; readonly amount: number }
  readonly amount: number
  readonly reasons: string
  readonly decidedOn: string
  /** How to appeal, as the programme says (`appealFor`): the same route as its grant decisions. */
  readonly appeal: string
}

const RECLAIM_TEXTS = {
  sv: {
    title: 'Beslut om återkrav av bidrag',
    decision: 'Beslut',
    sentence: (i: ReclaimLetterInput) =>
      `Förvaltningen kräver tillbaka ${kr(i.amount, 'sv')} av det bidrag på ${kr(i.reclaimedDecision.amount, 'sv')} som beviljades genom beslutet den ${formatLetterDay(i.reclaimedDecision.decidedOn, 'sv')}.`,
    reasons: 'Skäl för beslutet',
    appeal: 'Hur man överklagar',
  },
  en: {
    title: 'Decision to reclaim a grant',
    decision: 'Decision',
    sentence: (i: ReclaimLetterInput) =>
      `The administration reclaims ${kr(i.amount, 'en')} of the grant of ${kr(i.reclaimedDecision.amount, 'en')} made by the decision of ${formatLetterDay(i.reclaimedDecision.decidedOn, 'en')}.`,
    reasons: 'Reasons for the decision',
    appeal: 'How to appeal',
  },
} as const

export function reclaimModel(i: ReclaimLetterInput): NoticeModel {
  const t = RECLAIM_TEXTS[i.locale]
  const common = NOTICE_TEXTS[i.locale]
  return {
    lang: i.locale,
    city: common.city,
    authority: i.authority,
    title: t.title,
    meta: noticeMeta(i, i.decidedOn),
    sections: [
      { heading: t.decision, paragraphs: [t.sentence(i)] },
      { heading: t.reasons, paragraphs: [], userText: i.reasons },
      { heading: t.appeal, paragraphs: [i.appeal] },
    ],
    footer: common.footer,
  }
}

export const renderReclaimHtml = (i: ReclaimLetterInput) => renderNoticeHtml(reclaimModel(i))
export const renderReclaimPdf = (i: ReclaimLetterInput, options: LetterPdfOptions = {}) => renderNoticePdf(reclaimModel(i), options)
