import type { Locale, LocalizedText } from '@vbe/core'
import type { z } from 'zod'

/**
 * The texts of problem responses, in Swedish and English, in one place:
 *
 * - `Text` is what the typed errors carry: `{ sv, en }`, or a plain English string for
 *   messages that come from elsewhere (core's field problems).
 * - `bilingual` declares a zod schema message in both languages where the schema is
 *   written; zod gets the English, the Swedish is found again by `swedishFor`.
 * - `CORE_MESSAGES` is the Swedish for the field messages `@vbe/core` gives in English
 *   (parseApplication, the CSV reader, planSchema), matched by their stable patterns.
 * - `issueText` turns a zod issue from the API edge into a bilingual message: the
 *   declared or known message when there is one, otherwise a text by issue code.
 *
 * Nothing here shows a key: a message without Swedish is shown in English.
 * Pure (no Node APIs), so a browser UI can use it too (`@vbe/server-kit/messages`).
 */

/** A user-facing text: both languages, or English only (given Swedish by `swedishFor` when known). */
export type Text = string | LocalizedText

/** Swedish for English messages declared with `bilingual`. */
const declared = new Map<string, string>()

/**
 * A zod error message in both languages, for schemas at the API edge:
 * `z.string().regex(re, bilingual({ sv: 'måste vara en e-postadress', en: 'must be an e-mail address' }))`.
 * Returns the English (what zod stores in the issue) and remembers the Swedish.
 */
export function bilingual(text: LocalizedText): string {
  declared.set(text.en, text.sv)
  return text.en
}

/** Core's plan schemas start some messages with the field's name (`title must not be empty`, `activity id must …`). */
const FIELD = String.raw`(?:[\w.]+(?: id)? )?`
const NUMBER = String.raw`(-?[\d\u00a0 ]*\d(?:\.\d+)?)`

/**
 * Swedish for core's English field messages, by pattern (anchored; `$1` … are the
 * captured parts). Specific patterns come before general ones.
 */
const CORE_MESSAGES: readonly (readonly [RegExp, string])[] = [
  // @vbe/core/grants: parseApplication and the application schema
  [/^is missing$/, 'saknas'],
  [/^must be a real date written YYYY-MM-DD, got (.*)$/, 'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD (du angav $1)'],
  [/^must be a date written YYYY-MM-DD$/, 'måste vara ett datum skrivet ÅÅÅÅ-MM-DD'],
  [/^must be true or false$/, 'måste vara true eller false'],
  [/^must be an object$/, 'måste vara ett objekt'],
  [/^must be a list$/, 'måste vara en lista'],
  [/^must be a whole number$/, 'måste vara ett heltal'],
  [new RegExp(`^must be at least ${NUMBER}$`), 'måste vara minst $1'],
  [new RegExp(`^must be at most ${NUMBER}$`), 'får vara högst $1'],
  [/^must be a share between 0 and 1$/, 'måste vara en andel mellan 0 och 1'],
  [/^must be 10 digits written NNNNNN-NNNN or NNNNNNNNNN$/, 'måste vara 10 siffror, skrivna NNNNNN-NNNN eller NNNNNNNNNN'],
  [/^the third digit must be at least 2 \(a lower one belongs to a personal identity number\)$/, 'den tredje siffran måste vara minst 2 (en lägre siffra betyder att det är ett personnummer)'],
  [/^the check digit is wrong \(the last digit should be (\d)\)$/, 'kontrollsiffran stämmer inte (den sista siffran ska vara $1)'],
  [/^must be an account number of digits, with spaces or hyphens as written$/, 'måste vara ett kontonummer med siffror, med mellanslag eller bindestreck så som det är skrivet'],
  [/^only applies when actor is "representative"$/, 'gäller bara när actor är "representative"'],
  [/^duplicate evidence id (.+) \(also at (.+)\)$/, 'id:t $1 används redan (i $2)'],
  [/^unknown field; the exchange format has no field with this name$/, 'okänt fält: utbytesformatet har inget fält med det namnet'],
  // FORBIDDEN_FIELD_MESSAGE (not imported, to keep the grant schemas out of browser bundles; a test checks it)
  [/^screening may not consider religion, ethnicity, political opinion, nationality or similar personal characteristics; remove this field$/, 'prövningen får inte ta hänsyn till religion, etnicitet, politisk åsikt, nationalitet eller liknande personliga egenskaper. Ta bort fältet.'],
  // @vbe/core/grants: the CSV reader
  [/^the column appears twice$/, 'kolumnen finns två gånger'],
  [/^person columns are not read here; remove this column$/, 'personkolumner läses inte in här. Ta bort kolumnen.'],
  [/^unknown column; see docs\/grants\.md for the columns$/, 'okänd kolumn. Vilka kolumner som finns står i docs/grants.md.'],
  [/^is not valid JSON \((.*)\)$/, 'är inte giltig JSON ($1)'],
  [/^is required when contact\.email or contact\.phone is given$/, 'måste fyllas i när contact.email eller contact.phone är ifyllt'],
  [/^must be an e-mail address with one @ and a dot after it, for example (.+)$/, 'måste vara en e-postadress med ett @ och en punkt efter det, till exempel $1'],
  [/^must be a phone number of digits, spaces, \+, - and parentheses, for example (.+)$/, 'måste vara ett telefonnummer med siffror, mellanslag, +, - och parenteser, till exempel $1'],
  [/^has (\d+) fields, the header has (\d+)$/, 'har $1 fält, men rubrikraden har $2'],
  // @vbe/core/plans: planSchema (with the strategy ids and the plugins' phone numbers)
  [/^period must be T1, T2 or T3 \(the four-month periods\)$/, 'måste vara T1, T2 eller T3 (årets tertial)'],
  [/^period\.from must not be after period\.to$/, 'period.from får inte vara senare än period.to'],
  [/^existingStructure must be \{ kind: "existing", name \} or \{ kind: "new", reason \}$/, 'måste vara { kind: "existing", name } eller { kind: "new", reason }'],
  [/^district must be a district plugin id, for example (.+)$/, 'måste vara id:t för en stadsdel, till exempel $1'],
  [/^email must be an email address$/, 'måste vara en e-postadress'],
  [/^must be a phone number of digits, spaces and hyphens, as published$/, 'måste vara ett telefonnummer med siffror, mellanslag och bindestreck, så som det är publicerat'],
  [/^duplicate \w+ id (.+)$/, 'id:t $1 används redan'],
  [/^must be an? [\w ]+ id \((.+)\), got (.*)$/, 'måste vara något av id:na $1 (du angav $2)'],
  [/^must be a level \((.+)\), got (.*)$/, 'måste vara någon av nivåerna $1 (du angav $2)'],
  [new RegExp(`^${FIELD}must be letters, digits, dots, hyphens or underscores$`), 'får bara innehålla bokstäver, siffror, punkter, bindestreck och understreck'],
  [new RegExp(`^${FIELD}must be (\\d{4}) or later$`), 'måste vara $1 eller senare'],
  // Phrases core's schemas share (some with the field's name first)
  [new RegExp(`^${FIELD}must be text$`), 'måste vara text'],
  [/^must be a string$/, 'måste vara text'],
  [new RegExp(`^${FIELD}must not be empty$`), 'får inte vara tomt'],
  [new RegExp(`^${FIELD}must be at most ${NUMBER} characters$`), 'får vara högst $1 tecken'],
  [new RegExp(`^${FIELD}must be a number$`), 'måste vara ett tal'],
  [/^must be one of (.+), got (.*)$/, 'måste vara något av värdena $1 (du angav $2)'],
  [new RegExp(`^${FIELD}must be one of (.+)$`), 'måste vara något av värdena $1'],
  [new RegExp(`^${FIELD}must be ([^\\s,]+(?:, [^\\s,]+)*) or ([^\\s,]+)$`), 'måste vara $1 eller $2'],
]

/** The Swedish for an English message, when it was declared or is one of core's; otherwise undefined. */
export function swedishFor(message: string): string | undefined {
  const known = declared.get(message)
  if (known !== undefined) return known
  for (const [pattern, sv] of CORE_MESSAGES) if (pattern.test(message)) return message.replace(pattern, sv)
  return undefined
}

/** A text in both languages; an English message without known Swedish stays English in both. */
export function localize(text: Text): LocalizedText {
  if (typeof text !== 'string') return text
  return { sv: swedishFor(text) ?? text, en: text }
}

/** A text in one language: Swedish falls back to English when it is missing. */
export function textIn(text: Text, lang: Locale): string {
  const both = localize(text)
  return (lang === 'sv' ? both.sv : both.en) || both.en
}

/** Zod's own English messages start like this; a schema's custom messages do not. */
const ZOD_DEFAULT = /^(Invalid |Too (big|small): |Unrecognized key)/

const list = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')
const both = (sv: string, en: string): LocalizedText => ({ sv, en })

/**
 * A zod issue from the API edge as a message in both languages: the schema's own
 * message when its Swedish is declared or known; zod's default messages replaced by
 * plain ones by issue code; any other custom message in English.
 */
export function issueText(issue: z.core.$ZodIssue): LocalizedText {
  const sv = swedishFor(issue.message)
  if (sv !== undefined) return { sv, en: issue.message }
  if (!ZOD_DEFAULT.test(issue.message)) return localize(issue.message)
  return issueCodeText(issue)
}

/** The one mapping from zod issue codes to messages, for zod's default messages. */
function issueCodeText(issue: z.core.$ZodIssue): LocalizedText {
  switch (issue.code) {
    case 'invalid_type': {
      // Zod keeps no input in the issue, but its message ends with what it received.
      if (/received undefined$/.test(issue.message)) return both('saknas', 'is missing')
      switch (issue.expected) {
        case 'string':
          return both('måste vara text', 'must be a string')
        case 'number':
          return both('måste vara ett tal', 'must be a number')
        case 'int':
          return both('måste vara ett heltal', 'must be a whole number')
        case 'boolean':
          return both('måste vara true eller false', 'must be true or false')
        case 'object':
          return both('måste vara ett objekt', 'must be an object')
        case 'array':
          return both('måste vara en lista', 'must be a list')
        default:
          return both(`måste vara av typen ${issue.expected}`, `must be of type ${issue.expected}`)
      }
    }
    case 'too_small': {
      const n = String(issue.minimum)
      if (issue.origin === 'string') return issue.minimum === 1 ? both('får inte vara tomt', 'must not be empty') : both(`måste vara minst ${n} tecken`, `must be at least ${n} characters`)
      if (issue.origin === 'array' || issue.origin === 'set') return both(`måste innehålla minst ${n} poster`, `must have at least ${n} items`)
      return issue.inclusive ? both(`måste vara minst ${n}`, `must be at least ${n}`) : both(`måste vara större än ${n}`, `must be more than ${n}`)
    }
    case 'too_big': {
      const n = String(issue.maximum)
      if (issue.origin === 'string') return both(`får vara högst ${n} tecken`, `must be at most ${n} characters`)
      if (issue.origin === 'array' || issue.origin === 'set') return both(`får innehålla högst ${n} poster`, `must have at most ${n} items`)
      return issue.inclusive ? both(`får vara högst ${n}`, `must be at most ${n}`) : both(`måste vara mindre än ${n}`, `must be less than ${n}`)
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? both(`måste vara ${JSON.stringify(issue.values[0])}`, `must be ${JSON.stringify(issue.values[0])}`)
        : both(`måste vara något av värdena ${list(issue.values)}`, `must be one of ${list(issue.values)}`)
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return both('måste vara en e-postadress', 'must be an e-mail address')
        case 'url':
          return both('måste vara en webbadress (URL)', 'must be a URL')
        case 'uuid':
        case 'guid':
          return both('måste vara ett id (ett UUID)', 'must be an id (a UUID)')
        case 'date':
          return both('måste vara ett datum skrivet ÅÅÅÅ-MM-DD', 'must be a date written YYYY-MM-DD')
        case 'datetime':
          return both('måste vara en tidpunkt skriven ÅÅÅÅ-MM-DDTtt:mm:ssZ', 'must be a time written YYYY-MM-DDTHH:MM:SSZ')
        default:
          return both('har fel format', 'has the wrong format')
      }
    case 'not_multiple_of':
      return both(`måste vara en multipel av ${String(issue.divisor)}`, `must be a multiple of ${String(issue.divisor)}`)
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? both(`okänt fält: ${issue.keys[0]}`, `unknown field: ${issue.keys[0]}`) : both(`okända fält: ${issue.keys.join(', ')}`, `unknown fields: ${issue.keys.join(', ')}`)
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options
      return Array.isArray(options) && options.length > 0
        ? both(`måste vara något av värdena ${list(options)}`, `must be one of ${list(options)}`)
        : both('passar inte någon av de tillåtna formerna', 'does not match any of the allowed forms')
    }
    case 'invalid_key':
      return both('innehåller en ogiltig nyckel', 'has an invalid key')
    case 'invalid_element':
      return both('innehåller ett ogiltigt värde', 'has an invalid value')
    case 'custom':
      return both('är ogiltigt', 'is invalid')
  }
}
