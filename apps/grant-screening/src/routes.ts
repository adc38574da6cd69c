import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { isRealIsoDate, explain } from '@vbe/core/grants'
import type { Context } from 'hono'
import {
  auditEventSchema,
  auditVerificationSchema,
  bilingual,
  Invalid,
  issueText,
  listAudit,
  problems,
  requestLanguage,
  requireUser,
  run,
  SESSION,
  SESSION_AND_CSRF,
  PUBLIC,
  textIn,
  verificationBody,
  verifyAudit,
  type AppError,
  type Clock,
  type CurrentUser,
  type Db,
  type KitEnv,
  type Role,
} from '@vbe/server-kit'
import {
  addEvidence,
  addNote,
  approve,
  caseDetail,
  createCase,
  declareConflict,
  decide,
  erasePerson,
  exportPerson,
  findPersons,
  letterData,
  listCases,
  listRescreenRuns,
  parseOrInvalid,
  Plugins,
  reclaim,
  rescreenOpenCases,
  scopeOf,
  screenApplication,
  setFollowUp,
} from './cases.js'
import { csvItems, importItems, jsonItems } from './intake.js'
import { renderLetterHtml, renderLetterPdf } from './letter.js'
import { stockholmDay } from './plugins.js'
import { CASE_STATUSES, DECISION_KINDS, PERSON_ROLES } from './schema.js'
import { caseDetailSchema, caseSummarySchema, outcomeSchema as outcome, personExportSchema, personMatchSchema, rescreenRunSchema, screeningResultSchema } from './routes/schemas.js'
import type { ComposedPlugins } from '@vbe/core/plugins'

const json = <S extends z.ZodType>(schema: S, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } })

// Messages that core's phrases (must not be empty, must be at most N characters, must be
// at least N) do not cover are declared here in both languages.
const date = z.string().refine(isRealIsoDate, { message: bilingual({ sv: 'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD', en: 'must be a real date written YYYY-MM-DD' }) })
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
const idParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) })

export const personSchema = z
  .object({
    role: z.enum(PERSON_ROLES),
    name: text(200),
    email: z
      .string()
      .trim()
      .max(254)
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s.][^@\s]*$/, bilingual({ sv: 'måste vara en e-postadress', en: 'must be an e-mail address' }))
      .optional(),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[\d +\-()]+$/, bilingual({ sv: 'måste vara ett telefonnummer med siffror, mellanslag, +, - och parenteser', en: 'must be a phone number of digits, spaces, +, - and parentheses' }))
      .optional(),
  })
  .strict()
  .openapi('Person')
const personsSchema = z.array(personSchema).max(50, bilingual({ sv: 'högst 50 personer', en: 'at most 50 persons' }))
const wholeKronor = bilingual({ sv: 'måste vara hela kronor', en: 'must be whole kronor' })

const OFFICERS = ['officer', 'approver', 'admin', 'auditor'] as const

export function registerRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = <A>(c: Context<KitEnv>, e: Effect.Effect<A, AppError, Db | Clock | CurrentUser | Plugins>, roles?: readonly Role[]) => run(c, Effect.provideService(e, Plugins, plugins), roles)

  app.openapi(createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['meta'],
      operationId: 'getHealth',
      summary: 'Liveness and database',
      description: 'Answers 200 while the server runs, with the kind of database it uses (pglite or postgres). Needs no login, for monitoring.',
      security: PUBLIC,
      responses: { 200: json(z.object({ ok: z.boolean(), database: z.enum(['pglite', 'postgres']) })) },
    }), (c) =>
    c.json({ ok: true, database: c.get('kit').database.kind }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/districts',
      tags: ['cases'],
      operationId: 'listDistricts',
      summary: 'The districts this installation serves, with their names',
      description: 'Every installed district plugin’s id and name in Swedish and English, so that a client shows a district id as its name. Any logged-in user.',
      security: SESSION,
      responses: { 200: json(z.object({ districts: z.array(z.object({ id: z.string(), name: z.object({ sv: z.string(), en: z.string() }) })) })), ...problems(401) },
    }),
    (c) => {
      requireUser(c)
      return c.json({ districts: plugins.plugins.map((p) => ({ id: p.id, name: { sv: p.name.sv, en: p.name.en } })) }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/programmes',
      tags: ['cases'],
      operationId: 'listProgrammes',
      summary: 'Grant programmes in your scope',
      description: 'The grant programmes of your district (all districts for city-wide admins and auditors), with the maximum amount and the years of activity they ask for.',
      security: SESSION,
      responses: { 200: json(z.object({ programmes: z.array(z.object({ id: z.string(), district: z.string(), name: z.object({ sv: z.string(), en: z.string() }), maxAmount: z.number().nullable(), minYearsOfActivity: z.number().nullable() })) })), ...problems(401) },
    }),
    (c) => {
      const user = requireUser(c)
      const scope = scopeOf(user)
      const programmes = plugins.grantProgrammes
        .filter((p) => scope === null || p.pluginId === scope)
        .map((p) => ({ id: p.id, district: p.pluginId, name: { sv: p.name.sv, en: p.name.en }, maxAmount: p.parameters.maxAmount ?? null, minYearsOfActivity: p.parameters.minYearsOfActivity ?? null }))
      return c.json({ programmes }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/screen',
      tags: ['cases'],
      operationId: 'screenApplication',
      summary: 'Screen an application without storing it',
      description:
        'Screens an application in the exchange format (docs/grants.md) against the rules in force today and answers with the outcome and every finding with its reason and sources. Nothing is stored. Officers, approvers and admins.',
      security: SESSION_AND_CSRF,
      request: body(z.object({ application: z.unknown().openapi({ description: 'The application in the exchange format (docs/grants.md); checked by the screening, which names each wrong field' }) }).strict()),
      responses: { 200: json(screeningResultSchema), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { application } = c.req.valid('json')
      const result = await go(c, Effect.flatMap(parseOrInvalid(application), screenApplication), ['officer', 'approver', 'admin'])
      return c.json(result, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases',
      tags: ['cases'],
      operationId: 'listCases',
      summary: 'The queue, in your scope (no personal data)',
      description: 'Cases of your district (all districts when city-wide), filtered and paged, oldest due first. Summaries only: no persons, no application document.',
      security: SESSION,
      request: {
        query: z.object({
          status: z.enum(CASE_STATUSES).optional(),
          programme: z.string().max(200).optional(),
          outcome: outcome.optional(),
          dueBefore: date.optional(),
          q: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
          offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(caseSummarySchema), total: z.number().int().openapi({ description: 'All matching cases, not only this page' }) })), ...problems(400, 401, 403) },
    }),
    async (c) => c.json(await go(c, listCases(c.req.valid('query')), [...OFFICERS]), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases',
      tags: ['cases'],
      operationId: 'createCase',
      summary: 'Take in one application (screened on intake)',
      description: 'Stores an application with its board members and contacts as a new case in the application’s district, and screens it. Officers of that district and admins.',
      security: SESSION_AND_CSRF,
      request: body(z.object({ application: z.unknown(), persons: personsSchema.optional() }).strict()),
      responses: { 201: json(caseDetailSchema, 'Created'), ...problems(400, 401, 403, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json(await go(c, createCase(b.application, b.persons ?? []), ['officer', 'admin']), 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/import',
      tags: ['cases'],
      operationId: 'importCases',
      summary: 'Import applications from CSV or JSON',
      description:
        'Takes in many applications at once, from CSV (text/csv, the columns in docs/grants.md) or JSON (a list of { application, persons? }). Good rows become cases; each bad row is reported by its number, field and problem, in the request’s language. Officers and admins.',
      security: SESSION_AND_CSRF,
      request: {
        body: {
          // Not `required`, so the JSON validator does not run on CSV bodies; the handler checks the type.
          required: false,
          content: {
            'text/csv': { schema: z.string().openapi({ description: 'CSV with the columns in docs/grants.md, plus optional contact.name, contact.email, contact.phone' }) },
            'application/json': { schema: z.array(z.unknown()).openapi({ description: 'Items { application, persons? }; each bad item is reported by its number' }) },
          },
        },
      },
      responses: {
        200: json(z.object({ imported: z.array(z.object({ row: z.number().int(), id: z.string() })), errors: z.array(z.object({ row: z.number().int(), path: z.string(), message: z.string() })) }), 'What was imported, and each bad row'),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      requireUser(c, ['officer', 'admin'])
      const type = c.req.header('content-type') ?? ''
      const items = /json/i.test(type)
        ? jsonItems(await c.req.json())
        : /csv|text\/plain/i.test(type)
          ? csvItems(await c.req.text())
          : Effect.fail(
              new Invalid({
                detail: { sv: 'Skicka text/csv eller application/json.', en: 'Send text/csv or application/json.' },
                problems: [{ path: 'content-type', message: { sv: `måste vara text/csv eller application/json (du skickade ${JSON.stringify(type)})`, en: `must be text/csv or application/json, got ${JSON.stringify(type)}` } }],
              }),
            )
      const validatePersons = (persons: unknown) => {
        const r = personsSchema.safeParse(persons)
        return r.success ? [] : r.error.issues.map((i) => ({ path: `persons${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`, message: issueText(i) }))
      }
      const report = await go(c, (Effect.flatMap(items, (list) => importItems(list, validatePersons))), ['officer', 'admin'])
      // The row errors are in the request's language, like a problem's.
      const lang = requestLanguage(c)
      c.header('Content-Language', lang)
      c.header('Vary', 'Accept-Language')
      return c.json({ imported: report.imported, errors: report.errors.map((e) => ({ ...e, message: textIn(e.message, lang) })) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/conflict',
      tags: ['cases'],
      operationId: 'declareConflict',
      summary: 'Declare whether you have a conflict of interest',
      description: 'Before opening a case, an officer or approver declares whether they have a conflict of interest (jäv). Who declares one is kept out of the case; the declaration is logged.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ conflict: z.boolean(), comment: z.string().max(2000).optional() }).strict()) },
      responses: { 200: json(z.object({ declared: z.boolean(), conflict: z.boolean() })), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json(await go(c, declareConflict(c.req.valid('param').id, b.conflict, b.comment)), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}',
      tags: ['cases'],
      operationId: 'getCase',
      summary: 'The case',
      description: 'The case with its application, screening, persons, notes, decision and follow-up. The read is logged in the audit log, and needs a declaration of no conflict of interest first.',
      security: SESSION,
      request: { params: idParam },
      responses: { 200: json(caseDetailSchema), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await go(c, caseDetail(c.req.valid('param').id), [...OFFICERS]), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/evidence',
      tags: ['cases'],
      operationId: 'addEvidence',
      summary: 'Add an evidence item; the case is re-screened',
      description: 'Adds an evidence item about conduct (with its source) to the application and screens the case again. The officer of the case, before it is decided.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.record(z.string(), z.unknown()).openapi({ description: 'An evidence item in the exchange format (docs/grants.md)' })) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, addEvidence(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/notes',
      tags: ['cases'],
      operationId: 'addNote',
      summary: 'Add a note',
      description: 'Adds a note to the case, signed with your name and the time.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ text: text(4000) }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404) },
    }),
    async (c) => c.json(await go(c, addNote(c.req.valid('param').id, c.req.valid('json').text)), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/decision',
      tags: ['decisions'],
      operationId: 'decideCase',
      summary: 'Decide: approve, deny or a partial amount, with written reasons',
      description:
        'Records the decision with its reasons and the language of the letter. Where a democracy finding needs a person’s judgement, the decision waits for a second approver (four eyes). The officer of the case.',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        ...body(z.object({ kind: z.enum(DECISION_KINDS), amount: z.number().int(wholeKronor).min(1, 'must be at least 1').optional(), reasons: text(10_000), letterLocale: z.enum(['sv', 'en']) }).strict()),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, decide(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/approval',
      tags: ['decisions'],
      operationId: 'approveDecision',
      summary: 'Second approval (four eyes)',
      description: 'An approver other than the decider approves the decision or sends it back, with an optional comment.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ approve: z.boolean(), comment: z.string().max(4000).optional() }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json(await go(c, approve(c.req.valid('param').id, b.approve, b.comment)), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/letter',
      tags: ['decisions'],
      operationId: 'getDecisionLetter',
      summary: 'The decision letter, as HTML or PDF',
      description: 'The decision letter with its reasons, the findings and their sources, and how to appeal, as printable HTML or as PDF, in Swedish or English (the decision’s language by default). The read is logged.',
      security: SESSION,
      request: { params: idParam, query: z.object({ lang: z.enum(['sv', 'en']).optional(), format: z.enum(['html', 'pdf']).optional() }) },
      responses: { 200: { description: 'The letter', content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { lang, format } = c.req.valid('query')
      const { row, decision, screening } = await go(c, letterData(id), [...OFFICERS])
      const locale = lang ?? decision.letterLocale
      const programme = plugins.programme(row.programme)
      const input = {
        locale,
        caseId: row.id,
        district: row.district,
        programme: { id: row.programme, name: programme ? programme.name[locale] : row.programme },
        association: { name: row.association_name, organisationNumber: row.organisation_number },
        amountRequested: row.amount_requested,
        decision,
        explanation: explain(screening, { locale, plugins }),
        issuedOn: stockholmDay(new Date(decision.approvedAt ?? decision.decidedAt)),
      }
      if (format === 'pdf') {
        const pdf = await renderLetterPdf(input)
        return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="beslut-${row.id}.pdf"` })
      }
      return c.html(renderLetterHtml(input), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/cases/{id}/follow-up',
      tags: ['follow-up'],
      operationId: 'setFollowUp',
      summary: 'Report due date and report received',
      description: 'Sets when the association’s report on the grant is due and when it was received (null clears either).',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        ...body(
          z
            .object({ reportDue: date.nullable().optional(), reportReceivedOn: date.nullable().optional() })
            .strict()
            .refine((v) => v.reportDue !== undefined || v.reportReceivedOn !== undefined, { message: bilingual({ sv: 'ange reportDue eller reportReceivedOn', en: 'give reportDue or reportReceivedOn' }), path: ['reportDue'] }),
        ),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, setFollowUp(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/reclaim',
      tags: ['follow-up'],
      operationId: 'reclaimGrant',
      summary: 'Reclaim (återkrav) with reasons',
      description: 'Records a claim to pay back an amount of a granted sum, with reasons, when the conditions of the grant were broken.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ amount: z.number().int(wholeKronor).min(1, 'must be at least 1'), reasons: text(10_000) }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, reclaim(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/rescreen',
      tags: ['rules'],
      operationId: 'rescreenOpenCases',
      summary: 'Re-screen all open cases with the rules in force today',
      description: 'Screens every open case in your scope again, stores the new results and lists the cases whose outcome flipped, with the rules that flipped them. Admins.',
      security: SESSION_AND_CSRF,
      responses: { 200: json(z.object({ run: rescreenRunSchema })), ...problems(401, 403) },
    }),
    async (c) => c.json({ run: await go(c, rescreenOpenCases(), ['admin']) }, 200),
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rescreen',
      tags: ['rules'],
      operationId: 'listRescreenRuns',
      summary: 'Re-screen runs and their flips in your scope',
      description: 'Earlier re-screen runs, newest first, with the flips of cases in your scope.',
      security: SESSION,
      responses: { 200: json(z.object({ runs: z.array(rescreenRunSchema) })), ...problems(401, 403) },
    }),
    async (c) => c.json({ runs: await go(c, listRescreenRuns(), [...OFFICERS]) }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      operationId: 'listAuditEvents',
      summary: 'The audit log, newest first',
      description: 'Events of your scope, newest first, paged by `before` (an event number). Auditors and admins.',
      security: SESSION,
      request: { query: z.object({ entityId: z.string().max(100).optional(), before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }) },
      responses: { 200: json(z.object({ events: z.array(auditEventSchema) })), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const user = requireUser(c, ['auditor', 'admin'])
      const q = c.req.valid('query')
      const scope = scopeOf(user)
      const events = await go(c, listAudit({ ...(q.entityId ? { entityId: q.entityId } : {}), ...(q.before ? { before: q.before } : {}), limit: q.limit ?? 100, ...(scope === null ? {} : { districts: [scope] }) }))
      return c.json({ events }, 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/verify',
      tags: ['audit'],
      operationId: 'verifyAuditChain',
      summary: 'Verify the hash chain',
      description: 'Walks the whole audit chain and reports every altered, missing or inserted event, worded in the language of Accept-Language. Auditors and admins.',
      security: SESSION,
      responses: { 200: json(auditVerificationSchema), ...problems(401, 403) },
    }),
    async (c) => c.json(verificationBody(c, await go(c, verifyAudit(), ['auditor', 'admin'])), 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons',
      tags: ['gdpr'],
      operationId: 'findPersons',
      summary: 'Find a person by name, e-mail or phone',
      description: 'Board members and contacts whose name, e-mail or phone contains the text, with their case, for a request under the GDPR. Admins.',
      security: SESSION,
      request: { query: z.object({ q: text(200) }) },
      responses: { 200: json(z.object({ persons: z.array(personMatchSchema) })), ...problems(400, 401, 403) },
    }),
    async (c) => c.json({ persons: await go(c, findPersons(c.req.valid('query').q), ['admin']) }, 200),
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/persons/{id}/export',
      tags: ['gdpr'],
      operationId: 'exportPerson',
      summary: 'Everything stored about a person (GDPR art. 15)',
      description: 'The person record, the case it belongs to and the audit events about the person, for a subject access request. The export is logged. Admins.',
      security: SESSION,
      request: { params: idParam },
      responses: { 200: json(personExportSchema), ...problems(401, 403, 404) },
    }),
    async (c) => c.json(await go(c, exportPerson(c.req.valid('param').id), ['admin']), 200),
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/persons/{id}',
      tags: ['gdpr'],
      operationId: 'erasePerson',
      summary: 'Erase a person (GDPR art. 17)',
      description: 'Replaces the person’s name, e-mail and phone, and the audit payloads about them, with tombstones; the audit chain still verifies. Admins, with a reason.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ reason: text(1000) }).strict()) },
      responses: { 200: json(z.object({ erased: z.boolean(), tombstones: z.number() })), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, erasePerson(c.req.valid('param').id, c.req.valid('json').reason), ['admin']), 200),
  )
}

