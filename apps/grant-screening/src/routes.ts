import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { isRealIsoDate, explain } from '@vbe/core/grants'
import type { Context } from 'hono'
import {
  auditVerificationSchema,
  bilingual,
  Invalid,
  issueText,
  listAudit,
  problems,
  requestLanguage,
  requireUser,
  run,
  scopeOf,
  textIn,
  verificationJson,
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
  screenApplication,
  setFollowUp,
} from './cases.js'
import { csvItems, importItems, jsonItems } from './intake.js'
import { renderLetterHtml, renderLetterPdf } from './letter.js'
import { stockholmDay } from './plugins.js'
import { CASE_STATUSES, DECISION_KINDS, PERSON_ROLES } from './schema.js'
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

const outcome = z.enum(['eligible', 'ineligible', 'requires_assessment'])
const caseSummarySchema = z
  .object({
    id: z.string(),
    applicationRef: z.string(),
    district: z.string(),
    programme: z.string(),
    associationName: z.string(),
    amountRequested: z.number().int(),
    outcome,
    humanDecisionRequired: z.boolean(),
    status: z.enum(CASE_STATUSES),
    reportDue: z.string().nullable(),
    reportReceivedOn: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CaseSummary')
const caseDetailSchema = caseSummarySchema
  .extend({
    application: z.record(z.string(), z.unknown()).openapi({ description: 'The application in the exchange format (docs/grants.md)' }),
    screening: z.record(z.string(), z.unknown()).openapi({ description: 'The ScreeningResult: outcome, findings with reasons and sources, ruleset' }),
    rules: z.array(z.object({ id: z.string(), heading: z.object({ sv: z.string(), en: z.string() }) })),
    persons: z.array(z.record(z.string(), z.unknown())),
    notes: z.array(z.object({ id: z.string(), author: z.string(), text: z.string(), at: z.string() })),
    decision: z.record(z.string(), z.unknown()).nullable(),
    reclaim: z.record(z.string(), z.unknown()).nullable(),
    conflict: z.object({ declared: z.boolean(), conflict: z.boolean() }),
    version: z.number().int(),
  })
  .openapi('CaseDetail')
const rescreenRunSchema = z.object({ id: z.string(), at: z.string(), actor: z.string(), checked: z.number(), changed: z.number(), flips: z.array(z.record(z.string(), z.unknown())), rules: z.array(z.object({ id: z.string(), heading: z.object({ sv: z.string(), en: z.string() }) })) }).openapi('RescreenRun')

const OFFICERS = ['officer', 'approver', 'admin', 'auditor'] as const

export function registerRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = <A>(c: Context<KitEnv>, e: Effect.Effect<A, AppError, Db | Clock | CurrentUser | Plugins>, roles?: readonly Role[]) => run(c, Effect.provideService(e, Plugins, plugins), roles)

  app.openapi(createRoute({ method: 'get', path: '/api/health', tags: ['meta'], summary: 'Liveness and database', responses: { 200: json(z.object({ ok: z.boolean(), database: z.string() })) } }), (c) =>
    c.json({ ok: true, database: c.get('kit').database.kind }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/districts',
      tags: ['cases'],
      summary: 'The districts this installation serves, with their names (for showing a district id as its name)',
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
      summary: 'Grant programmes in your scope',
      responses: { 200: json(z.object({ programmes: z.array(z.object({ id: z.string(), district: z.string(), name: z.object({ sv: z.string(), en: z.string() }), maxAmount: z.number().nullable(), minYearsOfActivity: z.number().nullable() })) })), ...problems(401) },
    }),
    (c) => {
      const user = requireUser(c)
      const scope = scopeOf(user)
      const programmes = plugins.grantProgrammes
        .filter((p) => scope === null || scope.includes(p.pluginId))
        .map((p) => ({ id: p.id, district: p.pluginId, name: { sv: p.name.sv, en: p.name.en }, maxAmount: p.parameters.maxAmount ?? null, minYearsOfActivity: p.parameters.minYearsOfActivity ?? null }))
      return c.json({ programmes }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/screen',
      tags: ['cases'],
      summary: 'Screen an application without storing it',
      request: body(z.object({ application: z.unknown() }).strict()),
      responses: { 200: json(z.record(z.string(), z.unknown()).openapi('ScreeningResult')), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { application } = c.req.valid('json')
      const result = await go(c, (Effect.flatMap(parseOrInvalid(application), screenApplication)), ['officer', 'approver', 'admin'])
      return c.json(result as unknown as Record<string, unknown>, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases',
      tags: ['cases'],
      summary: 'The queue, in your scope (no personal data)',
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
      responses: { 200: json(z.object({ items: z.array(caseSummarySchema), total: z.number() })), ...problems(400, 401) },
    }),
    async (c) => c.json(await go(c, listCases(c.req.valid('query')), [...OFFICERS]), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases',
      tags: ['cases'],
      summary: 'Take in one application (screened on intake)',
      request: body(z.object({ application: z.unknown(), persons: personsSchema.optional() }).strict()),
      responses: { 201: json(caseDetailSchema, 'Created'), ...problems(400, 401, 403, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json((await go(c, createCase(b.application, b.persons ?? []), ['officer', 'admin'])) as never, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/import',
      tags: ['cases'],
      summary: 'Import applications from CSV (text/csv) or JSON; bad rows are reported, good rows imported',
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
        200: json(z.object({ imported: z.array(z.object({ row: z.number(), id: z.string() })), errors: z.array(z.object({ row: z.number(), path: z.string(), message: z.string() })) })),
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
      summary: 'Declare whether you have a conflict of interest (before opening the case)',
      request: { params: idParam, ...body(z.object({ conflict: z.boolean(), comment: z.string().max(2000).optional() }).strict()) },
      responses: { 200: json(z.object({ declared: z.boolean(), conflict: z.boolean() })), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json(await go(c, declareConflict(c.req.valid('param').id, b.conflict, b.comment)), 200)
    },
  )

  app.openapi(
    createRoute({ method: 'get', path: '/api/cases/{id}', tags: ['cases'], summary: 'The case (the read is logged)', request: { params: idParam }, responses: { 200: json(caseDetailSchema), ...problems(401, 403, 404) } }),
    async (c) => c.json((await go(c, caseDetail(c.req.valid('param').id), [...OFFICERS])) as never, 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/evidence',
      tags: ['cases'],
      summary: 'Add an evidence item with its source; the case is re-screened',
      request: { params: idParam, ...body(z.record(z.string(), z.unknown()).openapi({ description: 'An evidence item in the exchange format (docs/grants.md)' })) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json((await go(c, (addEvidence(c.req.valid('param').id, c.req.valid('json'))))) as never, 200),
  )

  app.openapi(
    createRoute({ method: 'post', path: '/api/cases/{id}/notes', tags: ['cases'], summary: 'Add a note', request: { params: idParam, ...body(z.object({ text: text(4000) }).strict()) }, responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404) } }),
    async (c) => c.json((await go(c, addNote(c.req.valid('param').id, c.req.valid('json').text))) as never, 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/decision',
      tags: ['decisions'],
      summary: 'Decide: approve, deny or a partial amount, with written reasons (four eyes where a democracy finding needs it)',
      request: {
        params: idParam,
        ...body(z.object({ kind: z.enum(DECISION_KINDS), amount: z.number().int(wholeKronor).min(1, 'must be at least 1').optional(), reasons: text(10_000), letterLocale: z.enum(['sv', 'en']) }).strict()),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json((await go(c, decide(c.req.valid('param').id, c.req.valid('json')))) as never, 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/approval',
      tags: ['decisions'],
      summary: 'Second approval (four eyes), by an approver other than the decider',
      request: { params: idParam, ...body(z.object({ approve: z.boolean(), comment: z.string().max(4000).optional() }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const b = c.req.valid('json')
      return c.json((await go(c, approve(c.req.valid('param').id, b.approve, b.comment))) as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/letter',
      tags: ['decisions'],
      summary: 'The decision letter, as printable HTML or PDF, in Swedish or English',
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
        return c.body(pdf as never, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="beslut-${row.id}.pdf"` })
      }
      return c.html(renderLetterHtml(input), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/cases/{id}/follow-up',
      tags: ['follow-up'],
      summary: 'Report due date and report received',
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
    async (c) => c.json((await go(c, setFollowUp(c.req.valid('param').id, c.req.valid('json')))) as never, 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/reclaim',
      tags: ['follow-up'],
      summary: 'Reclaim (återkrav) with reasons, when the conditions were broken',
      request: { params: idParam, ...body(z.object({ amount: z.number().int(wholeKronor).min(1, 'must be at least 1'), reasons: text(10_000) }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json((await go(c, reclaim(c.req.valid('param').id, c.req.valid('json')))) as never, 200),
  )

  app.openapi(
    createRoute({ method: 'post', path: '/api/rescreen', tags: ['rules'], summary: 'Re-screen all open cases with the rules in force today', responses: { 200: json(z.object({ run: rescreenRunSchema })), ...problems(401, 403) } }),
    async (c) => c.json({ run: await go(c, rescreenOpenCases(), ['admin']) } as never, 200),
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/rescreen', tags: ['rules'], summary: 'Re-screen runs and their flips in your scope', responses: { 200: json(z.object({ runs: z.array(rescreenRunSchema) })), ...problems(401) } }),
    async (c) => c.json({ runs: await go(c, listRescreenRuns(), [...OFFICERS]) } as never, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      summary: 'The audit log, newest first',
      request: { query: z.object({ entityId: z.string().max(100).optional(), before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }) },
      responses: { 200: json(z.object({ events: z.array(z.record(z.string(), z.unknown())) })), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const user = requireUser(c, ['auditor', 'admin'])
      const q = c.req.valid('query')
      const scope = scopeOf(user)
      const events = await go(c, listAudit({ ...(q.entityId ? { entityId: q.entityId } : {}), ...(q.before ? { before: q.before } : {}), limit: q.limit ?? 100, ...(scope === null ? {} : { districts: scope }) }))
      return c.json({ events } as never, 200)
    },
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/audit/verify', tags: ['audit'], summary: 'Verify the hash chain (problems worded in the Accept-Language)', responses: { 200: json(auditVerificationSchema), ...problems(401, 403) } }),
    async (c) => verificationJson(c, await go(c, verifyAudit(), ['auditor', 'admin'])) as never,
  )

  app.openapi(
    createRoute({ method: 'get', path: '/api/persons', tags: ['gdpr'], summary: 'Find a person (board member or contact) by name, e-mail or phone', request: { query: z.object({ q: text(200) }) }, responses: { 200: json(z.object({ persons: z.array(z.record(z.string(), z.unknown())) })), ...problems(400, 401, 403) } }),
    async (c) => c.json({ persons: await go(c, findPersons(c.req.valid('query').q), ['admin']) } as never, 200),
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/persons/{id}/export', tags: ['gdpr'], summary: 'Everything stored about a person (GDPR art. 15)', request: { params: idParam }, responses: { 200: json(z.record(z.string(), z.unknown())), ...problems(401, 403, 404) } }),
    async (c) => c.json((await go(c, exportPerson(c.req.valid('param').id), ['admin'])) as never, 200),
  )
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/persons/{id}',
      tags: ['gdpr'],
      summary: 'Erase a person (GDPR art. 17): tombstones keep the audit chain verifiable',
      request: { params: idParam, ...body(z.object({ reason: text(1000) }).strict()) },
      responses: { 200: json(z.object({ erased: z.boolean(), tombstones: z.number() })), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, erasePerson(c.req.valid('param').id, c.req.valid('json').reason), ['admin']), 200),
  )
}

