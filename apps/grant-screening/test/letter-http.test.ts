import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPdfText } from '@vbe/server-kit/documents'
import { demoApplication } from '../src/index.js'
import { startTestServer, type Client, type TestServer } from './support/server.js'

/*
 * The decision letter over real HTTP, with user text that looks like markup: the HTML
 * letter shows it as text (React escapes it), and the PDF is a real, non-trivial PDF.
 */

const clock = { now: () => new Date('2026-11-22T10:00:00Z') }
const NAME = 'Förening <script>alert(1)</script><h2>Falsk rubrik</h2>'
const REASONS = 'Skäl <h2>inte en rubrik</h2>\n<script>alert(2)</script> & "citat"'

describe('the decision letter over HTTP, with markup in user text', () => {
  let server: TestServer
  let officer: Client
  let id: string

  beforeAll(async () => {
    server = await startTestServer({ database: 'pglite', clock })
    officer = await server.login('officer.rk')
    const base = demoApplication('t-markup')
    const created = await officer.json('POST', '/api/cases', { application: { ...base, association: { ...base.association, name: NAME } } })
    expect(created.status).toBe(201)
    id = created.body.id as string
    await officer.json('POST', `/api/cases/${id}/conflict`, { conflict: false })
    const decided = await officer.json('POST', `/api/cases/${id}/decision`, { kind: 'approve', reasons: REASONS, letterLocale: 'sv' })
    expect(decided.body).toMatchObject({ status: 'decided' })
  })
  afterAll(() => server?.stop())

  it('escapes the association name and the officer’s reasons in the HTML letter', async () => {
    const res = await officer.request('GET', `/api/cases/${id}/letter?format=html`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/)
    expect(html).not.toMatch(/<script/i)
    expect(html.match(/<h2[ >]/g)).toHaveLength(5) // the letter's own five section headings, none from user text
    expect(html).toContain('Förening &lt;script&gt;alert(1)&lt;/script&gt;&lt;h2&gt;Falsk rubrik&lt;/h2&gt;')
    expect(html).toContain(
      '<p>Skäl &lt;h2&gt;inte en rubrik&lt;/h2&gt;<br/>&lt;script&gt;alert(2)&lt;/script&gt; &amp; &quot;citat&quot;</p>',
    )
    expect(html).toContain('>Prövning mot villkoren</h2>')
  })

  it('writes the PDF letter with the same text, as text', async () => {
    const res = await officer.request('GET', `/api/cases/${id}/letter?format=pdf&lang=en`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const pdf = new Uint8Array(await res.arrayBuffer())
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(pdf.byteLength).toBeGreaterThan(5000)
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Lang (en-GB)')
    const text = readPdfText(pdf)
    expect(text).toContain('Förening <script>alert(1)</script><h2>Falsk rubrik</h2>')
    expect(text).toContain('Skäl <h2>inte en rubrik</h2>')
    expect(text).toContain('Decision on an association grant')
    expect(text).toMatch(/Page 1 of \d/)
  })
})
