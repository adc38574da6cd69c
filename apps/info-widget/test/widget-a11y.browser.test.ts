/** <vbe-info> in Chromium: axe per language, direction, reflow, keyboard, hostile CSS, config strings as text. */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LANGUAGES, type Language } from '@vbe/ui'
import { answerSmhi, browserSuite, runAxe, screenshotDir } from './browser.js'
import { hostPage } from './support.js'

const XSS = '<img src=x onerror=alert(1)>'
const HOSTILE_CSS = `<style>
* { all: unset !important; }
html { font-size: 48px !important; }
* { color: #f0f !important; background: #0f0 !important; font-size: 40px !important; font-family: "Comic Sans MS", cursive !important; line-height: 3 !important; letter-spacing: 5px !important; }
vbe-info { display: none; transform: scale(.3); opacity: .1; }
button, a, select, h2, h3, p, li { border: 9px dotted red !important; padding: 30px !important; margin: 40px !important; text-transform: uppercase !important; }
:root { --vbe-color: red; color-scheme: dark; }
</style>`

const suite = browserSuite(({ snippet }) => {
  const pages: Record<string, { html: string; csp?: string | null }> = {}
  for (const lang of LANGUAGES) pages[`/t/${lang}.html`] = { html: hostPage(snippet('rinkeby-kista', lang, 'exit-url="/t/neutral.html"')) }
  pages['/t/plain.html'] = { html: hostPage(snippet('rinkeby-kista', 'en')), csp: null }
  pages['/t/hostile.html'] = { html: hostPage(snippet('rinkeby-kista', 'en'), HOSTILE_CSS), csp: null }
  pages['/t/xss.html'] = {
    html: hostPage(
      snippet('rinkeby-kista', 'en', `heading="${XSS.replace(/</g, '&lt;').replace(/"/g, '&quot;')}" exit-url="javascript:alert(1)"`),
    ),
  }
  pages['/t/neutral.html'] = { html: hostPage('<p>Weather: sunny.</p>') }
  pages['/t/heading.html'] = { html: hostPage(snippet('rinkeby-kista', 'sv', 'heading="Behöver du stöd?"')) }
  return pages
})

describe.each(LANGUAGES)('<vbe-info> in %s', (lang: Language) => {
  it('renders with 0 axe violations, the right direction and isolated phone numbers', async () => {
    const { page, context } = await suite.open(`/t/${lang}.html`)
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
    // contact texts exist in every language now: no contact name is marked as another language
    expect(info.name).toBe(null)
    // a number written in groups inside a contact's text ("114 14", "116 006") shows its groups
    // in the order written, also inside right-to-left text: the first group left of the last
    const reversed = await page.evaluate(() => {
      const out: string[] = []
      const root = document.querySelector('vbe-info')!.shadowRoot!
      const walker = document.createTreeWalker(root.querySelector('section')!, NodeFilter.SHOW_TEXT)
      const left = (node: Node, from: number, to: number) => {
        const r = document.createRange()
        r.setStart(node, from)
        r.setEnd(node, to)
        return r.getBoundingClientRect().left
      }
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of (n.textContent ?? '').matchAll(/\d+(?: \d+)+/g)) {
          const first = m[0].indexOf(' ')
          const last = m[0].lastIndexOf(' ') + 1
          if (left(n, m.index, m.index + first) > left(n, m.index + last, m.index + m[0].length)) out.push(m[0])
        }
      }
      return out
    })
    expect(reversed).toEqual([])
    await mkdir(screenshotDir, { recursive: true })
    await page.locator('vbe-info').screenshot({ path: join(screenshotDir, `${lang}.png`) })
    await context.close()
  })

  it('reflows at 320 CSS px (WCAG 1.4.10): nothing inside is wider than the widget, no sideways scrolling', async () => {
    const { page, context } = await suite.open(`/t/${lang}.html`, { width: 320 })
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

describe('<vbe-info> against its host page', () => {
  it('a hostile host stylesheet changes nothing inside the widget', async () => {
    const styles = async (path: string) => {
      const { page, context } = await suite.open(path)
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

  it("the host page's own heading keeps its language when the reader picks another", async () => {
    const { page, context } = await suite.open('/t/heading.html')
    const h2 = () =>
      page.evaluate(() => {
        const root = document.querySelector('vbe-info')!.shadowRoot!
        const h = root.querySelector('h2')!
        return { section: root.querySelector('section')!.lang, lang: h.lang, dir: getComputedStyle(h).direction, text: h.textContent }
      })
    expect(await h2()).toEqual({ section: 'sv', lang: '', dir: 'ltr', text: 'Behöver du stöd?' })
    await page.locator('vbe-info select').selectOption('ar')
    await expect.poll(h2).toEqual({ section: 'ar', lang: 'sv', dir: 'ltr', text: 'Behöver du stöd?' })
    expect(await runAxe(page)).toEqual([])
    await context.close()
  })

  it('host config strings render as text, never as HTML; a javascript: exit target is refused', async () => {
    const { page, context, requests, dialogs } = await suite.open('/t/xss.html', { setup: answerSmhi })
    const r = await page.evaluate(() => {
      const root = document.querySelector('vbe-info')!.shadowRoot!
      return { h2: root.querySelector('h2')!.textContent, imgs: root.querySelectorAll('img').length }
    })
    expect(r).toEqual({ h2: XSS, imgs: 0 })
    expect(requests.some((u) => u.endsWith('/x'))).toBe(false)
    await page.locator('vbe-info button.exit').click()
    await page.waitForURL((u) => !u.pathname.startsWith('/t/xss'))
    expect(page.url()).toBe('https://www.smhi.se/')
    expect(dialogs).toEqual([])
    await context.close()
  })

  it('every control is reachable by keyboard with a visible focus indicator, and usable', async () => {
    const { page, context } = await suite.open('/t/en.html')
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
    expect(seen.at(-1)).toMatchObject({ tag: 'A', text: 'Accessibility statement' })
    expect(await page.locator('vbe-info a[hreflang=en]').textContent()).toBe('Accessibility statement')
    // change language with the keyboard
    await page.locator('vbe-info select').focus()
    await page.keyboard.press('ArrowDown') // English → العربية
    await page.waitForFunction(() => document.querySelector('vbe-info')!.shadowRoot!.querySelector('section')!.lang === 'ar')
    // the statement is in English: its link says so, and carries hreflang
    expect(await page.locator('vbe-info a[hreflang=en]').textContent()).toBe('بيان إمكانية الوصول (باللغة الإنجليزية)')
    // quick exit with Enter
    await page.locator('vbe-info button.exit').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(`${suite.site.origin}/t/neutral.html`)
    await context.close()
  })
})
