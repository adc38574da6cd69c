import { z } from 'zod'
import {
  coded,
  codedMessage,
  fieldProblem,
  formatPath,
  given,
  issueMessage,
  messageText,
  parseFailure,
  valueOrThrow,
  type CodedMessage,
  type FieldProblem,
  type LocalizedText,
  type ParseResult,
} from '../shared/index.js'
import { isRealIsoDate } from './dates.js'

/**
 * The grant application exchange format. Field names are fixed because district
 * systems export to it: add fields, never rename them. Every object is strict, so an
 * unknown field is rejected, and fields about religion, ethnicity, political opinion and
 * the like are rejected with a message saying that screening may not consider them.
 */

export const CONDUCTS = [
  'violence',
  'threat',
  'coercion',
  'rights-violation',
  'encouraging-violence',
  'discrimination',
  'anti-democratic-activity',
  'enabling-violent-extremism',
] as const
export type Conduct = (typeof CONDUCTS)[number]

export const ACTORS = ['organisation', 'representative'] as const
export type Actor = (typeof ACTORS)[number]

export const EVIDENCE_SOURCE_KINDS = ['court-judgment', 'police-report', 'authority-statement', 'media', 'own-observation', 'tip'] as const
export type EvidenceSourceKind = (typeof EVIDENCE_SOURCE_KINDS)[number]

export const BANK_ACCOUNT_KINDS = ['bankgiro', 'plusgiro', 'bank-account'] as const
export type BankAccountKind = (typeof BANK_ACCOUNT_KINDS)[number]

/**
 * Field names that screening may not consider, compared case-insensitively and without
 * `-`, `_` or spaces: the five named in the exchange format, and the other special
 * categories of personal data (GDPR art. 9) an export might carry by mistake.
 */
export const FORBIDDEN_FIELD_NAMES: ReadonlySet<string> = new Set([
  'religion',
  'religiousbelief',
  'religiousbeliefs',
  'faith',
  'ethnicity',
  'ethnicorigin',
  'race',
  'politicalopinion',
  'politicalopinions',
  'politicalaffiliation',
  'politicalviews',
  'nationality',
  'philosophicalbelief',
  'philosophicalbeliefs',
  'sexualorientation',
  'tradeunionmembership',
])

const normaliseFieldName = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, '')

/** The exchange format's own field names: never forbidden, so checking them is one lookup. */
const FORMAT_FIELD_NAMES: ReadonlySet<string> = new Set(
  'id programme amountRequested association name organisationNumber registeredOn activitySince bankAccount kind number holderIsAssociation statutes adoptedOn adoptedAtAnnualMeeting board electedOn electedAtAnnualMeeting auditorElected members total residentInCityShare previousGrants year amount reportDue reportSubmittedOn declaration democraticPrinciples humanRights genderEquality signedOn evidence conduct actor representativeAge withinActivities verified date source reference summary'.split(
    ' ',
  ),
)

/** True when a field with this name may not be part of a screening (see FORBIDDEN_FIELD_NAMES). */
export const isForbiddenFieldName = (key: string): boolean =>
  !FORMAT_FIELD_NAMES.has(key) && FORBIDDEN_FIELD_NAMES.has(normaliseFieldName(key))

/** The English of the problem a forbidden field gets (code `application.forbiddenField`). */
export const FORBIDDEN_FIELD_MESSAGE: string = messageText('application.forbiddenField').en

/**
 * True for a Swedish organisation number: 10 digits written `NNNNNN-NNNN` or without
 * the hyphen, third digit at least 2, and the last digit the Luhn check digit over the
 * first nine.
 */
export function isOrganisationNumber(value: string): boolean {
  return organisationNumberProblem(value) === undefined
}

function organisationNumberProblem(value: string): CodedMessage | undefined {
  if (!/^\d{6}-?\d{4}$/.test(value)) return { code: 'organisationNumber.format', params: {} }
  const digits = value.replace('-', '')
  if (Number(digits[2]) < 2) return { code: 'organisationNumber.personal', params: {} }
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1)
    if (d > 9) d -= 9
    sum += d
  }
  const check = (10 - (sum % 10)) % 10
  if (Number(digits[9]) !== check) return { code: 'organisationNumber.checkDigit', params: { check } }
  return undefined
}

/** `value.missing` when the value is absent, otherwise `code`. */
const missingOr = (code: Parameters<typeof codedMessage>[0], params?: (input: unknown) => Parameters<typeof codedMessage>[1]) => ({
  error: (i: { readonly input?: unknown }) =>
    codedMessage(i.input === undefined ? 'value.missing' : code, i.input === undefined ? undefined : params?.(i.input)),
})

const date = () =>
  z.string(missingOr('date.format')).refine(
    isRealIsoDate,
    coded('date.invalid', (input) => ({ got: given(input) })),
  )

const bool = z.boolean(missingOr('type.boolean'))
const text = (max: number) => z.string(missingOr('type.string')).trim().min(1, coded('text.empty')).max(max, coded('text.tooLong', { max }))
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(
    values,
    missingOr('value.oneOfGot', (input) => ({ values, got: given(input) })),
  )
/** The largest whole number a field takes: one billion (amounts in kronor, member counts), which a database integer holds. */
const MAX_WHOLE = 1_000_000_000
const int = (min: number, max: number = MAX_WHOLE) =>
  z
    .number(missingOr('type.number'))
    .int(coded('type.integer'))
    .min(min, coded('number.min', { min }))
    .max(max, coded('number.max', { max }))
/** The most previous grants and evidence items one application carries. */
export const APPLICATION_LIMITS = { previousGrants: 50, evidence: 100 } as const

const objectError = missingOr('type.object')

export const organisationNumberSchema = z
  .string(missingOr('type.string'))
  .superRefine((value, ctx) => {
    const problem = organisationNumberProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: codedMessage(problem.code, problem.params) })
  })
  // One spelling inside: NNNNNN-NNNN.
  .transform((v) => (v.length === 10 ? `${v.slice(0, 6)}-${v.slice(6)}` : v))

export const bankAccountSchema = z
  .object(
    {
      kind: choice(BANK_ACCOUNT_KINDS),
      number: z.string(missingOr('type.string')).regex(/^\d[\d -]{3,18}\d$/, coded('bankAccount.number')),
      /** The account is registered in the association's name. */
      holderIsAssociation: bool,
    },
    objectError,
  )
  .strict()

export const associationSchema = z
  .object(
    {
      name: text(200),
      organisationNumber: organisationNumberSchema,
      registeredOn: date().optional(),
      /** The day the association's documented activity began. */
      activitySince: date(),
      bankAccount: bankAccountSchema,
    },
    objectError,
  )
  .strict()

export const statutesSchema = z.object({ adoptedOn: date(), adoptedAtAnnualMeeting: bool }, objectError).strict()

export const boardSchema = z.object({ electedOn: date(), electedAtAnnualMeeting: bool, auditorElected: bool }, objectError).strict()

export const membersSchema = z
  .object(
    {
      total: int(0),
      residentInCityShare: z.number(missingOr('type.number')).min(0, coded('application.share')).max(1, coded('application.share')),
    },
    objectError,
  )
  .strict()

export const previousGrantSchema = z
  .object(
    {
      year: int(1900, 2100),
      amount: int(0),
      /** The last day for the report on how the grant was used. */
      reportDue: date(),
      reportSubmittedOn: date().optional(),
    },
    objectError,
  )
  .strict()

export const declarationSchema = z
  .object(
    {
      democraticPrinciples: bool,
      humanRights: bool,
      genderEquality: bool,
      signedOn: date().optional(),
    },
    objectError,
  )
  .strict()

export const evidenceSchema = z
  .object(
    {
      id: text(100),
      conduct: choice(CONDUCTS),
      actor: choice(ACTORS),
      /** Age of the representative when the conduct took place; only for actor `representative`. */
      representativeAge: int(0)
        .max(130, coded('number.max', { max: 130 }))
        .optional(),
      /** The conduct took place within the association's activities. */
      withinActivities: bool,
      /** The conduct is established (for example by a judgment), not only alleged. */
      verified: bool,
      date: date(),
      source: z.object({ kind: choice(EVIDENCE_SOURCE_KINDS), reference: text(200).optional() }, objectError).strict(),
      /** Free text for the officer. Never used by the rules. */
      summary: text(4000).optional(),
    },
    objectError,
  )
  .strict()
  .superRefine((e, ctx) => {
    if (e.actor === 'organisation' && e.representativeAge !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['representativeAge'], message: codedMessage('application.representativeAgeOnly') })
    }
  })

export const applicationSchema = z
  .object(
    {
      id: text(100),
      /** The programme applied to, `<plugin>/<programme>`, for example `rinkeby-kista/foreningsbidrag`. */
      programme: text(200),
      /** In whole kronor. */
      amountRequested: int(1),
      association: associationSchema,
      statutes: statutesSchema.optional(),
      board: boardSchema,
      members: membersSchema.optional(),
      previousGrants: z
        .array(previousGrantSchema, missingOr('type.array'))
        .max(APPLICATION_LIMITS.previousGrants, coded('list.tooLong', { max: APPLICATION_LIMITS.previousGrants }))
        .default([]),
      declaration: declarationSchema.optional(),
      evidence: z
        .array(evidenceSchema, missingOr('type.array'))
        .max(APPLICATION_LIMITS.evidence, coded('list.tooLong', { max: APPLICATION_LIMITS.evidence }))
        .default([]),
    },
    objectError,
  )
  .strict()
  .superRefine((app, ctx) => {
    const seen = new Map<string, number>()
    app.evidence.forEach((e, index) => {
      const first = seen.get(e.id)
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', index, 'id'],
          message: codedMessage('application.duplicateEvidence', { first: evidenceItemName(first, app.evidence[first]!.date) }),
        })
      else seen.set(e.id, index)
    })
  })

const ORDINALS_SV = ['första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde']
const ORDINALS_EN = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']

/**
 * An evidence item named for people by its place in the list and its date: "det första
 * underlaget (daterat 2026-05-01)" / "the first evidence item (dated 2026-05-01)", never
 * a field path or the item's id.
 */
export function evidenceItemName(index: number, date: string): LocalizedText {
  const sv = ORDINALS_SV[index]
  const en = ORDINALS_EN[index]
  return {
    sv: `${sv === undefined ? `underlag nummer ${index + 1}` : `det ${sv} underlaget`} (daterat ${date})`,
    en: `${en === undefined ? `evidence item number ${index + 1}` : `the ${en} evidence item`} (dated ${date})`,
  }
}

export type ApplicationInput = z.input<typeof applicationSchema>
export type Application = z.output<typeof applicationSchema>
export type Evidence = Application['evidence'][number]
export type PreviousGrant = Application['previousGrants'][number]

/** Finds forbidden field names at any depth, with their paths. */
function forbiddenFields(value: unknown, path: PropertyKey[], out: FieldProblem[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i)
      forbiddenFields(value[i], path, out)
      path.pop()
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key)
      if (isForbiddenFieldName(key)) out.push(fieldProblem(formatPath(path), 'application.forbiddenField'))
      else forbiddenFields((value as Record<string, unknown>)[key], path, out)
      path.pop()
    }
  }
}

/**
 * Parses one application at the edge without throwing: `{ ok: true, value }` with the
 * typed Application, or `{ ok: false, problems, error }` whose problems give each field
 * path and what is wrong with it (the same shape as `safeParsePlan`). Unknown fields are
 * named one by one; forbidden fields (religion, ethnicity, …) get a message saying that
 * screening may not consider them.
 *
 * @example
 * const parsed = safeParseApplication(JSON.parse(body))
 * if (!parsed.ok) return reply(400, parsed.problems)
 */
export function safeParseApplication(input: unknown): ParseResult<Application> {
  const problems: FieldProblem[] = []
  forbiddenFields(input, [], problems)
  const result = applicationSchema.safeParse(input)
  if (result.success && problems.length === 0) return { ok: true, value: result.data }
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          if (isForbiddenFieldName(key)) continue // already reported with its own message
          problems.push(fieldProblem(formatPath([...issue.path, key]), 'application.unknownField'))
        }
      } else {
        const { code, params } = issueMessage(issue)
        problems.push(fieldProblem(formatPath(issue.path), code, params))
      }
    }
  }
  const id = typeof input === 'object' && input !== null && 'id' in input && typeof input.id === 'string' ? input.id : undefined
  return parseFailure(id === undefined ? 'Application' : `Application ${JSON.stringify(id)}`, problems)
}

/**
 * Parses one application at the edge; throws a ValidationError naming each field (see
 * `safeParseApplication`), as `parsePlan` does for plans.
 *
 * @example
 * const application = parseApplication(JSON.parse(body))
 */
export function parseApplication(input: unknown): Application {
  return valueOrThrow(safeParseApplication(input))
}

/** @deprecated The same as `parseApplication`, which now throws; kept for one release. */
export const parseApplicationOrThrow: (input: unknown) => Application = parseApplication
