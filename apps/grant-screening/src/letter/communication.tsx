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
 * The communication letter (kommunicering, förvaltningslagen 25 §): before a denial or
 * a grant below the amount applied for, the applicant is sent the material the decision
 * will rest on and may reply by a deadline. Rendered from a model, as HTML (React's
 * server renderer, so user text is escaped) and as PDF, in Swedish or English. It names
 * no usernames or internal ids, and only grounds the officer has assessed. Its layout
 * and header fields are the short letters' own (`notice.tsx`).
 */

/** Everything the communication letter says, as data. */
export interface CommunicationLetterInput extends NoticeAbout {
  /** The issuing authority's name, in the letter's language. */
  readonly authority: string
  readonly amountRequested: number
  readonly proposedKind: 'deny' | 'partial'
  readonly proposedAmount: number | null
  /** The officer's account of the material. */
  readonly material: string
  /** Each ground standing against the application (assessed evidence only): the rule's heading and the finding's reason. */
  readonly grounds: readonly { readonly heading: string; readonly reason: string }[]
  /** YYYY-MM-DD. */
  readonly deadline: string
  readonly sentOn: string
}

const COMMUNICATION_TEXTS = {
  sv: {
    title: 'Kommunicering inför beslut om bidrag',
    deadline: 'Svara senast',
    intended: 'Vad förvaltningen avser att besluta',
    deny: (i: CommunicationLetterInput) => `Förvaltningen avser att avslå ansökan om ${kr(i.amountRequested, 'sv')}.`,
    partial: (i: CommunicationLetterInput) =>
      `Förvaltningen avser att bevilja ${kr(i.proposedAmount ?? 0, 'sv')} av de ${kr(i.amountRequested, 'sv')} som ni har sökt.`,
    grounds: 'Underlaget som beslutet kommer att grunda sig på',
    groundsIntro: 'Prövningen av ansökan visar följande:',
    material: 'Förvaltningens redogörelse',
    reply: 'Så svarar ni',
    replyText: (d: string) =>
      `Ni har rätt att yttra er över underlaget innan beslut fattas. Skicka ert svar senast den ${d}. Hänvisa till er ansökan. Om vi inte har fått något svar då kan beslut fattas ändå.`,
    law: 'Detta brev skickas enligt 25 § förvaltningslagen (2017:900). Det är inte ett beslut.',
  },
  en: {
    title: 'Communication before a grant decision',
    deadline: 'Reply by',
    intended: 'What the administration intends to decide',
    deny: (i: CommunicationLetterInput) => `The administration intends to deny the application for ${kr(i.amountRequested, 'en')}.`,
    partial: (i: CommunicationLetterInput) =>
      `The administration intends to grant ${kr(i.proposedAmount ?? 0, 'en')} of the ${kr(i.amountRequested, 'en')} you applied for.`,
    grounds: 'The material the decision will rest on',
    groundsIntro: 'The screening of the application shows the following:',
    material: 'The administration’s account',
    reply: 'How to reply',
    replyText: (d: string) =>
      `You have the right to comment on the material before a decision is made. Send your reply by ${d}. Quote your application. If we have no reply by then, a decision may be made anyway.`,
    law: 'This letter is sent under section 25 of the Administrative Procedure Act (2017:900). It is not a decision.',
  },
} as const

export function communicationModel(i: CommunicationLetterInput): NoticeModel {
  const t = COMMUNICATION_TEXTS[i.locale]
  const common = NOTICE_TEXTS[i.locale]
  const deadline = formatLetterDay(i.deadline, i.locale)
  return {
    lang: i.locale,
    city: common.city,
    authority: i.authority,
    title: t.title,
    meta: [...noticeMeta(i, i.sentOn), { label: t.deadline, value: deadline, datetime: i.deadline }],
    sections: [
      { heading: t.intended, paragraphs: [i.proposedKind === 'deny' ? t.deny(i) : t.partial(i)] },
      {
        heading: t.grounds,
        paragraphs: i.grounds.length > 0 ? [t.groundsIntro] : [],
        items: i.grounds.map((g) => ({ heading: g.heading, text: g.reason })),
      },
      { heading: t.material, paragraphs: [], userText: i.material },
      { heading: t.reply, paragraphs: [t.replyText(deadline), t.law] },
    ],
    footer: common.footer,
  }
}

export const renderCommunicationHtml = (i: CommunicationLetterInput) => renderNoticeHtml(communicationModel(i))
export const renderCommunicationPdf = (i: CommunicationLetterInput, options: LetterPdfOptions = {}) =>
  renderNoticePdf(communicationModel(i), options)
