import PDFDocument from 'pdfkit'
import { type LetterInput, type LetterPdfOptions } from './texts.js'
import { letterModel, type Field } from './model.js'
import { type ExplanationBlock } from './explanation.js'

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
