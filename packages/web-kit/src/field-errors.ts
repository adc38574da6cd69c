import { REQUEST_INVALID, type FieldProblem, type Problem } from './types.js'

/**
 * Field errors as a person reads them: which field an API path is about, a message that
 * stands alone starting with a capital, and the error summary's lines, each told by the
 * form's own label for the field ("Startår: måste vara 2016 eller senare"), never by a
 * path. Pure, apart from `fieldOnPage`, which reads a rendered field.
 */

/** Whether an API path (`amount`, `evidence[2].source.kind`, `row 3: board.electedOn`) is about the field `name`. */
export function pathMatches(path: string, name: string): boolean {
  const p = path.replace(/^row \d+:\s*/, '').replace(/^\(body\)\.?/, '')
  return p === name || p.endsWith(`.${name}`) || p.endsWith(`]${name}`) || p.startsWith(`${name}.`) || p.startsWith(`${name}[`)
}

export const fieldId = (form: string, name: string): string => `${form}-${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}`

/** A message as it stands alone, at its field or in the summary: its first letter a capital (`måste vara …` → `Måste vara …`). */
export function standalone(message: string): string {
  const text = message.trim()
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

/** What the form shows for a field: its label, and the error it shows (null when it shows none). */
export interface ShownField {
  readonly label: string
  readonly shown: string | null
}

/** One line of the error summary: the field it links to (null when no field on the form is about it) and its text. */
export interface SummaryLine {
  readonly field: string | null
  readonly text: string
}

/** `text` with the characters a regular expression reads as syntax escaped. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Whether `message` names the field `label` already: it holds the label's words, whole and in
 * order, in any case ("Ange datum för händelsen." under "Datum för händelsen", "Enter the date
 * of the event." under "Date of the event", "Person 1, e-post: …" under "E-post", "year must be
 * 2016 or later" under "Year"). Whole words only: "Startår" is not named by "år", nor "Year" by
 * "years", and "year must be …" does not name "Start year".
 */
export function namesField(label: string, message: string): boolean {
  const name = label.trim()
  if (!name) return false
  return new RegExp(`(?<![\\p{L}\\p{N}])${literal(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu').test(message)
}

/**
 * A summary line's text. The rule: `Label: message` (the message as the API words it, after
 * the label), unless the message already names the field (`namesField`): then the message
 * alone, starting with a capital, so the summary does not say the label twice ("Datum för
 * händelsen: Ange datum för händelsen."). Which field it is stays clear either way: the
 * message names it, and the line links to the field. Without a label, the message stands alone.
 */
export function labelled(label: string | null | undefined, message: string): string {
  const text = message.trim()
  if (!label) return standalone(text)
  return namesField(label, text) ? standalone(text) : `${label}: ${text}`
}

/**
 * The summary's lines for a problem's field errors. `fields` are the form's fields (in
 * the order the API's paths are tried); `shown(field)` is what the form shows for one.
 * An error on a field reads "<label>: <message>"; when the field shows words of its own
 * (a date that does not exist, checked in the browser), the summary repeats those, once,
 * rather than the API's different words for the same mistake. An error no field is about
 * keeps only its message: a path means nothing to a person. A field that shows an error the
 * problem does not carry is listed after the others.
 */
export function summaryLines(
  errors: readonly FieldProblem[],
  fields: readonly string[],
  shown: (field: string) => ShownField | null,
): SummaryLine[] {
  const fieldOf = (e: FieldProblem) => fields.find((f) => pathMatches(e.path, f)) ?? null
  const lines: SummaryLine[] = []
  const told = new Set<string>()
  for (const e of errors) {
    const field = fieldOf(e)
    if (field === null) {
      lines.push({ field: null, text: standalone(e.message) })
      continue
    }
    const page = shown(field)
    const api = errors
      .filter((x) => fieldOf(x) === field)
      .map((x) => standalone(x.message))
      .join(' ')
    if (page?.shown && page.shown !== api) {
      if (told.has(field)) continue
      told.add(field)
      lines.push({ field, text: labelled(page.label, page.shown) })
    } else lines.push({ field, text: labelled(page?.label, e.message) })
  }
  // A field that shows an error of its own that the problem does not carry (a date that does
  // not exist, while the form's check stopped at an empty field): the summary names it too.
  for (const field of fields) {
    const page = shown(field)
    if (page?.shown && !lines.some((l) => l.field === field)) lines.push({ field, text: labelled(page.label, page.shown) })
  }
  return lines
}

/** A text as compared for sameness: trimmed, spaces collapsed, any case, without a closing full stop. */
const comparable = (text: string): string => text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLocaleLowerCase()

/**
 * The problem's own detail to show in the summary beside the field lines, or null. A 400 or
 * 422 that marks fields can also say something no field is about ("Ingenting importerades.",
 * "Underlaget innehåller fel."): the summary shows that, once. Not shown: the server kit's
 * generic words about the request (`code` REQUEST_INVALID: "Uppgifterna i begäran innehåller
 * fel." speaks of a request a person never sees), and a detail that only repeats a field's
 * message or a summary line (a client-side check that words its one field's error as its
 * detail too). `problem.errors` are those the summary lists (it leaves out an error that
 * repeats the detail, which the detail then says).
 */
export function summaryDetail(problem: Problem, lines: readonly SummaryLine[]): string | null {
  const detail = problem.detail.trim()
  if (!detail || problem.code === REQUEST_INVALID) return null
  const same = comparable(detail)
  const repeated = [...(problem.errors ?? []).map((e) => e.message), ...lines.map((l) => l.text)].some((t) => comparable(t) === same)
  return repeated ? null : standalone(detail)
}

/** The text of an element's own text nodes (a label without its "(optional)" marker). */
const ownText = (el: Element): string =>
  Array.from(el.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent ?? '')
    .join('')
    .trim() || (el.textContent ?? '').trim()

/**
 * What the page shows for the field whose control has the id `id`: the label tied to it
 * (a radio group's legend) and the text of its error (`<id>-error`). Null when it is not
 * on the page.
 */
export function fieldOnPage(id: string, root: Document = document): ShownField | null {
  const control = root.getElementById(id)
  if (!control) return null
  const group = control instanceof HTMLInputElement && control.type === 'radio' ? control.closest('fieldset') : null
  const label = group ? group.querySelector('legend') : Array.from(root.getElementsByTagName('label')).find((l) => l.htmlFor === id)
  const error = root.getElementById(`${id}-error`)?.textContent?.trim()
  return { label: label ? ownText(label) : '', shown: error ? error : null }
}

/** What the page shows for each of a form's fields, as JSON (a snapshot that compares by value). */
export function shownOnPage(form: string, fields: readonly string[]): string {
  return JSON.stringify(Object.fromEntries(fields.map((f) => [f, fieldOnPage(fieldId(form, f))])))
}

/** Calls `changed` when the page's content changes (a field's error appears, changes or goes). */
export function subscribePage(changed: () => void): () => void {
  const observer = new MutationObserver(changed)
  observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  return () => observer.disconnect()
}
