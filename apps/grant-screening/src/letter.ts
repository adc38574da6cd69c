import PDFDocument from 'pdfkit'
import { installedPlugins } from './plugins.js'

/*
 * Decision letters, as printable HTML and as PDF, in Swedish or English. Both are
 * rendered from one letter model (`letterModel`), so they carry the same content: the
 * city and district, date, case, recipient, the decision in words with amounts, the
 * officer's reasons, who decided and who approved, and the screening explanation from
 * `explain` in @vbe/core/grants, which ends with how to appeal.
 */

export interface LetterInput {
  locale: 'sv' | 'en'
  caseId: string
  /** The district plugin id, for example `rinkeby-kista`. */
  district: string
  /** `name` is already in the letter's language. */
  programme: { id: string; name: string }
  association: { name: string; organisationNumber: string }
  amountRequested: number
  decision: {
    kind: 'approve' | 'deny' | 'partial'
    amount: number | null
    reasons: string
    decidedBy: string
    /** ISO timestamp. */
    decidedAt: string
    approvedBy: string | null
    approvedAt: string | null
  }
  /** The text from `explain(result, { locale, plugins })`: headings end in ':', findings are numbered. */
  explanation: string
  /** YYYY-MM-DD. */
  issuedOn: string
}

export interface LetterPdfOptions {
  /** Compress the page streams (default true; tests turn it off to read the text). */
  readonly compress?: boolean
}

type Locale = LetterInput['locale']
type DecisionKind = LetterInput['decision']['kind']

// ---------------------------------------------------------------------------------------
// Texts

interface Texts {
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

const TEXTS: Readonly<Record<Locale, Texts>> = {
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
    replaced:
      'Vissa tecken kan inte visas i PDF-versionen och har ersatts med ?. HTML-versionen av beslutet visar all text.',
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
    replaced: 'Some characters cannot be shown in the PDF version and have been replaced by ?. The HTML version of the decision shows all text.',
  },
}

function formatKronor(amount: number, t: Texts): string {
  return new Intl.NumberFormat(t.numberLocale, { style: 'currency', currency: 'SEK', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount)
}

/** A calendar date (YYYY-MM-DD) written out, e.g. "22 november 2026"; anything else as given. */
function formatDay(day: string, t: Texts): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return day
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return day
  return new Intl.DateTimeFormat(t.numberLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}

/** The Stockholm calendar day of an ISO timestamp, written out; anything else as given. */
function formatMoment(iso: string, t: Texts): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(t.numberLocale, { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(date)
}

function districtName(id: string, locale: Locale): string {
  return installedPlugins.plugins.find((p) => p.id === id)?.name[locale] ?? id
}

// ---------------------------------------------------------------------------------------
// The explanation: explain's plain text as sections, paragraphs and lists

export type ExplanationBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: ExplanationItem[] }

export interface ExplanationItem {
  readonly text: string
  /** Indented lines under the item: its reason, a "Sources:" heading and their list. */
  readonly blocks: ExplanationBlock[]
}

export interface ExplanationSection {
  /** The heading without its ':'; null for the text before the first heading. */
  readonly heading: string | null
  readonly blocks: ExplanationBlock[]
}

export interface ParsedExplanation {
  /** The first line (which application was screened, and on which date). */
  readonly title: string | null
  readonly sections: ExplanationSection[]
}

const ORDERED_ITEM = /^(\d+)[.)]\s+(.*)$/
const BULLET_ITEM = /^[-•*]\s+(.*)$/
const isHeading = (line: string) => line.endsWith(':') && line.length <= 80 && !BULLET_ITEM.test(line) && !ORDERED_ITEM.test(line)

function addItem(blocks: ExplanationBlock[], ordered: boolean, text: string, open: boolean): ExplanationItem {
  const item: ExplanationItem = { text, blocks: [] }
  const last = blocks[blocks.length - 1]
  if (open && last?.kind === 'list' && last.ordered === ordered) last.items.push(item)
  else blocks.push({ kind: 'list', ordered, items: [item] })
  return item
}

/**
 * Reads the plain text of `explain`: the first line is the title; a line ending in ':'
 * starts a section; `1. …` lines are numbered findings whose indented lines belong to
 * them; `- …` lines are bullet points; every other line is a paragraph.
 */
export function parseExplanation(text: string): ParsedExplanation {
  const sections: ExplanationSection[] = [{ heading: null, blocks: [] }]
  let title: string | null = null
  let item: ExplanationItem | null = null
  let listOpen = false
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    const section = sections[sections.length - 1]!
    if (line === '') {
      item = null
      listOpen = false
      continue
    }
    const indented = /^\s/.test(raw)
    if (indented && item !== null) {
      const bullet = BULLET_ITEM.exec(line)
      if (bullet) {
        const last = item.blocks[item.blocks.length - 1]
        if (last?.kind === 'list' && !last.ordered) last.items.push({ text: bullet[1]!, blocks: [] })
        else item.blocks.push({ kind: 'list', ordered: false, items: [{ text: bullet[1]!, blocks: [] }] })
      } else if (isHeading(line)) item.blocks.push({ kind: 'heading', text: line.slice(0, -1) })
      else item.blocks.push({ kind: 'paragraph', text: line })
      continue
    }
    const ordered = ORDERED_ITEM.exec(line)
    const bullet = BULLET_ITEM.exec(line)
    if (ordered) {
      item = addItem(section.blocks, true, ordered[2]!, listOpen)
      listOpen = true
    } else if (bullet) {
      item = addItem(section.blocks, false, bullet[1]!, listOpen)
      listOpen = true
    } else {
      item = null
      listOpen = false
      if (title === null && sections.length === 1 && section.blocks.length === 0) title = line
      else if (isHeading(line)) sections.push({ heading: line.slice(0, -1), blocks: [] })
      else section.blocks.push({ kind: 'paragraph', text: line })
    }
  }
  return { title, sections: sections.filter((s) => s.heading !== null || s.blocks.length > 0) }
}

// ---------------------------------------------------------------------------------------
// The letter model, shared by HTML and PDF

interface Field {
  readonly label: string
  readonly value: string
  /** A machine-readable date for <time>, when the value is one. */
  readonly datetime?: string
}

interface LetterModel {
  readonly t: Texts
  readonly documentTitle: string
  readonly city: string
  readonly district: string
  readonly title: string
  readonly meta: Field[]
  readonly recipient: Field[]
  readonly decisionKind: string
  readonly decisionSentence: string
  readonly amounts: Field[]
  /** The officer's reasons, one entry per paragraph (lines within a paragraph kept). */
  readonly reasons: string[]
  readonly signatures: Field[]
  readonly fourEyes: boolean
  readonly explanation: ParsedExplanation
}

function letterModel(input: LetterInput): LetterModel {
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
  const signatures: Field[] = [{ label: t.decidedBy, value: `${input.decision.decidedBy}, ${formatMoment(input.decision.decidedAt, t)}` }]
  const fourEyes = input.decision.approvedBy !== null
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
    fourEyes,
    explanation: parseExplanation(input.explanation),
  }
}

// ---------------------------------------------------------------------------------------
// HTML

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const lines = (text: string) => text.split('\n').map(escapeHtml).join('<br>')

function fieldsHtml(fields: readonly Field[], className: string): string {
  const rows = fields.map((f) => {
    const value = f.datetime !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(f.datetime) ? `<time datetime="${escapeHtml(f.datetime)}">${escapeHtml(f.value)}</time>` : escapeHtml(f.value)
    return `<div><dt>${escapeHtml(f.label)}</dt><dd>${value}</dd></div>`
  })
  return `<dl class="${className}">${rows.join('')}</dl>`
}

function blocksHtml(blocks: readonly ExplanationBlock[], depth: number): string {
  return blocks
    .map((b) => {
      if (b.kind === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`
      if (b.kind === 'heading') return `<h${depth} class="sub">${escapeHtml(b.text)}</h${depth}>`
      const tag = b.ordered ? 'ol' : 'ul'
      const items = b.items.map((item) =>
        item.blocks.length === 0
          ? `<li>${escapeHtml(item.text)}</li>`
          : `<li><p class="item-title"><strong>${escapeHtml(item.text)}</strong></p>${blocksHtml(item.blocks, depth)}</li>`,
      )
      return `<${tag}>${items.join('')}</${tag}>`
    })
    .join('\n')
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a; font-family: Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 1rem; line-height: 1.5; }
.page { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
header.masthead { border-bottom: 2px solid #1a1a1a; padding-bottom: .75rem; margin-bottom: 1.5rem; }
.masthead p { margin: 0; }
.masthead .city { font-size: 1.25rem; font-weight: 700; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #6b6b6b; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: .6rem 0 .2rem; }
dl { margin: 0 0 1rem; }
dl div { display: flex; flex-wrap: wrap; gap: 0 .75rem; padding: .15rem 0; }
dt { font-weight: 700; flex: 0 0 16rem; }
dd { margin: 0; }
p { margin: 0 0 .6rem; }
.decision { font-size: 1.1rem; }
.lead { font-weight: 700; }
ol, ul { margin: 0 0 .8rem; padding-left: 1.5rem; }
li { margin-bottom: .4rem; }
li > p.item-title { margin-bottom: .2rem; }
.explanation { overflow-wrap: anywhere; }
.other-language { margin-top: 2rem; font-style: italic; }
@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  h1, h2, h3, h4, .item-title { break-after: avoid; page-break-after: avoid; }
  li, dl div { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
`

/** The decision letter as a complete, printable HTML document with no external resources. */
export function renderLetterHtml(input: LetterInput): string {
  const m = letterModel(input)
  const t = m.t
  const e = m.explanation
  const explanationSections = e.sections
    .map((s, i) =>
      s.heading === null
        ? blocksHtml(s.blocks, 4)
        : `<section aria-labelledby="screening-${i}"><h3 id="screening-${i}">${escapeHtml(s.heading)}</h3>\n${blocksHtml(s.blocks, 4)}</section>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(m.documentTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<header class="masthead">
<p class="city">${escapeHtml(m.city)}</p>
<p class="district">${escapeHtml(m.district)}</p>
</header>
<main>
<h1>${escapeHtml(m.title)}</h1>
${fieldsHtml(m.meta, 'meta')}
<section aria-labelledby="recipient">
<h2 id="recipient">${escapeHtml(t.recipient)}</h2>
${fieldsHtml(m.recipient, 'recipient')}
</section>
<section aria-labelledby="decision">
<h2 id="decision">${escapeHtml(t.decision)}</h2>
<p class="decision"><strong>${escapeHtml(m.decisionKind)}.</strong> ${escapeHtml(m.decisionSentence)}</p>
${fieldsHtml(m.amounts, 'amounts')}
</section>
<section aria-labelledby="reasons">
<h2 id="reasons">${escapeHtml(t.reasons)}</h2>
${m.reasons.map((p) => `<p>${lines(p)}</p>`).join('\n')}
</section>
<section aria-labelledby="signatures">
<h2 id="signatures">${escapeHtml(t.signatures)}</h2>
${fieldsHtml(m.signatures, 'signatures')}
${m.fourEyes ? `<p>${escapeHtml(t.fourEyes)}</p>` : ''}
</section>
<section aria-labelledby="screening" class="explanation">
<h2 id="screening">${escapeHtml(t.screening)}</h2>
${e.title === null ? '' : `<p class="lead">${escapeHtml(e.title)}</p>`}
${explanationSections}
</section>
<p class="other-language" lang="${t.otherLanguage.lang}">${escapeHtml(t.otherLanguage.text)}</p>
</main>
</div>
</body>
</html>
`
}

// ---------------------------------------------------------------------------------------
// PDF

/** The characters PDF's WinAnsiEncoding has beyond Latin-1, which the standard fonts can show. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const FALLBACKS: Readonly<Record<string, string>> = {
  'ł': 'l',
  'Ł': 'L',
  'đ': 'd',
  'Đ': 'D',
  'ı': 'i',
  'ħ': 'h',
  'Ħ': 'H',
  'ŀ': 'l',
  'Ŀ': 'L',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '≥': '>=',
  '≤': '<=',
  '\u2009': ' ',
  '\u202f': '\u00a0',
  '\u2007': ' ',
  '\u200b': '',
  '\u00ad': '',
}

const showable = (c: string) => {
  const code = c.codePointAt(0)!
  return c === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c)
}

/**
 * Text the standard PDF fonts can show: Latin-1 and WinAnsi's extras as they are, other
 * accented Latin letters without their accents, tabs as spaces, and anything else as ?.
 * `replaced` says whether anything became ?.
 */
export function pdfSafeText(text: string): { text: string; replaced: boolean } {
  let out = ''
  let replaced = false
  for (const c of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (showable(c)) out += c
    else if (FALLBACKS[c] !== undefined) out += FALLBACKS[c]
    else {
      const bare = c.normalize('NFD').replace(/\p{M}/gu, '')
      if (bare !== '' && [...bare].every(showable) && bare !== c) out += bare
      else if (/\p{Cc}|\p{Cf}/u.test(c)) out += ''
      else {
        out += '?'
        replaced = true
      }
    }
  }
  return { text: out, replaced }
}

const FONT = 'Helvetica'
const BOLD = 'Helvetica-Bold'
const OBLIQUE = 'Helvetica-Oblique'
const MARGIN = { top: 56, bottom: 64, left: 60, right: 60 }

/** The decision letter as a PDF (A4, standard Helvetica, tagged, with title, language and page numbers). */
export function renderLetterPdf(input: LetterInput, options: LetterPdfOptions = {}): Promise<Uint8Array> {
  const m = letterModel(input)
  const t = m.t
  let replaced = false
  const safe = (text: string) => {
    const r = pdfSafeText(text)
    if (r.replaced) replaced = true
    return r.text
  }

  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    tagged: true,
    lang: t.pdfLang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: m.documentTitle,
      Author: `${m.city}, ${m.district}`,
      Subject: `${t.title}: ${m.decisionKind}`,
      Keywords: `${t.caseId} ${input.caseId}, ${input.programme.id}`,
      Creator: '@vbe/grant-screening',
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })

  const left = MARGIN.left
  const width = doc.page.width - MARGIN.left - MARGIN.right
  const root = doc.struct('Document')
  doc.addStructure(root)

  type Parent = PDFKit.PDFStructureElement
  interface TextOptions {
    readonly font?: string
    readonly size?: number
    readonly indent?: number
    readonly gapAfter?: number
    readonly lang?: string
  }

  /** One block of text in its own structure element under `parent`. */
  const text = (parent: Parent, tag: string, value: string, o: TextOptions = {}) => {
    const indent = o.indent ?? 0
    const draw = () => {
      doc.font(o.font ?? FONT).fontSize(o.size ?? 10.5)
      doc.text(safe(value), left + indent, doc.y, { width: width - indent, lineGap: 1.5 })
    }
    parent.add(o.lang === undefined ? doc.struct(tag, {}, draw) : doc.struct(tag, { lang: o.lang }, draw))
    doc.x = left
    doc.moveDown(o.gapAfter ?? 0.4)
  }
  const heading = (tag: 'H1' | 'H2' | 'H3', value: string) => {
    const size = tag === 'H1' ? 18 : tag === 'H2' ? 13.5 : 11.5
    doc.moveDown(tag === 'H1' ? 0.3 : 0.6)
    // Keep a heading with at least a few lines of what follows it.
    if (doc.y + size * 4 > doc.page.height - MARGIN.bottom) doc.addPage()
    text(root, tag, value, { font: BOLD, size, gapAfter: 0.3 })
  }
  /** Label: value lines. */
  const fields = (list: readonly Field[]) => {
    for (const f of list) {
      root.add(
        doc.struct('P', {}, () => {
          doc.fontSize(10.5).font(BOLD).text(`${safe(f.label)}: `, left, doc.y, { width, continued: true, lineGap: 1.5 })
          doc.font(FONT).text(safe(f.value), { lineGap: 1.5 })
        }),
      )
      doc.x = left
      doc.moveDown(0.15)
    }
    doc.moveDown(0.3)
  }
  /** The explanation's paragraphs, sub-headings and lists, lists as L > LI > Lbl + LBody. */
  const blocks = (parent: Parent, list: readonly ExplanationBlock[], indent: number) => {
    for (const b of list) {
      if (b.kind === 'paragraph') text(parent, 'P', b.text, { indent })
      else if (b.kind === 'heading') text(parent, 'P', b.text, { font: BOLD, indent, gapAfter: 0.15 })
      else {
        const l = doc.struct('L')
        parent.add(l)
        b.items.forEach((item, i) => {
          const li = doc.struct('LI')
          l.add(li)
          if (doc.y + 30 > doc.page.height - MARGIN.bottom) doc.addPage()
          const y = doc.y
          li.add(
            doc.struct('Lbl', {}, () => {
              doc.font(b.ordered ? BOLD : FONT).fontSize(10.5).text(b.ordered ? `${i + 1}.` : '•', left + indent, y, { width: 16, lineBreak: false })
            }),
          )
          li.add(
            doc.struct('LBody', {}, () => {
              doc.font(b.ordered && item.blocks.length > 0 ? BOLD : FONT).fontSize(10.5)
              doc.text(safe(item.text), left + indent + 18, y, { width: width - indent - 18, lineGap: 1.5 })
            }),
          )
          doc.x = left
          doc.moveDown(0.25)
          if (item.blocks.length > 0) blocks(li, item.blocks, indent + 18)
          li.end()
        })
        l.end()
      }
    }
  }

  // Masthead.
  text(root, 'P', m.city, { font: BOLD, size: 14, gapAfter: 0 })
  text(root, 'P', m.district, { gapAfter: 0.2 })
  doc.markContent('Artifact', { type: 'Layout' })
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(1.2).stroke()
  doc.endMarkedContent()
  doc.moveDown(0.8)

  heading('H1', m.title)
  fields(m.meta)
  heading('H2', t.recipient)
  fields(m.recipient)
  heading('H2', t.decision)
  root.add(
    doc.struct('P', {}, () => {
      doc.fontSize(11.5).font(BOLD).text(`${safe(m.decisionKind)}. `, left, doc.y, { width, continued: true, lineGap: 1.5 })
      doc.font(FONT).text(safe(m.decisionSentence), { lineGap: 1.5 })
    }),
  )
  doc.x = left
  doc.moveDown(0.4)
  fields(m.amounts)
  heading('H2', t.reasons)
  for (const p of m.reasons) text(root, 'P', p)
  heading('H2', t.signatures)
  fields(m.signatures)
  if (m.fourEyes) text(root, 'P', t.fourEyes)
  heading('H2', t.screening)
  if (m.explanation.title !== null) text(root, 'P', m.explanation.title, { font: BOLD })
  for (const s of m.explanation.sections) {
    if (s.heading !== null) heading('H3', s.heading)
    blocks(root, s.blocks, 0)
  }
  doc.moveDown(0.8)
  text(root, 'P', t.otherLanguage.text, { font: OBLIQUE, lang: t.otherLanguage.lang })
  if (replaced) text(root, 'P', t.replaced, { font: OBLIQUE })
  root.end()

  // Page numbers, as pagination artifacts, in the bottom margin of every page.
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.markContent('Artifact', { type: 'Pagination' })
    doc
      .font(FONT)
      .fontSize(9)
      .text(`${safe(m.city)} · ${safe(t.caseId)} ${safe(input.caseId)} · ${t.page(i - range.start + 1, range.count)}`, left, doc.page.height - bottom + 24, {
        width,
        align: 'center',
        lineBreak: false,
      })
    doc.endMarkedContent()
    doc.page.margins.bottom = bottom
  }
  doc.end()
  return done
}
