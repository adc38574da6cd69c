import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '@vbe/core/plans'
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

describe('the committee paper over HTTP, with markup in user text', () => {
  let server: RunningServer
  let officer: Client
  let path: string

  beforeAll(async () => {
    server = await startServer({ config: { kind: 'pglite', dataDir: null }, clock: { now: () => NOW }, uiDir: null })
    officer = await login(server.url, 'officer.nm')
    const [plan] = (await officer.get('/api/plans')).body.items as { id: string }[]
    path = `/api/plans/${plan!.id}`
    const got = await officer.get(path)
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
    expect(html).toContain('<h3>Träffar &lt;h2&gt;i&lt;/h2&gt; &lt;script&gt;alert(2)&lt;/script&gt;</h3>')
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

  it('keeps the Markdown export as Markdown, with the text as the user wrote it', async () => {
    const res = await officer.get(`${path}/export?format=md`)
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/)
    expect(res.body).toContain(SUMMARY)
    expect(res.body).toContain(`### ${TITLE}`)
  })
})
