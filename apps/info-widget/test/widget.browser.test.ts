import { createRequire } from 'node:module'
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LANGUAGES, type Language } from '@vbe/ui'
import { hostPage, launchChromium, startSite, type TestSite } from './support.js'

const require = createRequire(import.meta.url)
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '../.reports/screenshots')

const XSS = '<img src=x onerror=alert(1)>'
const HOSTILE_CSS = `<style>
* { all: unset !important; }
html { font-size: 48px !important; }
* { color: #f0f !important; background: #0f0 !important; font-size: 40px !important; font-family: "Comic Sans MS", cursive !important; line-height: 3 !important; letter-spacing: 5px !important; }
vbe-info { display: none; transform: scale(.3); opacity: .1; }
button, a, select, h2, h3, p, li { border: 9px dotted red !important; padding: 30px !important; margin: 40px !important; text-transform: uppercase !important; }
:root { --vbe-color: red; color-scheme: dark; }
</style>`

let site: TestSite
let browser: Browser
/** A failed setup (Chromium missing, say) fails every test with its message, rather than skipping them. */
let setupError: unknown
const ready = () => {
  if (setupError) throw setupError
}

beforeAll(async () => {
  try {
    await setup()
  } catch (e) {
    setupError = e
  }
}, 120_000)

async function setup() {
  browser = await launchChromium()
  site = await startSite(({ snippet }) => {
    const pages: Record<string, { html: string; csp?: string | null }> = {}
    for (const lang of LANGUAGES)
      pages[`/t/${lang}.html`] = { html: hostPage(snippet('rinkeby-kista', lang, 'exit-url="/t/neutral.html"')) }
    pages['/t/norrmalm.html'] = { html: hostPage(snippet('norrmalm', 'en')) }
    pages['/t/fixture.html'] = { html: hostPage(snippet('test-fixture', 'en')) }
    pages['/t/plain.html'] = { html: hostPage(snippet('rinkeby-kista', 'en')), csp: null }
    pages['/t/hostile.html'] = { html: hostPage(snippet('rinkeby-kista', 'en'), HOSTILE_CSS), csp: null }
    pages['/t/xss.html'] = {
      html: hostPage(
        snippet('rinkeby-kista', 'en', `heading="${XSS.replace(/</g, '&lt;').replace(/"/g, '&quot;')}" exit-url="javascript:alert(1)"`),
      ),
    }
    pages['/t/neutral.html'] = { html: hostPage('<p>Weather: sunny.</p>') }
    pages['/t/no-data.html'] = { html: hostPage(snippet('rinkeby-kista', 'en').replace(/<template>[^]*<\/template>\n/, '')) }
    // markup elsewhere on the page (a comment field, say) that poses as a widget with made-up data
    const fake = snippet('rinkeby-kista', 'en')
      .replace(/^<script[^>]*><\/script>\n/, '')
      .replaceAll('Emergency number 112', 'FAKE NUMBER')
    pages['/t/impostor.html'] = { html: hostPage(`${fake}\n${snippet('rinkeby-kista', 'en')}`) }
    return pages
  })
}

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

async function open(path: string, setup?: (page: Page, context: BrowserContext) => Promise<unknown>, width = 900) {
  ready()
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  await setup?.(page, context)
  await page.goto(site.origin + path)
  await page.waitForFunction(() => !!document.querySelector('vbe-info')?.shadowRoot?.querySelector('section'))
  return { context, page, requests, dialogs }
}

const runAxe = async (page: Page) => {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> }
      }
    ).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)
  })
}

const panelText = (page: Page) =>
  page.evaluate(() => document.querySelector('vbe-info')?.shadowRoot?.querySelector('section')?.textContent ?? '')

describe('<vbe-info> in Debian Chromium', () => {
  describe.each(LANGUAGES)('language %s', (lang: Language) => {
    it('renders with 0 axe violations, the right direction and isolated phone numbers', async () => {
      const { page, context } = await open(`/t/${lang}.html`)
      expect(await runAxe(page)).toEqual([])
      const info = await page.evaluate(() => {
        const root = document.querySelector('vbe-info')!.shadowRoot!
        const section = root.querySelector('section')!
        const num = root.querySelector('a.call bdi')!
        return {
          lang: section.lang,
          dir: getComputedStyle(section).direction,
          numDir: getComputedStyle(num).direction,
          name: root.querySelector('.name')?.getAttribute('lang') ?? null,
        }
      })
      expect(info.lang).toBe(lang)
      expect(info.dir).toBe(lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr')
      expect(info.numDir).toBe('ltr')
      expect(info.name).toBe(lang === 'sv' || lang === 'en' ? null : 'en')
      await mkdir(screenshotDir, { recursive: true })
      await page.locator('vbe-info').screenshot({ path: join(screenshotDir, `${lang}.png`) })
      await context.close()
    })

    it('reflows at 320 CSS px (WCAG 1.4.10): nothing inside is wider than the widget, no sideways scrolling', async () => {
      const { page, context } = await open(`/t/${lang}.html`, undefined, 320)
      const r = await page.evaluate(() => {
        const host = document.querySelector('vbe-info')!
        const box = host.getBoundingClientRect()
        const wider = [...host.shadowRoot!.querySelectorAll('section *')]
          .filter((e) => {
            const b = e.getBoundingClientRect()
            return b.width > 0 && (b.left < box.left - 0.5 || b.right > box.right + 0.5)
          })
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${(e.textContent ?? '').slice(0, 40)}`)
        return { wider, pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth }
      })
      expect(r.wider).toEqual([])
      expect(r.pageScroll).toBe(0)
      await page.locator('vbe-info').screenshot({ path: join(screenshotDir, `${lang}-320.png`) })
      await context.close()
    })
  })

  it('shows the contacts in order, each with its source and date, and no invented exit support', async () => {
    const { page, context } = await open('/t/en.html')
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
    await context.close()
  })

  it('works under a strict CSP with no violation events, and loads nothing from other origins; no cookies or storage', async () => {
    const { page, context, requests } = await open('/t/sv.html')
    // switch language too, so an on-demand language file is loaded as well
    await page.locator('vbe-info select').selectOption('fa')
    await page.waitForFunction(() => document.querySelector('vbe-info')!.shadowRoot!.querySelector('section')!.lang === 'fa')
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([])
    const origins = new Set(requests.map((u) => new URL(u).origin))
    expect([...origins]).toEqual([site.origin])
    // the first screen's texts came inline with the snippet: only the language switched to is loaded
    expect(requests.filter((u) => u.includes('/widget/i18n/')).map((u) => u.split('/').pop())).toEqual(['fa.json'])
    expect(requests.filter((u) => u.includes('/widget/districts/'))).toEqual([])
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

  it('shows its first screen without a request of its own: the snippet carries that data', async () => {
    const { page, context, requests } = await open('/t/ar.html')
    expect(requests.filter((u) => u.includes('/widget/')).map((u) => new URL(u).pathname)).toEqual(['/widget/vbe-info.js'])
    expect(await page.evaluate(() => document.querySelector('vbe-info')!.shadowRoot!.querySelector('h2')!.textContent)).not.toBe('')
    await context.close()
  })

  it('without its inline data, the fallback stays and no unverified file is loaded', async () => {
    ready()
    const context = await browser.newContext()
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    const warned = page.waitForEvent('console', { predicate: (m) => m.type() === 'warning' })
    await page.goto(`${site.origin}/t/no-data.html`)
    await warned
    const shadow = await page.evaluate(() => {
      const root = document.querySelector('vbe-info')!.shadowRoot
      return { section: !!root?.querySelector('section'), slot: !!root?.querySelector('slot') }
    })
    expect(shadow).toEqual({ section: false, slot: true })
    await expect(page.locator('vbe-info h2').isVisible()).resolves.toBe(true)
    expect(requests.filter((u) => u.includes('/widget/districts/'))).toEqual([])
    await context.close()
  })

  it('uses only its own inline data: another element on the page cannot feed it made-up contacts', async () => {
    const { page, context } = await open('/t/impostor.html')
    await page.waitForFunction(() => [...document.querySelectorAll('vbe-info')].every((el) => el.shadowRoot?.querySelector('section')))
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('vbe-info')].map((el) => el.shadowRoot!.querySelector('section')!.textContent),
    )
    expect(texts[0]).toContain('FAKE NUMBER') // the impostor shows what it carries, like any markup on the page…
    expect(texts[1]).not.toContain('FAKE NUMBER') // …but the real widget shows only its own data
    expect(texts[1]).toContain('Emergency number 112')
    await context.close()
  })

  it('a hostile host stylesheet changes nothing inside the widget', async () => {
    const styles = async (path: string) => {
      const { page, context } = await open(path)
      const s = await page.evaluate(() => {
        const props = [
          'color',
          'background-color',
          'font-size',
          'font-family',
          'font-weight',
          'line-height',
          'letter-spacing',
          'text-transform',
          'padding-top',
          'padding-left',
          'margin-top',
          'margin-bottom',
          'border-top-style',
          'border-top-width',
          'display',
          'direction',
          'outline-style',
          'opacity',
          'visibility',
        ]
        const host = document.querySelector('vbe-info')!
        const all = [host, ...host.shadowRoot!.querySelectorAll('*')]
        return all.map((el) => {
          const cs = getComputedStyle(el)
          return `${el.tagName}.${el.getAttribute('class') ?? ''} ${props.map((p) => cs.getPropertyValue(p)).join('|')}`
        })
      })
      const box = await page.locator('vbe-info').boundingBox()
      await context.close()
      return { s, visible: !!box && box.height > 100 }
    }
    const plain = await styles('/t/plain.html')
    const hostile = await styles('/t/hostile.html')
    expect(hostile.visible).toBe(true)
    expect(hostile.s.length).toBeGreaterThan(50)
    expect(hostile.s).toEqual(plain.s)
  })

  it('host config strings render as text, never as HTML; a javascript: exit target is refused', async () => {
    const { page, context, requests, dialogs } = await open('/t/xss.html', (p) =>
      // the neutral default target, answered locally: the test machine has no internet
      p.route('https://www.smhi.se/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>SMHI</title>' })),
    )
    const r = await page.evaluate(() => {
      const root = document.querySelector('vbe-info')!.shadowRoot!
      return { h2: root.querySelector('h2')!.textContent, imgs: root.querySelectorAll('img').length }
    })
    expect(r).toEqual({ h2: XSS, imgs: 0 })
    expect(requests.some((u) => u.endsWith('/x'))).toBe(false)
    await page.locator('vbe-info button').click()
    await page.waitForURL((u) => !u.pathname.startsWith('/t/xss'))
    expect(page.url()).toBe('https://www.smhi.se/')
    expect(dialogs).toEqual([])
    await context.close()
  })

  it('every control is reachable by keyboard with a visible focus indicator, and usable', async () => {
    const { page, context } = await open('/t/en.html')
    const seen: Array<{ tag: string; text: string; ring: boolean }> = []
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const f = await page.evaluate(() => {
        let el = document.activeElement
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
        if (!el || el === document.body) return null
        const cs = getComputedStyle(el)
        return {
          tag: el.tagName,
          text: (el.textContent ?? '').trim().slice(0, 40),
          ring: cs.outlineStyle !== 'none' && cs.outlineWidth !== '0px' && cs.boxShadow !== 'none',
        }
      })
      if (!f) break
      seen.push(f)
    }
    const controls = await page.evaluate(() => document.querySelector('vbe-info')!.shadowRoot!.querySelectorAll('a, button, select').length)
    expect(seen.length).toBe(controls)
    expect(seen.every((s) => s.ring)).toBe(true)
    expect(seen[0]).toMatchObject({ tag: 'BUTTON' })
    expect(seen[1]).toMatchObject({ tag: 'SELECT' })
    // change language with the keyboard
    await page.locator('vbe-info select').focus()
    await page.keyboard.press('ArrowDown') // English → العربية
    await page.waitForFunction(() => document.querySelector('vbe-info')!.shadowRoot!.querySelector('section')!.lang === 'ar')
    // quick exit with Enter
    await page.locator('vbe-info button').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(`${site.origin}/t/neutral.html`)
    await context.close()
  })

  it('quick exit by button replaces the page (no way back to it)', async () => {
    const { page, context } = await open('/t/en.html')
    await page.locator('vbe-info button').click()
    await page.waitForURL(`${site.origin}/t/neutral.html`)
    await page.goBack().catch(() => null)
    expect(page.url()).not.toContain('/t/en.html')
    await context.close()
  })

  it('quick exit by pressing Shift three times, anywhere on the page', async () => {
    const { page, context } = await open('/t/so.html')
    await page.locator('h1').click()
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.waitForURL(`${site.origin}/t/neutral.html`)
    await context.close()
  })

  describe('open now, at fixed clock times (Stockholm)', () => {
    const at = async (iso: string) => {
      const { page, context } = await open('/t/fixture.html', (p) => p.clock.setFixedTime(new Date(iso)))
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
    ready()
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${site.origin}/t/en.html`)
    await expect(page.locator('vbe-info h2').isVisible()).resolves.toBe(true)
    const tel = await page.locator('vbe-info a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(tel).toEqual(['tel:112', 'tel:11414', 'tel:0850801000', 'tel:020100200', 'tel:116006'])
    await context.close()
  })

  it('the demo host page and the snippet generator work under the strict CSP', async () => {
    const { page, context } = await open('/demo/rinkeby-kista.html')
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([])
    await page.goto(`${site.origin}/generator/`)
    await page.locator('#lang').selectOption('ar')
    await page.waitForFunction(() => (document.getElementById('code') as HTMLTextAreaElement).value.includes('lang="ar"'))
    const code = await page.locator('#code').inputValue()
    expect(code).toContain(`integrity="${site.build.files['vbe-info.js']?.integrity}"`)
    expect(code).toContain(`src="${site.origin}/widget/vbe-info.js"`)
    expect(code).toContain('<div lang="ar" dir="rtl">')
    expect(await runAxe(page)).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([])
    await context.close()
  })
})
