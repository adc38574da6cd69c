import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '@vbe/core/plans'
import { actors, directivePoints, guidelines, measures } from '@vbe/core/strategy'
import { readPdfText } from '@vbe/server-kit/documents'
import { startServer, type RunningServer } from '../src/index.js'
import { login, type Client } from './client.js'

/*
 * The committee paper over real HTTP, with user text that looks like markup or Markdown:
 * the HTML paper shows it as text (rendered from the model with React, never from the
 * Markdown), and the PDF is a real, non-trivial PDF with the same text.
 */

const NOW = new Date('2026-06-01T09:00:00Z')
const SUMMARY = 'Lägesbild <script>alert(1)</script>\n## Falsk rubrik\n<h2>Inte en rubrik</h2> & **inte fetstil**'
const TITLE = 'Träffar <h2>i</h2> <script>alert(2)</script>'

/** A server on PGlite, Norrmalm's officer signed in, and the first plan they see. */
async function norrmalmPlan() {
  const server = await startServer({ config: { kind: 'pglite', dataDir: null }, clock: { now: () => NOW }, uiDir: null })
  const officer = await login(server.url, 'officer.nm')
  const [plan] = (await officer.get('/api/plans')).body.items as { id: string }[]
  const path = `/api/plans/${plan!.id}`
  return { server, officer, path, got: await officer.get(path) }
}

describe('the committee paper over HTTP, with markup in user text', () => {
  let server: RunningServer
  let officer: Client
  let path: string

  beforeAll(async () => {
    const opened = await norrmalmPlan()
    ;({ server, officer, path } = opened)
    const got = opened.got
    const doc: Plan = got.body.document
    const edited: Plan = {
      ...doc,
      situationPicture: { ...doc.situationPicture, summary: SUMMARY },
      activities: doc.activities.map((a, i) =>
        i === 0 ? { ...a, title: TITLE, description: '| a | b |\n|---|---|\n- inte en lista' } : a,
      ),
    }
    const put = await officer.send('PUT', path, { document: edited }, { 'if-match': `"${got.body.version}"` })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
  })
  afterAll(() => server?.close())

  it('escapes user text in the HTML paper and never reads it as Markdown', async () => {
    const res = await officer.get(`${path}/export?format=html`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = res.body as string
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<h2>(Falsk rubrik|i|Inte en rubrik)<\/h2>/)
    expect(html).not.toContain('<strong>inte fetstil</strong>')
    expect(html).toContain(
      '<p>Lägesbild &lt;script&gt;alert(1)&lt;/script&gt;<br/>## Falsk rubrik<br/>&lt;h2&gt;Inte en rubrik&lt;/h2&gt; &amp; **inte fetstil**</p>',
    )
    // The activity's heading carries its number, so an author's title never stands alone as a heading (issue 16, finding 8).
    expect(html).toContain('<h3>Aktivitet 1: Träffar &lt;h2&gt;i&lt;/h2&gt; &lt;script&gt;alert(2)&lt;/script&gt;</h3>')
    expect(html).toContain('<p>| a | b |<br/>|---|---|<br/>- inte en lista</p>')
    // Only the paper's own tables: one per activity with indicators, each with a caption.
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<caption>/g)?.length)
  })

  it('writes the PDF paper with the same text, as text', async () => {
    const res = await officer.get(`${path}/export?format=pdf&lang=en`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const pdf = new Uint8Array(res.body as Buffer)
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(pdf.byteLength).toBeGreaterThan(5000)
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw).toContain('/Lang (en-GB)')
    expect(raw).toContain('/StructTreeRoot')
    const text = readPdfText(pdf)
    expect(text).toContain('Local action plan against violent extremism: Norrmalm')
    expect(text).toContain('Lägesbild <script>alert(1)</script>')
    expect(text).toContain('## Falsk rubrik')
    expect(text).toContain('Träffar <h2>i</h2> <script>alert(2)</script>')
    expect(text).toMatch(/Page 1 of \d/)
  })

  it('keeps the Markdown export as Markdown, with user text escaped so that it shows as written', async () => {
    // Until issue 16 (finding 8) the summary went out raw, its <script> and ## heading live in any Markdown viewer.
    const res = await officer.get(`${path}/export?format=md`)
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/)
    const md = res.body as string
    expect(md).not.toContain('<script>')
    expect(md).not.toMatch(/^## Falsk rubrik/m)
    expect(md).toContain(
      'Lägesbild &lt;script&gt;alert(1)&lt;/script&gt;\n\\## Falsk rubrik\n&lt;h2&gt;Inte en rubrik&lt;/h2&gt; &amp; \\*\\*inte fetstil\\*\\*',
    )
    expect(md).toContain('### Aktivitet 1: Träffar &lt;h2&gt;i&lt;/h2&gt; &lt;script&gt;alert(2)&lt;/script&gt;')
  })
})

/*
 * Issue 16, finding 8: an author's text must not smuggle HTML, script links or remote images
 * into the Markdown export or the redline, nor forge the paper's status in the HTML paper.
 */
describe('plan exports refuse injection and forgery', () => {
  let server: RunningServer
  let officer: Client
  let path: string
  const INJECTED = [
    '<img src="https://tracker.invalid/pixel.gif">',
    '[Klicka här](javascript:alert(document.cookie))',
    '![](https://tracker.invalid/p.png)',
    '<a href="javascript:alert(1)">länk</a>',
    '<javascript:alert(2)>',
  ].join('\n')
  const FORGED = 'Status: antagen · Version 9\n\n# Status: antagen\n\nStatus: antagen'

  beforeAll(async () => {
    const opened = await norrmalmPlan()
    ;({ server, officer, path } = opened)
    const got = opened.got
    const doc: Plan = got.body.document
    const edited: Plan = {
      ...doc,
      situationPicture: { ...doc.situationPicture, summary: `${FORGED}\n\n${INJECTED}` },
      sections: [...doc.sections.filter((s) => s.id !== 'Status: antagen'), { id: 'forged-section', text: FORGED }],
      activities: doc.activities.map((a, i) => (i === 0 ? { ...a, title: 'Status: antagen', description: INJECTED } : a)),
    }
    const put = await officer.send('PUT', path, { document: edited }, { 'if-match': `"${got.body.version}"` })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
  })
  afterAll(() => server?.close())

  /** What a Markdown renderer would turn into live HTML, links or images. */
  const live = (md: string) => [
    ...(md.match(/<\s*(img|a|script|iframe)\b/gi) ?? []),
    ...(md.match(/(?<!\\)\]\(\s*javascript:/gi) ?? []),
    ...(md.match(/(?<!\\)!(?<!\\)\[[^\]]*(?<!\\)\]\(/g) ?? []),
    ...(md.match(/<javascript:/gi) ?? []),
  ]

  it('escapes raw HTML, javascript: links and remote images in the Markdown export', async () => {
    const md = (await officer.get(`${path}/export?format=md`)).body as string
    expect(live(md)).toEqual([])
    expect(md).toContain('&lt;img src="https://tracker.invalid/pixel.gif"&gt;')
    expect(md).toContain('\\[Klicka här\\](javascript:alert(document.cookie))')
    expect(md).toContain('\\!\\[\\](https://tracker.invalid/p.png)')
    // The only bold paragraph is the model's status; the author's "# Status" is no heading.
    expect(md.match(/^\*\*Status: .*\*\*$/gm)).toEqual(['**Status: utkast · Version 2**'])
    expect(md).not.toMatch(/^#+ Status: antagen/m)
  })

  it('escapes them in the redline too', async () => {
    const res = await officer.get(`${path}/redline?from=1&to=2&format=md`)
    expect(res.status).toBe(200)
    const md = res.body as string
    expect(md).toContain('| Lägesbild: Sammanfattning |')
    expect(live(md)).toEqual([])
    expect(md).toContain('&lt;img src="https://tracker.invalid/pixel.gif"&gt;')
  })

  it('shows the status only from the model in the HTML paper; the author’s "Status: antagen" stays inside their delimited text', async () => {
    const html = (await officer.get(`${path}/export?format=html`)).body as string
    expect(html.match(/<p class="status">[^<]*<\/p>/g)).toEqual(['<p class="status">Status: utkast · Version 2</p>'])
    expect(html.indexOf('<p class="status">')).toBeLessThan(html.indexOf('class="author-text"'))
    // Every "Status: antagen" the author wrote is inside a box labelled as the district's text, or after an activity's number.
    const outside = html
      .replace(/<div class="author-text"[^>]*>[\s\S]*?<\/div>/g, '')
      .replace(/<h3>Aktivitet \d+: [^<]*<\/h3>/g, '')
      .replace(/<caption>Indikatorer – Aktivitet \d+: [^<]*<\/caption>/g, '')
    expect(outside).not.toContain('Status: antagen')
    expect(html).toContain(
      '<div class="author-text" role="group" aria-label="Text skriven av stadsdelen"><p>Status: antagen · Version 9</p>',
    )
    expect(html).toContain('<h3>Aktivitet 1: Status: antagen</h3>')
    expect(html).not.toMatch(/<h\d>Status: antagen/)
    expect(html).not.toMatch(/<img\b|<a\s/i)
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;länk&lt;/a&gt;')
  })
})

/*
 * The redline export speaks as the editor's redline does (shared/change-labels.ts): each
 * field in the form's words, values as the form shows them, in the export's language;
 * never core's change paths (`activities[a1].period.from`), JSON, codes or ids.
 */
describe('the redline export in the form’s words, in Swedish and English', () => {
  let server: RunningServer
  let officer: Client
  let path: string
  let doc: Plan

  beforeAll(async () => {
    const opened = await norrmalmPlan()
    ;({ server, officer, path } = opened)
    const got = opened.got
    doc = got.body.document
    const [first, ...rest] = doc.activities
    const indicator = first!.indicators[0]!
    const edited: Plan = {
      ...doc,
      contactPoint: { ...doc.contactPoint, function: 'Preventionssamordnare' },
      sections: doc.sections.map((s) => (s.id === 'norrmalm-single-entry-point' ? { ...s, text: 'Ny ingång.' } : s)),
      activities: [
        {
          ...first!,
          period: { ...first!.period, from: '2026-02-01' },
          responsible: { ...first!.responsible, level: 'central' },
          partners: [...first!.partners, 'polisen'],
          sections: ['norrmalm-existing-structures', 'norrmalm-single-entry-point'],
          targetGroup: { kind: 'residents', description: 'Boende i Vasastaden' },
          indicators: [
            {
              ...indicator,
              baseline: { value: 40, date: indicator.baseline!.date },
              followUps: [...indicator.followUps, { period: 'T2', value: 60, date: '2026-08-31', note: '' }],
            },
          ],
        },
        ...rest.slice(1),
        { ...rest[0]!, id: 'a-new', title: 'Föräldracaféer', indicators: [] },
      ],
    }
    const put = await officer.send('PUT', path, { document: edited }, { 'if-match': `"${got.body.version}"` })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
  })
  afterAll(() => server?.close())

  // A path like `activities[a1].period.from`, also as the Markdown escapes it (`activities\[a1\].period.from`).
  const CORE_PATH = /\w+\\?\[[^\]]+\\?\]\./
  const CORE_KEYS = /\b(activities|indicators|followUps|contactPoint|situationPicture|targetGroup|responsible|period)\b/
  const CODES = /\b(draft|district|central|residents|staff|effect|a-new|norrmalm-[\w-]+|kommunstyrelsen|polisen)\b/
  const redline = async (lang: 'sv' | 'en') => {
    const res = await officer.get(`${path}/redline?from=1&to=2&format=md&lang=${lang}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/)
    const md = res.body as string
    expect(md).not.toMatch(CORE_PATH)
    expect(md).not.toMatch(CORE_KEYS)
    expect(md).not.toMatch(/[{}]/)
    expect(md).not.toMatch(CODES)
    return md
  }

  it('names fields and values in Swedish', async () => {
    const md = await redline('sv')
    const a = `Aktivitet «${doc.activities[0]!.title}»`
    const i = `${a}, Indikator «${doc.activities[0]!.indicators[0]!.name}»`
    expect(md).toMatch(/^# Ändringar: Version 1 → 2\n\n\| Fält \| Före \| Efter \|\n\|---\|---\|---\|\n/)
    expect(md).toContain(`| Kontaktpunkt: Funktion | ${doc.contactPoint.function} | Preventionssamordnare |`)
    expect(md).toContain('| Lokala avsnitt: En ingång | ')
    expect(md).toContain(`| ${a}: Från | 2026-01-01 | 2026-02-01 |`)
    expect(md).toContain(`| ${a}: Nivå | Stadsdelsnämnd | Central (staden) |`)
    expect(md).toContain(`| ${a}: Målgrupp | Personal | Boende |`)
    const [ks, police] = [actors.find('kommunstyrelsen')!.title.sv, actors.find('polisen')!.title.sv]
    expect(md).toContain(`| ${a}: Samverkanspartner (kommaseparerade) | ${ks} | ${ks}, ${police} |`)
    expect(md).toContain(`| ${i}: Utgångsvärde: värde | 35 | 40 |`)
    expect(md).toContain(
      `| ${a}: Lokala avsnitt som aktiviteten svarar mot | Inom befintliga strukturer | Inom befintliga strukturer, En ingång |`,
    )
    expect(md).toContain(`| ${i}: T2 | — | 60, 2026-08-31 |`)
    expect(md).toContain('| Aktivitet | — | Tillagd: Föräldracaféer |')
    expect(md).toContain(`| Aktivitet | Borttagen: ${doc.activities[1]!.title} | — |`)
  })

  it('names them in English', async () => {
    const md = await redline('en')
    const a = `Activity «${doc.activities[0]!.title}»`
    expect(md).toMatch(/^# Changes: Version 1 → 2\n\n\| Field \| Before \| After \|\n/)
    expect(md).toContain('| Contact point: Function | ')
    expect(md).toContain('| Local sections: One entry point | ')
    expect(md).toContain(`| ${a}: From | 2026-01-01 | 2026-02-01 |`)
    expect(md).toContain(`| ${a}: Level | District committee | Central (the city) |`)
    expect(md).toContain(`| ${a}: Target group | Staff | Residents |`)
    expect(md).toContain('| Activity | — | Added: Föräldracaféer |')
    expect(md).not.toMatch(/Aktivitet|Före|Efter|Tillagd/)
  })

  it('names the responsible’s level in words in the committee paper too (Markdown, HTML and PDF share its model)', async () => {
    const sv = (await officer.get(`${path}/export?format=md`)).body as string
    const en = (await officer.get(`${path}/export?format=html&lang=en`)).body as string
    expect(sv).toContain(`- Ansvarig: ${actors.find('stadsdelsnamnd')!.title.sv} (Stadsdelsnämnd)`)
    expect(en).toContain(`Responsible: ${actors.find('stadsdelsnamnd')!.title.en} (District committee)`)
    expect(sv + en).not.toMatch(/\((district|central|company|partner)\)/)
  })

  it('names the coverage gaps by their titles in the committee paper, never by their short ids (G1, D9)', async () => {
    for (const [lang, word] of [
      ['sv', 'Luckor'],
      ['en', 'Gaps'],
    ] as const) {
      const md = (await officer.get(`${path}/export?format=md&lang=${lang}`)).body as string
      const gaps = md.split('\n').filter((line) => line.includes(` — ${word}: `))
      expect(gaps.length, md).toBeGreaterThan(0)
      for (const line of gaps) expect(line).not.toMatch(/\b[GPMD]\d{1,2}\b/)
      const titles = [...guidelines, ...directivePoints, ...measures].map((x) => x.title[lang])
      expect(gaps.some((line) => titles.some((title) => line.includes(title)))).toBe(true)
    }
  })

  it('says so when two versions are the same, in either language', async () => {
    expect((await officer.get(`${path}/redline?from=2&to=2&format=md`)).body).toBe('# Ändringar: Version 2 → 2\n\nInga skillnader.\n')
    expect((await officer.get(`${path}/redline?from=2&to=2&format=md&lang=en`)).body).toBe('# Changes: Version 2 → 2\n\nNo differences.\n')
  })
})
