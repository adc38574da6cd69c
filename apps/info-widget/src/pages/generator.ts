/**
 * The snippet generator page's script (served as /assets/generator.js; no inline script).
 * Builds the embed code in the browser from the widget's own manifest and data, with the
 * script URL of the server the page came from, and shows a live preview of the widget as
 * configured. It warns when that URL will not work on a public site (http:, localhost, a
 * loopback address) and checks the exit address visibly.
 */
import { fallbackChain, parseLanguage, sourceLabel, type Language, type Messages } from '@vbe/ui'
import { unverifiedPayload } from '../data-file.js'
import { firstScreenFiles, makeSnippet } from '../snippet.js'
import { checkExitUrl, scriptUrlWarning } from './generator-checks.js'

interface Manifest {
  readonly integrity: string
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const fetchText = async (path: string): Promise<string> => {
  const r = await fetch(path, { credentials: 'omit' })
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`)
  return r.text()
}

/** Shows or clears a field's error: visible text tied to the field, and aria-invalid. */
function fieldError(input: HTMLInputElement, error: HTMLElement, text: string | undefined): void {
  error.textContent = text ?? ''
  error.hidden = !text
  if (text) input.setAttribute('aria-invalid', 'true')
  else input.removeAttribute('aria-invalid')
}

/** Each update's turn: an update that a later one overtook (a slow fetch) does not write. */
let turn = 0

async function update(): Promise<void> {
  const mine = ++turn
  const district = $<HTMLSelectElement>('district').value
  const lang: Language = parseLanguage($<HTMLSelectElement>('lang').value)
  const exitInput = $<HTMLInputElement>('exit')
  const exit = checkExitUrl(exitInput.value)
  fieldError(exitInput, $('exit-error'), exit.ok ? undefined : exit.error)
  const code = $<HTMLTextAreaElement>('code')
  // no code for a wrong address, from the moment its error shows (not after the files have come)
  if (!exit.ok) {
    code.value = ''
    $('status').textContent = 'Rätta adressen för snabbutgången först. (Correct the quick-exit address first.)'
  }
  const heading = $<HTMLInputElement>('heading').value.trim()
  const withData = $<HTMLInputElement>('inline').checked
  const scriptUrl = new URL('/widget/vbe-info.js', location.href).href
  const warning = scriptUrlWarning(scriptUrl)
  $('url-warning').hidden = !warning
  $('url-warning-text').textContent = warning ?? ''

  const [manifest, districtFile, ...msgs] = await Promise.all([
    fetchText('/widget/manifest.json').then((t) => JSON.parse(t) as Manifest),
    fetchText(`/widget/districts/${encodeURIComponent(district)}.json`),
    ...fallbackChain(lang).map(async (l) => [l, JSON.parse(await fetchText(`/widget/i18n/${l}.json`)) as Messages] as const),
  ])
  if (mine !== turn) return
  const data = unverifiedPayload(districtFile).district
  if (exit.ok) {
    code.value = makeSnippet({
      scriptUrl,
      integrity: manifest.integrity,
      district: data,
      districtFile: withData ? districtFile : undefined,
      lang,
      messages: msgs,
      exitUrl: exit.url,
      heading: heading || undefined,
    })
    $('status').textContent = ''
  }
  preview({
    district,
    lang,
    exit: exit.ok ? exit.url : undefined,
    heading,
    files: withData ? firstScreenFiles(district, districtFile, msgs) : undefined,
  })
  const notes = $<HTMLUListElement>('notes')
  notes.replaceChildren(
    ...data.contacts.map((c) => {
      const li = document.createElement('li')
      const a = document.createElement('a')
      a.href = c.source.url
      a.textContent = sourceLabel(c.source.url)
      li.append(`${c.name.sv}: kontrollerad ${c.source.verifiedOn} mot `, a, c.source.note ? `. ${c.source.note.sv}` : '')
      return li
    }),
  )
}

/** The widget itself, configured as the code says (built with DOM calls, not from the code's text). */
function preview(o: {
  district: string
  lang: Language
  exit: string | undefined
  heading: string
  files: Record<string, string> | undefined
}) {
  const el = document.createElement('vbe-info')
  el.setAttribute('district', o.district)
  el.setAttribute('lang', o.lang)
  if (o.exit) el.setAttribute('exit-url', o.exit)
  if (o.heading) el.setAttribute('heading', o.heading)
  if (o.files) {
    const template = document.createElement('template')
    template.content.append(JSON.stringify(o.files))
    el.append(template)
  }
  $('preview').replaceChildren(el)
}

async function copy(): Promise<void> {
  const code = $<HTMLTextAreaElement>('code')
  const status = $<HTMLSpanElement>('status')
  try {
    await navigator.clipboard.writeText(code.value)
    status.textContent = 'Koden är kopierad.'
  } catch {
    code.focus()
    code.select()
    status.textContent = 'Koden är markerad: kopiera med Ctrl+C (⌘C på Mac).'
  }
}

const report = (e: unknown) => {
  $<HTMLSpanElement>('status').textContent = `Kunde inte skapa koden: ${e instanceof Error ? e.message : String(e)}`
}
const run = () => void update().catch(report)
for (const id of ['district', 'lang', 'exit', 'heading', 'inline']) $(id).addEventListener('change', run)
// the heading shows in the preview as it is typed (a pause of 300 ms), not only when the field is left
let typing: ReturnType<typeof setTimeout> | undefined
$('heading').addEventListener('input', () => {
  clearTimeout(typing)
  typing = setTimeout(run, 300)
})
$('gen').addEventListener('submit', (e) => e.preventDefault())
$('copy').addEventListener('click', () => void copy())
run()
