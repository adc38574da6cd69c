/**
 * `<vbe-info district="…" lang="…">`: the embeddable info element.
 *
 * - Shadow DOM; styles through one constructable stylesheet (no inline script or style),
 *   so it works under `default-src 'self'`.
 * - Until its data has loaded, and whenever loading fails, the light-DOM fallback from
 *   the snippet stays visible through a <slot>.
 * - It fetches only its own files, next to vbe-info.js, each checked against the SRI hash
 *   built into this script; no cookies, no storage, no referrer.
 * - Its attributes are read as text and rendered as text, never as HTML.
 */
import { createRoot, type Root } from 'react-dom/client'
import {
  InfoPanel,
  createTranslator,
  fallbackChain,
  parseLanguage,
  safeExitUrl,
  tripleShiftDetector,
  widgetCss,
  type DistrictInfo,
  type Language,
  type Messages,
  type Translator,
} from '@vbe/ui'

const base = new URL('.', import.meta.url)
const cache = new Map<string, Promise<unknown>>()

function load<T>(path: string): Promise<T> {
  let p = cache.get(path)
  if (!p) {
    const integrity = __VBE_FILES__[path]
    p =
      integrity === undefined
        ? Promise.reject(new Error(path))
        : fetch(new URL(path, base), { integrity, credentials: 'omit', referrerPolicy: 'no-referrer' }).then((r) => {
            if (!r.ok) throw new Error(`${path}: ${r.status}`)
            return r.json()
          })
    p.catch(() => cache.delete(path))
    cache.set(path, p)
  }
  return p as Promise<T>
}

/**
 * Loads the language's texts; the fallback languages (English, then Swedish) only when
 * the build found texts missing in it, or when its file cannot be loaded.
 */
async function loadTranslator(lang: Language): Promise<Translator> {
  const chain: Array<readonly [Language, Messages]> = []
  for (const l of fallbackChain(lang)) {
    try {
      chain.push([l, await load<Messages>(`i18n/${l}.json`)])
      if (!__VBE_INCOMPLETE__.includes(l)) break
    } catch {
      // this language's file failed to load: the next language in the chain stands in
    }
  }
  return createTranslator(lang, chain)
}

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

let sheet: CSSStyleSheet | undefined
/** Constructable, adoptable stylesheets (Chrome 73, Firefox 101, Safari 16.4); older browsers keep the fallback. */
const supported = () => 'adoptedStyleSheets' in ShadowRoot.prototype

class VbeInfoElement extends HTMLElement {
  static observedAttributes = ['district', 'lang', 'exit-url', 'heading']

  #root: Root | undefined
  #chosenLang: Language | undefined
  #state: { district: DistrictInfo; t: Translator; config: Config } | undefined
  #generation = 0
  #ready = false
  #timer: ReturnType<typeof setInterval> | undefined
  #onKey = tripleShiftDetector(() => this.#exit())
  #keyListener = (e: KeyboardEvent) => this.#onKey(e)

  connectedCallback(): void {
    if (!supported()) return // old browser: the light-DOM fallback stays as it is
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' })
      if (!sheet) {
        sheet = new CSSStyleSheet()
        sheet.replaceSync(widgetCss)
      }
      shadow.adoptedStyleSheets = [sheet]
      shadow.append(document.createElement('slot'))
    }
    window.addEventListener('keydown', this.#keyListener, true)
    this.#timer = setInterval(() => this.#render(), 60_000)
    void this.#update()
  }

  disconnectedCallback(): void {
    window.removeEventListener('keydown', this.#keyListener, true)
    clearInterval(this.#timer)
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value || !this.shadowRoot) return
    if (name === 'lang') this.#chosenLang = undefined
    void this.#update()
  }

  #language(config: Config): Language {
    return this.#chosenLang ?? parseLanguage(config.lang ?? document.documentElement.lang, 'sv')
  }

  async #update(): Promise<void> {
    const generation = ++this.#generation
    const config = readConfig(this)
    const id = config.district ?? ''
    if (!/^[a-z][a-z0-9-]*$/.test(id)) {
      console.warn('vbe-info: no district')
      return
    }
    try {
      const [district, t] = await Promise.all([load<DistrictInfo>(`districts/${id}.json`), loadTranslator(this.#language(config))])
      if (generation !== this.#generation) return
      this.#state = { district, t, config }
      this.#render()
    } catch (e) {
      console.warn(e) // the fallback stays visible
    }
  }

  #render(): void {
    const shadow = this.shadowRoot
    const state = this.#state
    if (!shadow || !state) return
    if (!this.#root) {
      const container = document.createElement('div')
      shadow.replaceChildren(container)
      this.#root = createRoot(container)
    }
    this.#root.render(
      <InfoPanel
        lang={state.t.lang}
        t={state.t}
        district={state.district}
        now={new Date()}
        heading={state.config.heading || undefined}
        onExit={() => this.#exit()}
        onLanguageChange={(lang) => {
          this.#chosenLang = lang
          void this.#update()
        }}
      />,
    )
    if (!this.#ready) {
      this.#ready = true
      this.dispatchEvent(new CustomEvent('vbe-info-ready', { bubbles: true, composed: true }))
    }
  }

  #exit(): void {
    const target = safeExitUrl(this.#state?.config.exitUrl ?? readConfig(this).exitUrl, document.baseURI)
    location.replace(target)
  }
}

if (!customElements.get('vbe-info')) customElements.define('vbe-info', VbeInfoElement)
