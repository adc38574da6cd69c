/**
 * `<vbe-info district="…" lang="…">`: the embeddable info element.
 *
 * - Shadow DOM; styles through one constructable stylesheet (no inline script or style),
 *   so it works under `default-src 'self'`.
 * - Until its data has loaded and verified, and whenever that fails, the light-DOM
 *   fallback from the snippet stays visible as it is: the shadow root is attached only
 *   when there is verified data to show.
 * - Its data (`load.ts`): the district's signed file, from the snippet's inline copy
 *   when there is one (shown first; the fetch waits until it is on screen), and always
 *   fetched fresh from beside vbe-info.js (shown in place when it is newer; without inline
 *   data, fetched at once beside the language file). Nothing that fails its signature or
 *   hash is shown.
 *   The minimal snippet (no fallback list, no template) works: it waits for the fetch.
 * - When the newest data's oldest check is more than twelve months old, the contacts
 *   still show, with that date and a pointer to 112 and 114 14. The Stockholm clock for
 *   that and for "open now": `clock.ts` (no Intl before the first paint).
 * - Quick exit: the button, or Shift pressed three times (at most 5 s between presses;
 *   progress announced); the page is covered at once and replaced; coming back (`pageshow`)
 *   resets it.
 * - Its attributes are read as text and rendered as text, never as HTML.
 */
import { createRoot, type Root } from 'react-dom/client'
import {
  InfoPanel,
  contentLanguageFor,
  parseLanguage,
  safeExitUrl,
  tripleShiftDetector,
  widgetCss,
  type Language,
  type Translator,
} from '@vbe/ui'
import { isStale, type SignedDistrict } from '../data-file.js'
import { clock, confirmClock } from './clock.js'
import { fetchedDistrict, inlineDistrict, loadTranslator, readInline, type Inline } from './load.js'

/** The accessibility statement, beside the widget's folder: Swedish, and English for every other language (as the contact data). */
const statement = (lang: Language) =>
  new URL(contentLanguageFor(lang) === 'sv' ? '../tillganglighet/' : '../tillganglighet/en.html', import.meta.url).href

interface Config {
  district: string | null
  lang: string | null
  exitUrl: string | null
  heading: string | null
}

const readConfig = (el: HTMLElement): Config => ({
  district: el.getAttribute('district'),
  lang: el.getAttribute('lang'),
  exitUrl: el.getAttribute('exit-url'),
  heading: el.getAttribute('heading'),
})

/** The language the snippet was written for (its `lang`, else the page's): the host page's heading is in it. */
const snippetLanguage = (config: Config): Language => parseLanguage(config.lang ?? document.documentElement.lang, 'sv')

let sheet: CSSStyleSheet | undefined
/** Constructable, adoptable stylesheets (Chrome 73, Firefox 101, Safari 16.4); older browsers keep the fallback. */
const supported = () => 'adoptedStyleSheets' in ShadowRoot.prototype

class VbeInfoElement extends HTMLElement {
  static observedAttributes = ['district', 'lang', 'exit-url', 'heading']

  #root: Root | undefined
  #cover: HTMLDialogElement | undefined
  #inline: Inline = {}
  #chosenLang: Language | undefined
  #state: { data: SignedDistrict; t: Translator; config: Config } | undefined
  #exitProgress: number | 'expired' | undefined
  #generation = 0
  #ready = false
  #connected = false
  #timer: ReturnType<typeof setInterval> | undefined
  #onKey = tripleShiftDetector(() => this.#exit(), {
    onProgress: (n) => {
      this.#exitProgress = n === 0 ? 'expired' : n
      this.#render()
    },
  })
  #keyListener = (e: KeyboardEvent) => this.#onKey(e)
  // coming back from the back/forward cache: uncover and reset (the first load's
  // pageshow is not one, and re-rendering for it would cost a render before the first frame)
  #pageShow = (e: PageTransitionEvent) => {
    if (!e.persisted) return
    this.#cover?.close()
    this.#exitProgress = undefined
    this.#render()
  }

  connectedCallback(): void {
    if (!supported()) return // old browser: the light-DOM fallback stays as it is
    this.#connected = true
    this.#inline = readInline(this)
    window.addEventListener('keydown', this.#keyListener, true)
    window.addEventListener('pageshow', this.#pageShow)
    this.#timer = setInterval(() => this.#render(), 60_000)
    void this.#update()
  }

  disconnectedCallback(): void {
    window.removeEventListener('keydown', this.#keyListener, true)
    window.removeEventListener('pageshow', this.#pageShow)
    clearInterval(this.#timer)
    this.#connected = false
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value || !this.#connected) return
    if (name === 'lang') this.#chosenLang = undefined
    void this.#update()
  }

  #language(config: Config): Language {
    return this.#chosenLang ?? snippetLanguage(config)
  }

  /** Shows `data` unless what is shown already is as new (by signing time). */
  #show(generation: number, data: SignedDistrict | undefined, t: Translator, config: Config): void {
    if (!data || generation !== this.#generation) return
    const shown = this.#state?.data
    if (shown && shown.district.id === data.district.id && shown.issued >= data.issued && this.#state?.t === t) return
    this.#state = { data, t, config }
    this.#render()
  }

  async #update(): Promise<void> {
    const generation = ++this.#generation
    const config = readConfig(this)
    const id = config.district ?? ''
    if (!/^[a-z][a-z0-9-]*$/.test(id)) {
      console.warn('vbe-info: no district')
      return
    }
    // nothing inline: the district file is fetched at once, beside the language file, not after it
    const fetched = typeof this.#inline[`districts/${id}.json`] === 'string' ? undefined : fetchedDistrict(id)
    fetched?.catch(() => {}) // reported below, once awaited
    const [inline, t] = await Promise.all([inlineDistrict(id, this.#inline), loadTranslator(this.#language(config), this.#inline)])
    // the same district already shown (a language change): keep its data until a newer one verifies
    const current = this.#state?.data.district.id === id ? this.#state.data : undefined
    const first = inline && (!current || inline.issued > current.issued) ? inline : current
    this.#show(generation, first, t, config)
    // something shown: the check for newer data waits until it is on screen
    if (!fetched && first) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
    try {
      this.#show(generation, await (fetched ?? fetchedDistrict(id)), t, config)
    } catch (e) {
      console.warn('vbe-info:', e) // the inline data (if it verified) or the fallback stays
    }
  }

  #render(): void {
    const state = this.#state
    if (!state) return
    let fresh: HTMLDivElement | undefined
    if (!this.#root) {
      fresh = document.createElement('div')
      this.#root = createRoot(fresh)
    }
    const now = new Date()
    const { data, t, config } = state
    this.#root.render(
      <InfoPanel
        lang={t.lang}
        t={t}
        district={data.district}
        now={now}
        heading={config.heading || undefined}
        headingLang={snippetLanguage(config)}
        checked={data.checked}
        clock={clock}
        stale={isStale(data.checked, clock(now).date)}
        exitProgress={this.#exitProgress}
        statementUrl={statement(t.lang)}
        statementLang={contentLanguageFor(t.lang)}
        onExit={() => this.#exit()}
        onLanguageChange={(lang) => {
          this.#chosenLang = lang
          void this.#update()
        }}
      />,
    )
    if (fresh) {
      // the panel is built off the page and goes in at once, into a shadow root made only
      // now: until there is verified data, the light-DOM fallback shows as the page laid
      // it out, with no restyle through a slot
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' })
      if (!sheet) {
        sheet = new CSSStyleSheet()
        sheet.replaceSync(widgetCss)
      }
      shadow.adoptedStyleSheets = [sheet]
      this.#cover = document.createElement('dialog')
      this.#cover.className = 'cover'
      shadow.replaceChildren(fresh, this.#cover)
    }
    if (!this.#ready) {
      this.#ready = true
      confirmClock(() => this.#render())
      this.dispatchEvent(new CustomEvent('vbe-info-ready', { bubbles: true, composed: true }))
    }
  }

  #exit(): void {
    // cover the whole page at once (the top layer sits above anything the host page draws), then leave it
    if (this.#cover && !this.#cover.open) this.#cover.showModal()
    location.replace(safeExitUrl(this.#state?.config.exitUrl ?? readConfig(this).exitUrl, document.baseURI))
  }
}

if (!customElements.get('vbe-info')) customElements.define('vbe-info', VbeInfoElement)
