/** The snippet generator, the demo page and the accessibility statement in Chromium, under the strict CSP. */
import { describe, expect, it } from 'vitest'
import { browserSuite, cspViolations, runAxe } from './browser.js'
import { hostPage } from './support.js'

const suite = browserSuite(({ snippet }) => ({
  '/t/sv.html': { html: hostPage(snippet('rinkeby-kista', 'sv')) },
  '/t/fa.html': { html: hostPage(snippet('rinkeby-kista', 'fa')) },
}))

describe('snippet generator', () => {
  it('the demo host page and the generator work under the strict CSP, with 0 axe violations', async () => {
    const { page, context } = await suite.open('/demo/rinkeby-kista.html')
    expect(await cspViolations(page)).toEqual([])
    await page.goto(`${suite.site.origin}/generator/`)
    await page.locator('#lang').selectOption('ar')
    await page.waitForFunction(() => (document.getElementById('code') as HTMLTextAreaElement).value.includes('lang="ar"'))
    const code = await page.locator('#code').inputValue()
    expect(code).toContain(`integrity="${suite.site.build.files['vbe-info.js']?.integrity}"`)
    expect(code).toContain(`src="${suite.site.origin}/widget/vbe-info.js"`)
    expect(code).toContain('<div lang="ar" dir="rtl">')
    expect(code).toContain('<template>{"districts/norrmalm.json"')
    expect(await runAxe(page)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  it('warns, visibly, that a script address on http: and a loopback host will not serve a public site', async () => {
    const { page, context } = await suite.open('/generator/', { waitForPanel: false })
    await page.waitForFunction(() => (document.getElementById('code') as HTMLTextAreaElement).value !== '')
    const warning = page.locator('#url-warning')
    await expect(warning.isVisible()).resolves.toBe(true)
    const text = await warning.textContent()
    expect(text).toContain('127.0.0.1')
    expect(text).toContain('http')
    expect(await warning.getAttribute('role')).toBe('alert')
    await context.close()
  })

  it('checks the exit address visibly: a field error (sv/en), no code until it is right, then the code uses it', async () => {
    const { page, context } = await suite.open('/generator/', { waitForPanel: false })
    const code = () => page.locator('#code').inputValue()
    await page.waitForFunction(() => (document.getElementById('code') as HTMLTextAreaElement).value !== '')
    await page.locator('#exit').fill('www.smhi.se')
    await page.locator('#exit').press('Tab')
    await page.waitForFunction(() => !document.getElementById('exit-error')!.hidden)
    expect(await page.locator('#exit-error').textContent()).toBe(
      'Skriv en hel adress som börjar med https://, till exempel https://www.smhi.se/. (Enter a full address starting with https://.)',
    )
    expect(await page.locator('#exit').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#exit').getAttribute('aria-describedby')).toContain('exit-error')
    expect(await code()).toBe('')
    expect(await runAxe(page)).toEqual([])
    await page.locator('#exit').fill('http://www.smhi.se/')
    await page.locator('#exit').press('Tab')
    await page.waitForFunction(() => document.getElementById('exit-error')!.textContent!.startsWith('Adressen måste börja med https://'))
    // addresses that reach no public site: a loopback or private IP number, a local name, a user name and password
    for (const [address, says] of [
      ['https://127.0.0.1/', '127.0.0.1 är ingen publik webbplats'],
      ['https://192.168.0.1/', '192.168.0.1 är ingen publik webbplats'],
      ['https://skrivare.local/', 'skrivare.local är ingen publik webbplats'],
      ['https://user:pw@evil.example/x', 'Adressen får inte innehålla användarnamn eller lösenord'],
    ]) {
      await page.locator('#exit').fill(address ?? '')
      await page.locator('#exit').press('Tab')
      await expect.poll(() => page.locator('#exit-error').textContent()).toContain(says)
      await expect.poll(code).toBe('')
    }
    await page.locator('#exit').fill('https://www.smhi.se/vader')
    await page.locator('#exit').press('Tab')
    await page.waitForFunction(() => document.getElementById('exit-error')!.hidden)
    expect(await page.locator('#exit').getAttribute('aria-invalid')).toBe(null)
    await expect.poll(code).toContain('exit-url="https://www.smhi.se/vader"')
    await context.close()
  })

  it('has a heading field and a live preview of the widget as configured; the minimal form carries no data', async () => {
    const { page, context } = await suite.open('/generator/', { waitForPanel: false })
    const preview = () =>
      page.evaluate(() => {
        const section = document.querySelector('#preview vbe-info')?.shadowRoot?.querySelector('section')
        return section
          ? { lang: section.lang, h2: section.querySelector('h2')?.textContent, dir: getComputedStyle(section).direction }
          : null
      })
    await expect.poll(preview).not.toBe(null)
    await page.locator('#lang').selectOption('fa')
    // the preview follows the heading as it is typed, before the field is left
    await page.locator('#heading').pressSequentially('Orolig för någon? <b>Vi finns här</b>')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('heading')
    await expect.poll(preview).toEqual({ lang: 'fa', h2: 'Orolig för någon? <b>Vi finns här</b>', dir: 'rtl' })
    expect(await page.locator('#code').inputValue()).toContain('heading="Orolig för någon? &lt;b&gt;Vi finns här&lt;/b&gt;"')
    await page.locator('#inline').uncheck()
    await page.waitForFunction(() => !(document.getElementById('code') as HTMLTextAreaElement).value.includes('<template>'))
    await expect.poll(preview).not.toBe(null)
    expect(await runAxe(page)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })
})

describe('accessibility statement', () => {
  it.each([
    ['/t/sv.html', 'Tillgänglighetsredogörelse', '/tillganglighet/', 'Tillgänglighetsredogörelse för informationsrutan och kodgeneratorn'],
    [
      '/t/fa.html',
      'بیانیه دسترس‌پذیری',
      '/tillganglighet/en.html',
      'Accessibility statement for the information box and the snippet generator',
    ],
  ])('is linked from the widget (%s) and has a feedback route, with 0 axe violations', async (path, linkText, href, h1) => {
    const { page, context } = await suite.open(path)
    const link = page.locator('vbe-info a', { hasText: linkText })
    expect(await link.getAttribute('href')).toBe(`${suite.site.origin}${href}`)
    await link.click()
    await page.waitForURL(`${suite.site.origin}${href}`)
    expect(await page.locator('h1').textContent()).toBe(h1)
    expect(await page.locator('#feedback + p a').getAttribute('href')).toBe('https://start.stockholm/')
    expect(await page.locator('a[href="https://www.digg.se/tdosanmalan"]').count()).toBe(1)
    expect(await runAxe(page)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  it.each(['/tillganglighet/', '/tillganglighet/en.html', '/generator/'])(
    '%s reflows at 320 CSS px (WCAG 1.4.10): no sideways scrolling, and the preview keeps its exit button inside it',
    async (path) => {
      const { page, context } = await suite.open(path, {
        waitForPanel: false,
        context: { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true },
      })
      if (path === '/generator/')
        await page.waitForFunction(() => !!document.querySelector('#preview vbe-info')?.shadowRoot?.querySelector('button.exit'))
      const r = await page.evaluate(() => {
        const exit = document.querySelector('#preview vbe-info')?.shadowRoot?.querySelector('button.exit')?.getBoundingClientRect()
        const box = document.getElementById('preview')?.getBoundingClientRect()
        return {
          sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          exitInPreview:
            !exit || !box || (exit.top >= box.top && exit.bottom <= box.bottom && exit.left >= box.left && exit.right <= box.right),
        }
      })
      expect(r).toEqual({ sideways: 0, exitInPreview: true })
      await context.close()
    },
  )

  it('is linked from the generator page', async () => {
    const { page, context } = await suite.open('/generator/', { waitForPanel: false })
    expect(await page.locator('a[href="/tillganglighet/"]').count()).toBe(1)
    await context.close()
  })
})
