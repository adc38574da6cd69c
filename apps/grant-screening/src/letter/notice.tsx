/** @jsxRuntime automatic @jsxImportSource react */
import { formatKronor } from '@vbe/core/grants'
import { FieldList, Paragraphs, PdfWriter, renderHtmlDocument, textParagraphs, type DocumentField } from '@vbe/server-kit/documents'
import { officerTextQuote, type LetterLocale, type LetterPdfOptions } from './input.js'

/*
 * The plain layout of the short letters to an applicant (the communication letter and the
 * reclaim letter): masthead, title, header fields, sections of paragraphs and lists, as
 * HTML (React's server renderer, so user text is escaped) and as PDF. `noticeMeta` gives
 * the header fields every such letter starts with.
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
.quoted { font-style: italic; }
`

/** The officer's own words, as written; marked as Swedish, with a note, in a letter in another language. */
function OfficerText({ text, lang }: { readonly text: string; readonly lang: LetterLocale }) {
  const quote = officerTextQuote(lang)
  return (
    <>
      {quote ? <p className="quoted">{quote.note}</p> : null}
      <div lang={quote?.lang}>
        <Paragraphs text={text} />
      </div>
    </>
  )
}

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
            {s.userText !== undefined ? <OfficerText text={s.userText} lang={m.lang} /> : null}
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
    if (s.userText !== undefined) {
      const quote = officerTextQuote(m.lang)
      if (quote) w.paragraph(quote.note, { italic: true })
      for (const p of textParagraphs(s.userText)) w.paragraph(p, quote ? { lang: quote.lang } : {})
    }
    if (s.items && s.items.length > 0) w.list(s.items.map((item) => ({ text: `${item.heading}. ${item.text}` })))
  }
  w.space(0.8)
  w.paragraph(m.footer, { italic: true })
  return w.end((page, of) => `${m.city} · ${m.title} · ${page}/${of}`)
}

export const formatLetterDay = (day: string, locale: LetterLocale) =>
  new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))

/** An amount in the letter's language: `12 000 kr`, `SEK 12,000`. */
export const kr = (n: number, l: LetterLocale) => (l === 'sv' ? `${formatKronor(n, 'sv')} kr` : `SEK ${formatKronor(n, 'en')}`)

/** What every short letter says the same way: the city, the header labels and the note on the other language. */
export const NOTICE_TEXTS = {
  sv: {
    city: 'Stockholms stad',
    date: 'Datum',
    application: 'Er ansökan',
    programme: 'Bidrag',
    recipient: 'Mottagare',
    footer: 'This letter is available in English on request.',
  },
  en: {
    city: 'City of Stockholm',
    date: 'Date',
    application: 'Your application',
    programme: 'Grant',
    recipient: 'To',
    footer: 'Detta brev finns på svenska.',
  },
} as const

/** Who a short letter is to and what about: the applicant's reference, the programme's name and the association. */
export interface NoticeAbout {
  readonly locale: LetterLocale
  /** The applicant's own reference for the application. */
  readonly applicationRef: string
  /** The programme's name in the letter's language. */
  readonly programme: string
  readonly association: { readonly name: string; readonly organisationNumber: string }
}

/** A short letter's header fields: its date (YYYY-MM-DD), the application, the programme and the recipient. */
export function noticeMeta(about: NoticeAbout, day: string): DocumentField[] {
  const t = NOTICE_TEXTS[about.locale]
  return [
    { label: t.date, value: formatLetterDay(day, about.locale), datetime: day },
    { label: t.application, value: about.applicationRef },
    { label: t.programme, value: about.programme },
    { label: t.recipient, value: `${about.association.name} (${about.association.organisationNumber})` },
  ]
}
