import { createElement as h } from 'react'
import { describe, expect, it } from 'vitest'
import { FieldList, Lines, Paragraphs, renderHtmlDocument } from './index.js'

const HOSTILE = '<script>alert(1)</script><h2>Rubrik</h2>'

describe('renderHtmlDocument', () => {
  it('is a complete document in the given language, with a title, charset, print CSS and no way to load or run anything', () => {
    const html = renderHtmlDocument({ lang: 'sv', title: 'Beslut', css: '.x { color: #000 }' }, h('main', null, h('h1', null, 'Beslut')))
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv"><head><meta charSet="utf-8"\/>/)
    expect(html).toContain('<title>Beslut</title>')
    expect(html).toContain('@page { size: A4;')
    expect(html).toContain('@media print')
    expect(html).toContain('.x { color: #000 }')
    expect(html).toContain('default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;')
    expect(html).toContain('<body><main><h1>Beslut</h1></main></body></html>\n')
    for (const external of ['<script', '<link', '<img', ' src=', ' href=', 'url(', '@import']) expect(html).not.toContain(external)
  })

  it('escapes user text in the title, the body, fields and lines, so markup in it is shown as text', () => {
    const html = renderHtmlDocument(
      { lang: 'en', title: HOSTILE },
      h(
        'main',
        null,
        h('p', null, HOSTILE),
        h(FieldList, { fields: [{ label: HOSTILE, value: `"'&` }] }),
        h('p', null, h(Lines, { text: `${HOSTILE}\nline two` })),
      ),
    )
    expect(html).not.toMatch(/<script|<h2/i)
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;&lt;h2&gt;Rubrik&lt;/h2&gt;</title>')
    expect(html).toContain('<dt>&lt;script&gt;alert(1)&lt;/script&gt;&lt;h2&gt;Rubrik&lt;/h2&gt;</dt><dd>&quot;&#x27;&amp;</dd>')
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;h2&gt;Rubrik&lt;/h2&gt;<br/>line two</p>')
  })

  it('writes a date field in <time> only when it is a calendar date', () => {
    const html = renderHtmlDocument(
      { lang: 'sv', title: 't' },
      h(FieldList, {
        className: 'meta',
        fields: [
          { label: 'Datum', value: '23 november 2026', datetime: '2026-11-23' },
          { label: 'Fel', value: 'x', datetime: 'igår' },
        ],
      }),
    )
    expect(html).toContain(
      '<dl class="meta"><div><dt>Datum</dt><dd><time dateTime="2026-11-23">23 november 2026</time></dd></div><div><dt>Fel</dt><dd>x</dd></div></dl>',
    )
  })

  it('writes a user text as paragraphs and lines, never as Markdown or HTML', () => {
    const html = renderHtmlDocument({ lang: 'sv', title: 't' }, h(Paragraphs, { text: '## Rubrik?\r\n**fet?**\n\n\n  <h2>x</h2>  \n\n' }))
    expect(html).toContain('<body><p>## Rubrik?<br/>**fet?**</p><p>&lt;h2&gt;x&lt;/h2&gt;</p></body>')
  })

  it('refuses a style sheet that would close its <style> element', () => {
    expect(() => renderHtmlDocument({ lang: 'sv', title: 't', css: '</style><script>' }, null)).toThrow(/must not close its <style>/)
  })
})
