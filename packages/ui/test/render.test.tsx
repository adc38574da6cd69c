import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { sharedContacts, type Contact } from '@vbe/core/plugins'
import { InfoPanel } from '../src/components/InfoPanel.js'
import { createTranslator, fallbackChain, type Language } from '../src/i18n.js'
import { messages } from '../src/messages/index.js'
import { msg } from '../src/text.js'
import { fixtureDistrict, fixtureEntry } from '../src/stories/fixtures.js'

const translator = (lang: Language) =>
  createTranslator(
    lang,
    fallbackChain(lang).map((l) => [l, messages[l]] as const),
  )
const render = (
  lang: Language,
  contacts: readonly Contact[] = [...sharedContacts, fixtureEntry],
  now = new Date('2026-11-24T08:00:00Z'),
  heading?: string,
) =>
  renderToStaticMarkup(
    <InfoPanel
      lang={lang}
      t={translator(lang)}
      district={fixtureDistrict(contacts)}
      now={now}
      heading={heading}
      onExit={() => {}}
      onLanguageChange={() => {}}
    />,
  )

describe('InfoPanel', () => {
  it('shows the categories in the required order', () => {
    const html = render('en')
    const order = [
      'Someone is in danger right now',
      'Contact the police',
      'Your district',
      'Social services',
      'Support for relatives',
      'Support for someone who wants to leave',
      'Support for victims',
    ]
    const at = order.map((s) => html.indexOf(s))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })

  it('a category with no contact says so and points to the district entry; nothing is invented', () => {
    const html = render('en')
    expect(html).toContain('There is no checked contact for this here yet.')
    expect(html).toContain('Ask <bdi>Example district administration</bdi> instead.')
  })

  it('never shows a contact without a source', () => {
    const sourceless = {
      ...fixtureEntry,
      id: 'no-source',
      name: { sv: 'Okälla', en: 'Sourceless' },
      source: undefined,
    } as unknown as Contact
    expect(render('en', [...sharedContacts, sourceless])).not.toContain('Sourceless')
  })

  it('every contact shows its source and when it was checked', () => {
    const html = render('sv')
    const checks = html.match(/<time datetime="\d{4}-\d{2}-\d{2}">/gi) ?? []
    expect(checks).toHaveLength(sharedContacts.length + 1)
    expect(html).toContain('Källa')
  })

  it('Arabic is right to left, contact data is English with lang="en" dir="ltr", phone numbers isolated LTR', () => {
    const html = render('ar')
    expect(html).toMatch(/<section lang="ar" dir="rtl"/)
    expect(html).toContain('<p class="name" lang="en" dir="ltr">Emergency number 112</p>')
    expect(html).toContain('<bdi dir="ltr" class="num">114 14</bdi>')
    expect(html).toContain('aria-label="اتصل 114 14: 1 1 4, 1 4"')
  })

  it('Persian is right to left too; Somali and Tigrinya left to right', () => {
    expect(render('fa')).toContain('dir="rtl"')
    expect(render('so')).toMatch(/lang="so" dir="ltr"/)
    expect(render('ti')).toMatch(/lang="ti" dir="ltr"/)
  })

  it('a closed line says when it opens and points to 112 and 114 14', () => {
    const html = render('en', [...sharedContacts, fixtureEntry], new Date('2026-11-27T17:00:00Z'))
    expect(html).toContain('Closed now.')
    expect(html).toContain('Opens on Monday at <bdi dir="ltr" class="num">08:00</bdi>.')
    expect(html).toContain('If someone is in danger now, call <bdi dir="ltr" class="num">112</bdi>.')
  })

  it('a host-chosen heading is text, never HTML', () => {
    const html = render('en', sharedContacts, undefined, '<img src=x onerror=alert(1)>')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<img')
  })

  it('a missing translation falls back with the right lang attribute, never a key', () => {
    const t = createTranslator('ti', [
      ['ti', { ...messages.ti, intro: undefined }],
      ['en', messages.en],
    ] as never)
    const html = renderToStaticMarkup(<InfoPanel lang="ti" t={t} district={fixtureDistrict(sharedContacts)} now={new Date()} />)
    expect(html).toContain(`<span lang="en" dir="ltr">${messages.en.intro}</span>`)
    expect(html).not.toMatch(/>intro</)
  })
})

describe('msg()', () => {
  it("gives a text in the reader's language without placeholders as a plain string, anything else as nodes", () => {
    const t = createTranslator('so', [
      ['so', { title: 'Cinwaan', missingAsk: 'Weydii {name}.' }],
      ['en', { intro: 'Intro' }],
    ])
    expect(msg(t, 'title')).toBe('Cinwaan')
    expect(renderToStaticMarkup(<p>{msg(t, 'intro')}</p>)).toBe('<p><span lang="en" dir="ltr">Intro</span></p>')
    expect(renderToStaticMarkup(<p>{msg(t, 'missingAsk', { name: <bdi>X</bdi> })}</p>)).toBe('<p>Weydii <bdi>X</bdi>.</p>')
    expect(msg(t, 'privacy')).toBeNull()
  })
})
