/**
 * <vbe-info> in Chromium: where its data comes from and what it refuses. Signed data that
 * updates centrally, the minimal snippet, a stripped template, tampered files, runtime
 * freshness, privacy and CSP, open-now at fixed clock times, and the no-JavaScript list.
 */
import { describe, expect, it } from 'vitest'
import { defineDistrictPlugin } from '@vbe/core/plugins'
import { districtPlugins } from '../src/content.js'
import { browserSuite, cspViolations, panelText } from './browser.js'
import { fixturePlugin, hostPage } from './support.js'

const MINIMAL = '<script type="module" src="/widget/vbe-info.js"></script><vbe-info district="rinkeby-kista" lang="sv"></vbe-info>'

const suite = browserSuite(({ snippet }) => {
  const pages: Record<string, { html: string; csp?: string | null }> = {}
  pages['/t/en.html'] = { html: hostPage(snippet('rinkeby-kista', 'en')) }
  pages['/t/sv.html'] = { html: hostPage(snippet('rinkeby-kista', 'sv')) }
  pages['/t/ar.html'] = { html: hostPage(snippet('rinkeby-kista', 'ar')) }
  pages['/t/fixture.html'] = { html: hostPage(snippet('test-fixture', 'en')) }
  pages['/t/minimal.html'] = { html: hostPage(MINIMAL) }
  pages['/t/no-template.html'] = { html: hostPage(snippet('rinkeby-kista', 'en').replace(/<template>[^]*<\/template>\n/, '')) }
  // markup elsewhere on the page (a comment field, say) that poses as a widget with made-up data
  const fake = snippet('rinkeby-kista', 'en')
    .replace(/^<script[^>]*><\/script>\n/, '')
    .replaceAll('Emergency number 112', 'FAKE NUMBER')
  pages['/t/impostor.html'] = { html: hostPage(`${fake}\n${snippet('rinkeby-kista', 'en')}`) }
  return pages
})

/** The fixture district as a later release publishes it: its phone number has changed. */
const changedFixture = defineDistrictPlugin({
  ...fixturePlugin,
  contacts: fixturePlugin.contacts.map((c) => ({ ...c, phone: '08-111 22 333' })),
})

describe('<vbe-info> data', () => {
  it('shows the contacts in order, each with its source and date, and no invented exit support', async () => {
    const { page, context } = await suite.open('/t/en.html')
    const text = await panelText(page)
    const order = [
      'Emergency number 112',
      'The police, 114 14',
      'Järva district administration',
      'Reporting concern about a child',
      'The worry line on radicalisation',
      'Support for someone who wants to leave',
      'Victim Support Sweden',
    ]
    const at = order.map((s) => text.indexOf(s))
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(text).toContain(
      'There is no checked contact for this here yet. Ask Järva district administration (formerly Rinkeby-Kista) instead.',
    )
    const cards = await page.evaluate(() =>
      [...document.querySelector('vbe-info')!.shadowRoot!.querySelectorAll('.card')].map(
        (c) => !!c.querySelector('time[datetime]') && c.textContent!.includes('Source'),
      ),
    )
    expect(cards.length).toBe(6)
    expect(cards.every(Boolean)).toBe(true)
    expect(text).not.toContain('last checked on') // current data: no freshness warning
    await context.close()
  })

  it('works under a strict CSP with no violation events, and loads nothing from other origins; no cookies or storage', async () => {
    const { page, context, requests } = await suite.open('/t/sv.html')
    // switch language too, so an on-demand language file is loaded as well
    await page.locator('vbe-info select').selectOption('fa')
    await page.waitForFunction(() => document.querySelector('vbe-info')!.shadowRoot!.querySelector('section')!.lang === 'fa')
    expect(await cspViolations(page)).toEqual([])
    const origins = new Set(requests.map((u) => new URL(u).origin))
    expect([...origins]).toEqual([suite.site.origin])
    // the first screen's texts came inline with the snippet: only the language switched to is loaded
    expect(requests.filter((u) => u.includes('/widget/i18n/')).map((u) => u.split('/').pop())).toEqual(['fa.json'])
    // the district's current signed data is fetched once, to check for anything newer than the snippet's
    expect(requests.filter((u) => u.includes('/widget/districts/')).map((u) => new URL(u).pathname)).toEqual([
      '/widget/districts/rinkeby-kista.json',
    ])
    expect(await context.cookies()).toEqual([])
    const storage = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    }))
    expect(storage).toEqual({ cookie: '', local: 0, session: 0, idb: 0, caches: 0 })
    await context.close()
  })

  it('with inline data, shows its first screen before its data request is answered', async () => {
    let release: () => void = () => {}
    const held = new Promise<void>((r) => (release = r))
    const { page, context, requests } = await suite.open('/t/ar.html', {
      setup: (p) => p.route('**/widget/districts/**', async (route) => (await held, route.continue())),
    })
    // the panel is up (open() waited for it) while the district file is still held back, and nothing else was asked for
    expect(await page.evaluate(() => document.querySelector('vbe-info')!.shadowRoot!.querySelector('h2')!.textContent)).not.toBe('')
    await expect
      .poll(() => requests.filter((u) => u.includes('/widget/')).map((u) => new URL(u).pathname))
      .toEqual(['/widget/vbe-info.js', '/widget/districts/rinkeby-kista.json'])
    release()
    await context.close()
  })

  it('the minimal snippet (script + element, no list, no template) renders from the signed data beside the script', async () => {
    const { page, context } = await suite.open('/t/minimal.html')
    const text = await panelText(page)
    expect(text).toContain('Nödnumret 112')
    expect(text).toContain('Järva stadsdelsförvaltning')
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  it('a snippet whose <template> was stripped renders from the signed data beside the script', async () => {
    const { page, context } = await suite.open('/t/no-template.html')
    expect(await panelText(page)).toContain('Emergency number 112')
    await context.close()
  })

  it('a tampered data file is refused: the fallback list stays, nothing from the file is shown', async () => {
    const { page, context } = await suite.open('/t/no-template.html', {
      waitForPanel: false,
      setup: (p) =>
        p.route('**/widget/districts/rinkeby-kista.json', async (route) => {
          const body = await (await route.fetch()).text()
          expect(body).toContain('08-508 01 000')
          await route.fulfill({ status: 200, contentType: 'application/json', body: body.replace('08-508 01 000', '08-666 66 666') })
        }),
    })
    await page.waitForEvent('console', { predicate: (m) => m.type() === 'warning' && m.text().includes('signature') })
    const shadow = await page.evaluate(() => {
      const root = document.querySelector('vbe-info')!.shadowRoot
      return { root: !!root, section: !!root?.querySelector('section') }
    })
    // no shadow root at all: the widget makes one only when it has verified data to show
    expect(shadow).toEqual({ root: false, section: false })
    await expect(page.locator('vbe-info h2').isVisible()).resolves.toBe(true)
    expect(await page.content()).not.toContain('666')
    await context.close()
  })

  it('an unsigned data file (plain contacts JSON, as before) is refused too', async () => {
    const { page, context } = await suite.open('/t/minimal.html', {
      waitForPanel: false,
      setup: (p) =>
        p.route('**/widget/districts/rinkeby-kista.json', async (route) => {
          const { payload } = JSON.parse(await (await route.fetch()).text()) as { payload: string }
          await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(JSON.parse(payload).district) })
        }),
    })
    await page.waitForEvent('console', { predicate: (m) => m.type() === 'warning' && m.text().includes('signature') })
    expect(await page.evaluate(() => !!document.querySelector('vbe-info')!.shadowRoot?.querySelector('section'))).toBe(false)
    await context.close()
  })

  it('uses only verified data: an element carrying made-up inline data shows the signed data instead', async () => {
    const { page, context } = await suite.open('/t/impostor.html')
    await page.waitForFunction(() =>
      [...document.querySelectorAll('vbe-info')].every((el) => el.shadowRoot?.querySelector('section')?.textContent?.includes('112')),
    )
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('vbe-info')].map((el) => el.shadowRoot!.querySelector('section')!.textContent),
    )
    // the impostor's altered inline data fails its signature: it shows the signed data from the server
    expect(texts[0]).not.toContain('FAKE NUMBER')
    expect(texts[0]).toContain('Emergency number 112')
    expect(texts[1]).not.toContain('FAKE NUMBER')
    expect(texts[1]).toContain('Emergency number 112')
    await context.close()
  })

  it('inline data that fails its check: the fallback list stays visible while the signed data is fetched', async () => {
    let release: () => void = () => {}
    const held = new Promise<void>((r) => (release = r))
    const { page, context } = await suite.open('/t/impostor.html', {
      waitForPanel: false,
      setup: (p) => p.route('**/widget/districts/**', async (route) => (await held, route.continue())),
    })
    // the real widget (second) shows its verified inline data; the impostor (first) keeps its list, visible
    await page.waitForFunction(() => !!document.querySelectorAll('vbe-info')[1]?.shadowRoot?.querySelector('section'))
    await expect(page.locator('vbe-info').first().locator('h2').first().isVisible()).resolves.toBe(true)
    release()
    await page.waitForFunction(() => !!document.querySelector('vbe-info')?.shadowRoot?.querySelector('section'))
    await context.close()
  })

  it('a contact changed on the server shows on a page whose snippet still carries the old data (same script, same SRI)', async () => {
    const before = suite.site.build.files['vbe-info.js']?.integrity
    const after = await suite.site.rebuild([...districtPlugins, changedFixture])
    try {
      expect(after.files['vbe-info.js']?.integrity).toBe(before)
      const { page, context } = await suite.open('/t/fixture.html')
      const html = await page.content()
      expect(html).toContain('08-000 00 000') // the snippet's fallback and inline data are the old ones
      await page.waitForFunction(() => document.querySelector('vbe-info')!.shadowRoot!.textContent!.includes('08-111 22 333'))
      const text = await panelText(page)
      expect(text).not.toContain('08-000 00 000')
      await context.close()
    } finally {
      await suite.site.rebuild([...districtPlugins, fixturePlugin])
    }
  })

  it('stale data (oldest check > 12 months ago) still shows the contacts, with the date last checked and 112 / 114 14', async () => {
    const { page, context } = await suite.open('/t/fixture.html', { setup: (p) => p.clock.setFixedTime(new Date('2028-01-10T10:00:00Z')) })
    await page.waitForFunction(() => !!document.querySelector('vbe-info')!.shadowRoot!.querySelector('.stale'))
    const stale = await page.evaluate(() => {
      const root = document.querySelector('vbe-info')!.shadowRoot!
      return { text: root.querySelector('.stale')!.textContent, date: root.querySelector('.stale time')!.getAttribute('datetime') }
    })
    expect(stale.date).toBe('2026-11-01')
    expect(stale.text).toBe(
      'These contact details were last checked on 2026-11-01 and may have changed. If someone is in danger now, call 112. If it is not urgent, call the police on 114 14.',
    )
    expect(await panelText(page)).toContain('Test district administration')
    await context.close()
  })

  describe('open now, at fixed clock times (Stockholm)', () => {
    const at = async (iso: string) => {
      const { page, context } = await suite.open('/t/fixture.html', { setup: (p) => p.clock.setFixedTime(new Date(iso)) })
      const status = await page.evaluate(
        () => document.querySelector('vbe-info')!.shadowRoot!.querySelector('.municipal-entry .status')!.textContent,
      )
      await context.close()
      return status
    }
    it('Tuesday 09:00: open', async () => {
      expect(await at('2026-11-24T08:00:00Z')).toContain('Open now, until 16:00')
    })
    it('Friday 18:00: closed, opens Monday, points to 112 and 114 14', async () => {
      const s = await at('2026-11-27T17:00:00Z')
      expect(s).toContain('Closed now. Opens on Monday at 08:00.')
      expect(s).toContain('If someone is in danger now, call 112. If it is not urgent, call the police on 114 14.')
    })
    it('Good Friday 10:00 (a public holiday): closed, opens Tuesday after Easter', async () => {
      expect(await at('2026-04-03T08:00:00Z')).toContain('Closed now. Opens on Tuesday at 08:00.')
    })
    it('Monday 07:00: opens later today', async () => {
      expect(await at('2026-11-30T06:00:00Z')).toContain('Opens today at 08:00.')
    })
  })

  it('with JavaScript off, the light-DOM contact list is what people get', async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${suite.site.origin}/t/en.html`)
    await expect(page.locator('vbe-info h2').isVisible()).resolves.toBe(true)
    const tel = await page.locator('vbe-info a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(tel).toEqual(['tel:112', 'tel:11414', 'tel:0850801000', 'tel:020100200', 'tel:116006'])
    await context.close()
  })
})
