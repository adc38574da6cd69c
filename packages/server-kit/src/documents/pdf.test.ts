import { describe, expect, it } from 'vitest'
import { pdfSafeText, PdfWriter, readPdfText } from './index.js'

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('latin1')

function sample(compress: boolean, extra: (w: PdfWriter) => void = () => {}): Promise<Uint8Array> {
  const w = new PdfWriter({ lang: 'sv-SE', title: 'Beslut – Kista Ungdomsförening', creator: '@vbe/test', compress })
  w.paragraph('Stockholms stad', { bold: true, size: 14, gapAfter: 0 })
  w.rule()
  w.heading(1, 'Beslut om föreningsbidrag')
  w.fields([{ label: 'Ärende', value: 'case-17' }])
  w.lead('Avslag. ', 'Ansökan avslås.')
  w.list(
    [
      { text: 'Demokrativillkoret (inte uppfyllt)', bold: true, body: () => w.paragraph('Skälet.').list([{ text: 'En källa' }]) },
      { text: 'Andra' },
    ],
    { ordered: true },
  )
  w.table({ header: ['Indikator', 'Målvärde'], rows: [['Andel unga i föreningar', '40 %']], widths: [3, 1] })
  w.paragraph('In English.', { italic: true, lang: 'en' })
  extra(w)
  return w.end((n, of) => `Sida ${n} av ${of}`)
}

describe('PdfWriter', () => {
  it('writes a tagged A4 PDF with title, language, headings, lists, a table and page numbers', async () => {
    const pdf = await sample(false)
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw.startsWith('%PDF-1.7')).toBe(true)
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true)
    expect(raw).toContain('/Lang (sv-SE)')
    expect(raw).toContain('/DisplayDocTitle true')
    expect(raw).toContain('/MarkInfo')
    expect(raw).toContain(utf16be('Beslut – Kista Ungdomsförening'))
    for (const tag of ['/H1', '/P', '/L', '/LI', '/Lbl', '/LBody', '/Table', '/TR', '/TH', '/TD']) expect(raw).toContain(`/S ${tag}`)
    expect(raw).toContain('/Lang (en)')
    const text = readPdfText(pdf)
    for (const line of [
      'Stockholms stad',
      'Beslut om föreningsbidrag',
      'Ärende: ',
      'case-17',
      'Avslag. ',
      '1.',
      'Demokrativillkoret (inte uppfyllt)',
      'Skälet.',
      'En källa',
      'Indikator',
      'Andel unga i föreningar',
      '40 %',
      'Sida 1 av 1',
    ]) {
      expect(text).toContain(line)
    }
  })

  it('compresses by default and is more than a stub', async () => {
    const pdf = await sample(true)
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw.startsWith('%PDF-')).toBe(true)
    expect(raw).toContain('/FlateDecode')
    expect(raw).not.toContain('Beslut om f')
    expect(pdf.byteLength).toBeGreaterThan(3000)
    expect(readPdfText(pdf)).toBe(readPdfText(await sample(false)))
  })

  it('numbers every page of a long document', async () => {
    const pdf = await sample(false, (w) => {
      for (let i = 1; i <= 60; i++) w.paragraph(`Stycke ${i}. ${'Föreningen har lämnat in underlag. '.repeat(8)}`)
    })
    const text = readPdfText(pdf)
    const pages = Number(/Sida 1 av (\d+)/.exec(text)?.[1])
    expect(pages).toBeGreaterThan(2)
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Sida ${n} av ${pages}`)
    expect(text).toContain('Stycke 60.')
  })

  it('writes markup as text and says when a character had to become ?', async () => {
    const w = new PdfWriter({ lang: 'en-GB', title: 't', creator: '@vbe/test', compress: false })
    w.paragraph('<script>alert(1)</script><h2>x</h2>')
    expect(w.replaced).toBe(false)
    w.paragraph('北京')
    expect(w.replaced).toBe(true)
    const text = readPdfText(await w.end())
    expect(text).toContain('<script>alert(1)</script><h2>x</h2>')
    expect(text).toContain('??')
  })
})

describe('pdfSafeText', () => {
  it('keeps Swedish and other Latin-1 and WinAnsi text, strips accents the fonts lack, and marks the rest', () => {
    expect(pdfSafeText('Åsa Öberg, Élise – ”citat” €5 § 1')).toEqual({ text: 'Åsa Öberg, Élise – ”citat” €5 § 1', replaced: false })
    expect(pdfSafeText('Łukasz Dvořák\tAyşe')).toEqual({ text: 'Lukasz Dvorák Ayse', replaced: false })
    expect(pdfSafeText('أحمد 😀')).toEqual({ text: '???? ?', replaced: true })
  })
})
