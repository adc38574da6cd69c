/**
 * The snippet generator page's script (served as /assets/generator.js; no inline script).
 * Builds the embed code in the browser from the widget's own manifest and data, with the
 * script URL of the server the page came from.
 */
import { fallbackChain, parseLanguage, sourceLabel, type DistrictInfo, type Language, type Messages } from '@vbe/ui'
import { makeSnippet } from '../snippet.js'

interface Manifest {
  readonly integrity: string
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const getJson = async <T>(path: string): Promise<T> => {
  const r = await fetch(path, { credentials: 'omit' })
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`)
  return (await r.json()) as T
}

async function update(): Promise<void> {
  const district = $<HTMLSelectElement>('district').value
  const lang: Language = parseLanguage($<HTMLSelectElement>('lang').value)
  const exit = $<HTMLInputElement>('exit').value.trim()
  const [manifest, data, ...msgs] = await Promise.all([
    getJson<Manifest>('/widget/manifest.json'),
    getJson<DistrictInfo>(`/widget/districts/${encodeURIComponent(district)}.json`),
    ...fallbackChain(lang).map(async (l) => [l, await getJson<Messages>(`/widget/i18n/${l}.json`)] as const),
  ])
  $<HTMLTextAreaElement>('code').value = makeSnippet({
    scriptUrl: new URL('/widget/vbe-info.js', location.href).href,
    integrity: manifest.integrity,
    district: data,
    lang,
    messages: msgs,
    exitUrl: /^https?:\/\//.test(exit) ? exit : undefined,
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
  $<HTMLSpanElement>('status').textContent = ''
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
for (const id of ['district', 'lang', 'exit']) $(id).addEventListener('change', () => void update().catch(report))
$('gen').addEventListener('submit', (e) => e.preventDefault())
$('copy').addEventListener('click', () => void copy())
void update().catch(report)
