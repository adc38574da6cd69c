/**
 * `<vbe-info district="…" lang="…">`: the embeddable info element.
 *
 * - Shadow DOM; styles through one constructable stylesheet (no inline script or style),
 *   so it works under `default-src 'self'`.
 * - Until its data has loaded, and whenever loading fails, the light-DOM fallback from
 *   the snippet stays visible through a <slot>.
 * - Its first screen needs no request: the snippet carries that screen's data (the
 *   district's contacts and the language's texts) inline, in a <template> that is never
 *   shown or run, so the panel renders in the same task as this script and takes the
 *   page's next paint. Nothing is fetched or awaited before it is visible.
 * - Any other language the reader picks is fetched from next to vbe-info.js and checked
 *   against the SRI hash built into this script; no cookies, no storage, no referrer.
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
/** Files fetched so far (each checked against its built-in hash), by path; shared by every <vbe-info> on the page. */
const cache = new Map<string, Promise<unknown>>()

/**
 * The files an element's snippet carries inline for its first screen, by path
 * (`districts/<id>.json`, `i18n/<lang>.json`): JSON text in the element's own
 * `<template>`. Only that element uses them, so markup elsewhere on the page cannot feed
 * another widget its data.
 */
type Inline = Readonly<Record<string, unknown>>
const readInline = (el: Element): Inline => {
  try {
    return JSON.parse(el.querySelector<HTMLTemplateElement>(':scope>template')!.content.textContent!) || {}
  } catch {
    return {} // no inline data (or unreadable): only files with a built-in hash can be loaded
  }
}

/** A data file: from the element's inline data, else fetched and checked against its built-in hash. */
function load<T>(path: string, inline: Inline): Promise<T> {
  if (path in inline) return Promise.resolve(inline[path] as T)
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
async function loadTranslator(lang: Language, inline: Inline): Promise<Translator> {
  const chain: Array<readonly [Language, Messages]> = []
  for (const l of fallbackChain(lang)) {
    try {
      chain.push([l, await load<Messages>(`i18n/${l}.json`, inline)])
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
  #inline: Inline = {}
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
    this.#inline = readInline(this)
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
      const [district, t] = await Promise.all([
        load<DistrictInfo>(`districts/${id}.json`, this.#inline),
        loadTranslator(this.#language(config), this.#inline),
      ])
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
