/** @jsxRuntime automatic @jsxImportSource react */
import { formatKronor } from '@vbe/core/grants'
import { FieldList, Paragraphs, PdfWriter, renderHtmlDocument, type DocumentField } from '@vbe/server-kit/documents'
import type { LetterLocale, LetterPdfOptions } from './input.js'

/*
 * The communication letter (kommunicering, förvaltningslagen 25 §): before a denial or
 * a grant below the amount applied for, the applicant is sent the material the decision
 * will rest on and may reply by a deadline. Rendered from a model, as HTML (React's
 * server renderer, so user text is escaped) and as PDF, in Swedish or English. It names
 * no usernames or internal ids, and only grounds the officer has assessed.
 *
 * `renderNotice*` is the plain layout this letter and the reclaim letter share.
 */

/** A short official letter: masthead, title, fields, sections of paragraphs and lists. */
export interface NoticeModel {
  readonly lang: LetterLocale
  readonly city: string
  readonly authority: string
  readonly title: string
  readonly meta: readonly DocumentField[]
  readonly sections: readonly {
    readonly heading: string
    readonly paragraphs: readonly string[]
    readonly items?: readonly { readonly heading: string; readonly text: string }[]
    /** The officer's own text, kept as they wrote it (paragraphs and line breaks). */
    readonly userText?: string
  }[]
  readonly footer: string
}

const NOTICE_CSS = `
header.masthead { border-bottom: 2px solid #1a1a1a; padding-bottom: .75rem; margin-bottom: 1.5rem; }
.masthead p { margin: 0; }
.masthead .city { font-size: 1.25rem; font-weight: 700; }
.footer { margin-top: 2rem; font-style: italic; }
`

function Notice({ m }: { readonly m: NoticeModel }) {
  return (
    <div className="page">
      <header className="masthead">
        <p className="city">{m.city}</p>
        <p className="authority">{m.authority}</p>
      </header>
      <main>
        <h1>{m.title}</h1>
        <FieldList fields={m.meta} className="meta" />
        {m.sections.map((s, i) => (
          <section key={i} aria-labelledby={`section-${i}`}>
            <h2 id={`section-${i}`}>{s.heading}</h2>
            {s.paragraphs.map((p, j) => (
              <p key={j}>{p}</p>
            ))}
            {s.userText !== undefined ? <Paragraphs text={s.userText} /> : null}
            {s.items && s.items.length > 0 ? (
              <ul>
                {s.items.map((item, j) => (
                  <li key={j}>
                    <strong>{item.heading}.</strong> {item.text}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
        <p className="footer">{m.footer}</p>
      </main>
    </div>
  )
}

export function renderNoticeHtml(m: NoticeModel): string {
  return renderHtmlDocument({ lang: m.lang, title: `${m.title} – ${m.city}`, css: NOTICE_CSS }, <Notice m={m} />)
}

export function renderNoticePdf(m: NoticeModel, options: LetterPdfOptions = {}): Promise<Uint8Array> {
  const w = new PdfWriter({
    lang: m.lang === 'sv' ? 'sv-SE' : 'en-GB',
    title: `${m.title} – ${m.city}`,
    author: `${m.city}, ${m.authority}`,
    subject: m.title,
    creator: '@vbe/grant-screening',
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  })
  w.paragraph(m.city, { bold: true, size: 14, gapAfter: 0 })
  w.paragraph(m.authority, { gapAfter: 0.2 })
  w.rule()
  w.heading(1, m.title).fields(m.meta)
  for (const s of m.sections) {
    w.heading(2, s.heading)
    for (const p of s.paragraphs) w.paragraph(p)
    if (s.userText !== undefined) for (const p of s.userText.split(/\n\s*\n/)) if (p.trim() !== '') w.paragraph(p.trim())
    if (s.items && s.items.length > 0) w.list(s.items.map((item) => ({ text: `${item.heading}. ${item.text}` })))
  }
  w.space(0.8)
  w.paragraph(m.footer, { italic: true })
  return w.end((page, of) => `${m.city} · ${m.title} · ${page}/${of}`)
}

/** Everything the communication letter says, as data. */
export interface CommunicationLetterInput {
  readonly locale: LetterLocale
  /** The issuing authority's name, in the letter's language. */
  readonly authority: string
  /** The applicant's own reference for the application. */
  readonly applicationRef: string
  readonly programme: string
  readonly association: { readonly name: string; readonly organisationNumber: string }
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

export const formatLetterDay = (day: string, locale: LetterLocale) =>
  new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))

const kr = (n: number, l: LetterLocale) => (l === 'sv' ? `${formatKronor(n, 'sv')} kr` : `SEK ${formatKronor(n, 'en')}`)

const COMMUNICATION_TEXTS = {
  sv: {
    city: 'Stockholms stad',
    title: 'Kommunicering inför beslut om bidrag',
    date: 'Datum',
    application: 'Er ansökan',
    programme: 'Bidrag',
    recipient: 'Mottagare',
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
    footer: 'This letter is available in English on request.',
  },
  en: {
    city: 'City of Stockholm',
    title: 'Communication before a grant decision',
    date: 'Date',
    application: 'Your application',
    programme: 'Grant',
    recipient: 'To',
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
    footer: 'Detta brev finns på svenska.',
  },
} as const

export function communicationModel(i: CommunicationLetterInput): NoticeModel {
  const t = COMMUNICATION_TEXTS[i.locale]
  const deadline = formatLetterDay(i.deadline, i.locale)
  return {
    lang: i.locale,
    city: t.city,
    authority: i.authority,
    title: t.title,
    meta: [
      { label: t.date, value: formatLetterDay(i.sentOn, i.locale), datetime: i.sentOn },
      { label: t.application, value: i.applicationRef },
      { label: t.programme, value: i.programme },
      { label: t.recipient, value: `${i.association.name} (${i.association.organisationNumber})` },
      { label: t.deadline, value: deadline, datetime: i.deadline },
    ],
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
    footer: t.footer,
  }
}

export const renderCommunicationHtml = (i: CommunicationLetterInput) => renderNoticeHtml(communicationModel(i))
export const renderCommunicationPdf = (i: CommunicationLetterInput, options: LetterPdfOptions = {}) =>
  renderNoticePdf(communicationModel(i), options)
