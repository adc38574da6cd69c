/**
 * Validation messages as codes with parameters. Every field problem core reports has a
 * `code` from this catalogue and `params`; the catalogue words each code in Swedish and
 * English. Nobody recovers one language from the other: a UI or a problem response
 * words a problem from its code (`messageText`), so rewording the English cannot lose
 * the Swedish.
 *
 * A template refers to a parameter as `{name}` (a number or text as it is, a list
 * joined with ", ", a `{ sv, en }` value in the language asked for) or `{name:json}`
 * (quoted as JSON, for what someone typed). A template may leave a parameter out (the
 * Swedish usually does not repeat the field's name, which the path already gives).
 *
 * This module is a data table: one entry per code, grouped by where it is raised.
 */
export const MESSAGES = {
  // Any field (zod issue kinds and the shapes core's schemas share)
  'value.missing': { sv: 'saknas', en: 'is missing' },
  'value.invalid': { sv: 'är ogiltigt', en: 'is invalid' },
  'value.literal': { sv: 'måste vara {value:json}', en: 'must be {value:json}' },
  'value.oneOf': { sv: 'måste vara något av värdena {values}', en: 'must be one of {values}' },
  'value.oneOfGot': { sv: 'måste vara något av värdena {values} (du angav {got:json})', en: 'must be one of {values}, got {got:json}' },
  'value.noForm': { sv: 'passar inte någon av de tillåtna formerna', en: 'does not match any of the allowed forms' },
  'type.string': { sv: 'måste vara text', en: 'must be a string' },
  'type.number': { sv: 'måste vara ett tal', en: 'must be a number' },
  'type.integer': { sv: 'måste vara ett heltal', en: 'must be a whole number' },
  'type.boolean': { sv: 'måste vara true eller false', en: 'must be true or false' },
  'type.object': { sv: 'måste vara ett objekt', en: 'must be an object' },
  'type.array': { sv: 'måste vara en lista', en: 'must be a list' },
  'type.other': { sv: 'måste vara av typen {expected}', en: 'must be of type {expected}' },
  'text.empty': { sv: 'får inte vara tomt', en: 'must not be empty' },
  'text.tooShort': { sv: 'måste vara minst {min} tecken', en: 'must be at least {min} characters' },
  'text.tooLong': { sv: 'får vara högst {max} tecken', en: 'must be at most {max} characters' },
  'text.nul': { sv: 'får inte innehålla NUL-tecken (\\u0000)', en: 'must not contain NUL (\\u0000) characters' },
  'list.tooShort': { sv: 'måste innehålla minst {min} poster', en: 'must have at least {min} items' },
  'list.tooLong': { sv: 'får innehålla högst {max} poster', en: 'must have at most {max} items' },
  'number.min': { sv: 'måste vara minst {min}', en: 'must be at least {min}' },
  'number.above': { sv: 'måste vara större än {min}', en: 'must be more than {min}' },
  'number.max': { sv: 'får vara högst {max}', en: 'must be at most {max}' },
  'number.below': { sv: 'måste vara mindre än {max}', en: 'must be less than {max}' },
  'number.multipleOf': { sv: 'måste vara en multipel av {divisor}', en: 'must be a multiple of {divisor}' },
  'format.email': { sv: 'måste vara en e-postadress', en: 'must be an e-mail address' },
  'format.url': { sv: 'måste vara en webbadress (URL)', en: 'must be a URL' },
  'format.uuid': { sv: 'måste vara ett id (ett UUID)', en: 'must be an id (a UUID)' },
  'format.datetime': { sv: 'måste vara en tidpunkt skriven ÅÅÅÅ-MM-DDTtt:mm:ssZ', en: 'must be a time written YYYY-MM-DDTHH:MM:SSZ' },
  'format.other': { sv: 'har fel format', en: 'has the wrong format' },
  'field.unknown': { sv: 'okänt fält', en: 'unknown field' },
  'field.unknownNamed': { sv: 'okänt fält: {key}', en: 'unknown field: {key}' },
  'field.unknownMany': { sv: 'okända fält: {keys}', en: 'unknown fields: {keys}' },
  'key.invalid': { sv: 'innehåller en ogiltig nyckel', en: 'has an invalid key' },
  'element.invalid': { sv: 'innehåller ett ogiltigt värde', en: 'has an invalid value' },
  'json.invalid': { sv: 'är inte giltig JSON', en: 'is not valid JSON' },
  'json.tooDeep': { sv: 'är nästlat djupare än {max} nivåer', en: 'nests deeper than {max} levels' },
  'json.unreadable': { sv: 'är inte giltig JSON ({error})', en: 'is not valid JSON ({error})' },

  // Dates (shared/dates.ts)
  'date.format': { sv: 'måste vara ett datum skrivet ÅÅÅÅ-MM-DD', en: 'must be a date written YYYY-MM-DD' },
  'date.real': { sv: 'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD', en: 'must be a real date written YYYY-MM-DD' },
  'date.invalid': {
    sv: 'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD (du angav {got:json})',
    en: 'must be a real date written YYYY-MM-DD, got {got:json}',
  },
  'date.instant': { sv: 'måste vara en giltig tidpunkt (du angav {got:json})', en: 'must be a valid point in time, got {got:json}' },
  'date.outOfRange': {
    sv: 'ger ett datum utanför åren 0000–9999 (du angav {got:json})',
    en: 'takes the date outside the years 0000–9999, got {got:json}',
  },
  'number.wholeGot': { sv: 'måste vara ett heltal (du angav {got:json})', en: 'must be a whole number, got {got:json}' },
  'date.document': {
    sv: 'måste vara ett datum skrivet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
    en: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD',
  },
  'date.documentGot': {
    sv: 'måste vara ett datum skrivet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD (du angav {got:json})',
    en: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD, got {got:json}',
  },
  'date.documentNamed': {
    sv: 'måste vara ett datum skrivet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD',
    en: '{field} must be a date written YYYY, YYYY-MM or YYYY-MM-DD',
  },

  // Localized text, ids and sources (shared/text.ts, shared/sources.ts)
  'translation.missing': { sv: 'texten på {language} saknas', en: '{language} text is missing' },
  'translation.type': { sv: 'texten på {language} måste vara text', en: '{language} text must be a string' },
  'translation.empty': { sv: 'texten på {language} får inte vara tom', en: '{language} text must not be empty' },
  'slug.missing': { sv: 'saknas', en: '{field} is missing' },
  'slug.type': { sv: 'måste vara text', en: '{field} must be a string' },
  'slug.format': {
    sv: 'får bara innehålla små bokstäver, siffror och bindestreck och måste börja med en bokstav',
    en: '{field} must be lower-case letters, digits and hyphens, starting with a letter',
  },
  'source.document': {
    sv: 'måste vara ett av källdokumenten ({documents}) (du angav {got:json})',
    en: 'must name a source document ({documents}), got {got:json}',
  },
  'source.section': { sv: 'måste ange var i dokumentet innehållet står', en: 'section must name where in the document the content is' },

  // Strategy ids (strategy/schemas.ts)
  'strategy.id': { sv: 'måste vara något av id:na {ids} (du angav {got:json})', en: 'must be a {kind} id ({ids}), got {got:json}' },
  'strategy.level': { sv: 'måste vara någon av nivåerna {levels} (du angav {got:json})', en: 'must be a level ({levels}), got {got:json}' },
  'strategy.role': { sv: 'måste vara {roles} (du angav {got:json})', en: 'must be {roles}, got {got:json}' },

  // District plugins (plugins/schemas.ts)
  'url.public': { sv: 'måste vara en offentlig http(s)-adress', en: 'must be a public http(s) URL' },
  'time.format': { sv: 'måste vara en tid skriven TT:MM', en: 'must be a time written HH:MM' },
  'hours.order': { sv: 'öppningstiden måste vara före stängningstiden', en: 'opens must be before closes' },
  'hours.schedule': { sv: 'ange antingen alwaysOpen: true eller ett veckoschema', en: 'give either alwaysOpen: true or a weekly schedule' },
  'phone.published': {
    sv: 'måste vara ett telefonnummer med siffror, mellanslag och bindestreck, så som det är publicerat',
    en: 'must be a phone number of digits, spaces and hyphens, as published',
  },
  'contact.reach': {
    sv: 'en kontakt behöver ett telefonnummer eller en webbadress, annars kan ingen nå den',
    en: 'a contact needs a phone number or a url, or people cannot reach it',
  },
  'programme.idFormat': {
    sv: 'måste skrivas "<pluginens id>/<program>" med små bokstäver, till exempel {example:json}',
    en: 'programme id must be "<plugin id>/<programme>", lower-case, for example {example:json}',
  },
  'programme.idPrefix': {
    sv: 'måste börja med pluginens id, {prefix:json}',
    en: 'programme id must start with the plugin id, {prefix:json}',
  },
  'programme.sources': { sv: 'ett bidragsprogram behöver minst en källa', en: 'a programme needs at least one source' },
  'section.source': {
    sv: 'måste vara en källa i ett källdokument eller en webbkälla',
    en: 'source must be a seed document source or a web source',
  },
  'authority.caseNumberFormat': {
    sv: 'måste innehålla platshållaren för löpnumret, till exempel {example:json}',
    en: 'must contain the placeholder for the sequence number, for example {example:json}',
  },
  'authority.intervals': {
    sv: 'namnens giltighetstider måste komma i ordning och får inte överlappa: {detail}',
    en: 'the names’ validity intervals must be in order and must not overlap: {detail}',
  },
  'conditions.reportDue': {
    sv: 'texten med redovisningsdag måste innehålla platshållaren {placeholder:json} på svenska och engelska',
    en: 'the text with a report day must contain the placeholder {placeholder:json} in Swedish and English',
  },
  'list.duplicateIdAt': { sv: 'id:t {id:json} används redan (i {first})', en: 'duplicate id {id:json} (also at {first})' },

  // Grant applications (grants/application.ts)
  'application.unknownField': {
    sv: 'okänt fält: utbytesformatet har inget fält med det namnet',
    en: 'unknown field; the exchange format has no field with this name',
  },
  'application.forbiddenField': {
    sv: 'prövningen får inte ta hänsyn till religion, etnicitet, politisk åsikt, nationalitet eller liknande personliga egenskaper. Ta bort fältet.',
    en: 'screening may not consider religion, ethnicity, political opinion, nationality or similar personal characteristics; remove this field',
  },
  'application.share': { sv: 'måste vara en andel mellan 0 och 1', en: 'must be a share between 0 and 1' },
  'application.representativeAgeOnly': {
    sv: 'anges bara när uppgiften gäller en företrädare för föreningen, inte föreningen själv',
    en: 'is given only when the item concerns a representative of the association, not the association itself',
  },
  'application.duplicateEvidence': {
    sv: 'är samma id som {first} har; varje underlag behöver ett eget id',
    en: 'is the same id as {first} has; each evidence item needs an id of its own',
  },
  'organisationNumber.format': {
    sv: 'måste vara 10 siffror, skrivna NNNNNN-NNNN eller NNNNNNNNNN',
    en: 'must be 10 digits written NNNNNN-NNNN or NNNNNNNNNN',
  },
  'organisationNumber.personal': {
    sv: 'den tredje siffran måste vara minst 2 (en lägre siffra betyder att det är ett personnummer)',
    en: 'the third digit must be at least 2 (a lower one belongs to a personal identity number)',
  },
  'organisationNumber.checkDigit': {
    sv: 'kontrollsiffran stämmer inte (den sista siffran ska vara {check})',
    en: 'the check digit is wrong (the last digit should be {check})',
  },
  'bankAccount.number': {
    sv: 'måste vara ett kontonummer med siffror, med mellanslag eller bindestreck så som det är skrivet',
    en: 'must be an account number of digits, with spaces or hyphens as written',
  },

  // Grant applications as CSV (grants/csv.ts)
  'csv.columnTwice': { sv: 'kolumnen finns två gånger', en: 'the column appears twice' },
  'csv.personColumn': {
    sv: 'personkolumner läses inte in här. Ta bort kolumnen.',
    en: 'person columns are not read here; remove this column',
  },
  'csv.unknownColumn': {
    sv: 'okänd kolumn. Ta bort den eller ge den namnet på en av kolumnerna i formatet för ansökningar.',
    en: 'unknown column; remove it or give it the name of one of the columns of the application format',
  },
  'csv.contactNameRequired': {
    sv: 'måste fyllas i när contact.email eller contact.phone är ifyllt',
    en: 'is required when contact.email or contact.phone is given',
  },
  'csv.contactEmail': {
    sv: 'måste vara en e-postadress med ett @ och en punkt efter det, till exempel {example}',
    en: 'must be an e-mail address with one @ and a dot after it, for example {example}',
  },
  'csv.contactPhone': {
    sv: 'måste vara ett telefonnummer med siffror, mellanslag, +, - och parenteser, till exempel {example}',
    en: 'must be a phone number of digits, spaces, +, - and parentheses, for example {example}',
  },
  'csv.rowLength': { sv: 'har {got} fält, men rubrikraden har {expected}', en: 'has {got} fields, the header has {expected}' },

  // Screening inputs (grants/screen.ts)
  'programme.unknown': {
    sv: 'okänt bidragsprogram {programme:json}. Programmen som finns: {known}',
    en: 'Unknown grant programme {programme:json}. Known programmes: {known}',
  },
  'programme.unknownNone': {
    sv: 'okänt bidragsprogram {programme:json}. Programmen som finns: (inga: inget stadsdelstillägg har ett bidragsprogram)',
    en: 'Unknown grant programme {programme:json}. Known programmes: (none: no plugin offers a grant programme)',
  },
  'programme.notInForce': {
    sv: 'bidragsprogrammet {programme:json} gäller inte {on}: det gäller från {from}',
    en: 'Grant programme {programme:json} is not in force on {on}: it runs from {from}',
  },
  'programme.notInForceUntil': {
    sv: 'bidragsprogrammet {programme:json} gäller inte {on}: det gäller från {from} till {to}',
    en: 'Grant programme {programme:json} is not in force on {on}: it runs from {from} to {to}',
  },
  'screening.date': {
    sv: 'prövningsdagen måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD (du angav {got:json})',
    en: 'The screening date must be a real date written YYYY-MM-DD, got {got:json}',
  },
  'screening.plugins': {
    sv: 'måste vara en lista med stadsdelsplugins eller resultatet av composePlugins',
    en: 'must be a list of district plugins or the result of composePlugins',
  },

  // Local action plans (plans/schemas.ts). Worded for the person filling in the plan, in both languages:
  // the editor shows each after the field's own label, so neither names the field, its path or a code
  // (the params still carry the field, the limits and the allowed values for an API client).
  'plan.text': { sv: 'måste vara text', en: 'must be text' },
  'plan.empty': { sv: 'får inte vara tomt', en: 'must not be empty' },
  'plan.tooLong': { sv: 'får vara högst {max} tecken', en: 'must be at most {max} characters' },
  'plan.tooMany': { sv: 'får innehålla högst {max} poster', en: 'may hold at most {max} entries' },
  'plan.number': { sv: 'måste vara ett tal', en: 'must be a number' },
  'plan.idChars': {
    sv: 'får bara innehålla bokstäver, siffror, punkter, bindestreck och understreck',
    en: 'may only contain letters, digits, dots, hyphens and underscores',
  },
  'plan.oneOf': { sv: 'måste vara ett av de val som finns', en: 'must be one of the choices offered' },
  'plan.fromYear': { sv: 'måste vara {min} eller senare', en: 'must be {min} or later' },
  'plan.email': { sv: 'måste vara en e-postadress', en: 'must be an email address' },
  'plan.tertial': { sv: 'måste vara T1, T2 eller T3 (årets tertial)', en: 'must be T1, T2 or T3 (the year’s four-month periods)' },
  'plan.periodOrder': { sv: 'får inte vara före startdatumet', en: 'must not be before the start date' },
  'plan.existingStructure': {
    sv: 'ange en befintlig struktur med dess namn, eller en ny struktur och varför den behövs',
    en: 'name an existing structure, or choose a new structure and say why it is needed',
  },
  'plan.district': { sv: 'måste vara en av stadens stadsdelar', en: 'must be one of the city’s districts' },
  'plan.duplicateId': { sv: 'har samma id ({id:json}) som en annan post', en: 'has the same id ({id:json}) as another entry' },

  // The apps' API edge (request bodies, queries and parameters)
  'api.email': { sv: 'måste vara en e-postadress', en: 'must be an e-mail address' },
  'api.phone': {
    sv: 'måste vara ett telefonnummer med siffror, mellanslag, +, - och parenteser',
    en: 'must be a phone number of digits, spaces, +, - and parentheses',
  },
  'api.personsMax': { sv: 'högst {max} personer', en: 'at most {max} persons' },
  'api.wholeKronor': { sv: 'måste vara hela kronor', en: 'must be whole kronor' },
  'api.reportDate': { sv: 'ange reportDue eller reportReceivedOn', en: 'give reportDue or reportReceivedOn' },
  'api.planId': { sv: 'måste vara ett plan-id (ett UUID)', en: 'must be a plan id (a UUID)' },
  'api.planIdNamed': { sv: 'måste vara ett plan-id (ett UUID)', en: '{field} must be a plan id (a UUID)' },
  'api.districtId': { sv: 'måste vara id:t för en stadsdel', en: 'must be a district id' },
  'api.districtIdExample': {
    sv: 'måste vara id:t för en stadsdel, till exempel {example:json}',
    en: 'district must be a district id, for example {example:json}',
  },
  'api.year': { sv: 'måste vara ett årtal', en: 'must be a year' },
  'api.wholeYear': { sv: 'måste vara ett helt årtal', en: 'must be a whole year' },
  'api.version': { sv: 'måste vara ett versionsnummer', en: 'must be a version number' },
  'api.oneOrMore': { sv: 'måste vara 1 eller mer', en: 'must be 1 or more' },
  'api.planFrom': { sv: 'måste vara "template" eller "revision"', en: 'from must be "template" or "revision"' },
} as const satisfies Record<string, { readonly sv: string; readonly en: string }>

/** A message code: a key of the catalogue. */
export type MessageCode = keyof typeof MESSAGES

/** A parameter of a message: a number or text, a list of them, or a text in both languages. */
export type MessageParam = string | number | boolean | null | readonly MessageParam[] | { readonly sv: string; readonly en: string }

export type MessageParams = Readonly<Record<string, MessageParam>>

/** The codes of the catalogue, for tests and for UIs that list them. */
export const MESSAGE_CODES = Object.freeze(Object.keys(MESSAGES)) as readonly MessageCode[]

/** True when `code` is one of the catalogue's codes. */
export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES, code)
}

const isLocalized = (value: MessageParam): value is { readonly sv: string; readonly en: string } =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function paramText(value: MessageParam | undefined, json: boolean, locale: 'sv' | 'en'): string {
  if (value === undefined) return ''
  if (json) return JSON.stringify(value) ?? String(value)
  if (Array.isArray(value)) return value.map((v: MessageParam) => paramText(v, false, locale)).join(', ')
  if (isLocalized(value as MessageParam)) return (value as { readonly sv: string; readonly en: string })[locale]
  return String(value)
}

const PLACEHOLDER = /\{(\w+)(:json)?\}/g

/** Fills a template's `{name}` and `{name:json}` placeholders. */
export function fillTemplate(template: string, params: MessageParams, locale: 'sv' | 'en'): string {
  return template.replace(PLACEHOLDER, (_, name: string, json: string | undefined) => paramText(params[name], json !== undefined, locale))
}

/**
 * A code with its parameters, worded in Swedish and English.
 *
 * @example
 * messageText('date.invalid', { got: '2026-02-30' })
 * // { sv: 'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD (du angav "2026-02-30")',
 * //   en: 'must be a real date written YYYY-MM-DD, got "2026-02-30"' }
 */
export function messageText(code: MessageCode, params: MessageParams = {}): { sv: string; en: string } {
  const entry = MESSAGES[code]
  return { sv: fillTemplate(entry.sv, params, 'sv'), en: fillTemplate(entry.en, params, 'en') }
}

/** The names of the parameters a code's templates use, in both languages together. */
export function messageParamNames(code: MessageCode): string[] {
  const entry = MESSAGES[code]
  return [...new Set([...`${entry.sv} ${entry.en}`.matchAll(PLACEHOLDER)].map((m) => m[1]!))]
}
