import { resolve } from 'node:path'
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { isoDateSchema } from '@vbe/core'
import { analysePlan, contactPointSchema, PLAN_STATUSES, planSchema, situationPictureSchema, TERTIALS, type Plan } from '@vbe/core/plans'
import {
  auditEventSchema,
  auditVerificationSchema,
  bilingual,
  createApi,
  listAudit,
  problems,
  PUBLIC,
  registerDocs,
  run,
  serveUi,
  SESSION,
  SESSION_AND_CSRF,
  verificationBody,
  verifyAudit,
  type Database,
  type KitEnv,
} from '@vbe/server-kit'
import { templatesForDistrict } from './districts.js'
import { historySchema, overviewSchema, planAnalysisSchema, planDocumentSchema, planSummarySchema, planVersionSchema, redlineSchema, templateResponseSchema } from './routes/schemas.js'
import { planHtml, planMarkdown, planPdf, redlineMarkdown, type Lang } from './export.js'
import {
  ACTIONS,
  createPlan,
  etagOf,
  getPlan,
  listPlans,
  listVersions,
  overview,
  parseIfMatch,
  planAnalysis,
  planVersion,
  redline,
  savePlan,
  setFollowUp,
  transition,
  type PlanDetail,
} from './service.js'

export interface PlanAppOptions {
  readonly database: Database
  readonly clock?: { readonly now: () => Date }
  /** The built UI (vite build output). When missing, only the API is served. */
  readonly uiDir?: string | null
  readonly logError?: (error: unknown) => void
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } })

// Messages core's phrases do not cover (see @vbe/server-kit's messages.ts), in both languages.
const PLAN_ID = bilingual({ sv: 'måste vara ett plan-id (ett UUID)', en: 'must be a plan id (a UUID)' })
const DISTRICT_ID = bilingual({ sv: 'måste vara id:t för en stadsdel', en: 'must be a district id' })

const idParam = z.object({ id: z.uuid({ error: PLAN_ID }).openapi({ param: { name: 'id', in: 'path' } }) })
const ifMatchHeader = z.object({ 'if-match': z.string().optional().openapi({ param: { name: 'if-match', in: 'header' }, description: 'The ETag the change is based on; required (428 without it).' }) })

const planDetailSchema = planSummarySchema
  .extend({
    document: planDocumentSchema,
    history: z.array(historySchema).readonly(),
    can: z
      .object({ edit: z.boolean(), followUp: z.boolean(), actions: z.array(z.enum(ACTIONS as ['submit', 'adopt', 'return', 'revise'])).readonly() })
      .openapi({ description: 'What you may do with the plan now' }),
  })
  .openapi('PlanDetail')

const createBody = z
  .discriminatedUnion(
    'from',
    [
      z
        .object({
          from: z.literal('template'),
          year: z.number({ error: 'year must be a number' }).int().min(2016, { error: 'year must be 2016 or later' }).max(2100),
          district: z
            .string()
            .regex(/^[a-z][a-z0-9-]*$/, { error: bilingual({ sv: 'måste vara id:t för en stadsdel, till exempel "norrmalm"', en: 'district must be a district id, for example "norrmalm"' }) })
            .optional(),
          contactPoint: contactPointSchema.optional(),
          situationPicture: situationPictureSchema.optional(),
        })
        .strict(),
      z
        .object({
          from: z.literal('revision'),
          sourcePlanId: z.uuid({ error: bilingual({ sv: 'måste vara ett plan-id (ett UUID)', en: 'sourcePlanId must be a plan id (a UUID)' }) }),
          year: z.number({ error: 'year must be a number' }).int().min(2016).max(2100).optional(),
        })
        .strict(),
    ],
    { error: 'from must be "template" or "revision"' },
  )
  .openapi('CreatePlan')

const transitionBody = z
  .object({
    action: z.enum(ACTIONS as ['submit', 'adopt', 'return', 'revise'], { error: `action must be one of ${ACTIONS.join(', ')}` }),
    decisionReference: z.string().max(200, { error: 'decisionReference must be at most 200 characters' }).optional(),
    comment: z.string().max(10_000, { error: 'comment must be at most 10 000 characters' }).optional(),
  })
  .strict()
  .openapi('Transition')

const followUpParams = idParam.extend({
  activityId: z.string().min(1).max(100).openapi({ param: { name: 'activityId', in: 'path' } }),
  indicatorId: z.string().min(1).max(100).openapi({ param: { name: 'indicatorId', in: 'path' } }),
  period: z.enum(TERTIALS, { error: 'must be T1, T2 or T3' }).openapi({ param: { name: 'period', in: 'path' } }),
})

const followUpBody = z
  .object({
    value: z.number({ error: 'value must be a number' }).finite(),
    date: isoDateSchema,
    note: z.string().max(2000, { error: 'note must be at most 2 000 characters' }).optional(),
  })
  .strict()
  .openapi('FollowUpEntry')


/** The plan editor's Hono app: the API (server-kit session, errors and audit) and the built UI. */
export function createPlanApp(options: PlanAppOptions): OpenAPIHono<KitEnv> {
  const app = createApi({ database: options.database, ...(options.clock ? { clock: options.clock } : {}), ...(options.logError ? { logError: options.logError } : {}) })
  const sendPlan = (c: { header: (k: string, v: string) => void }, plan: PlanDetail) => {
    c.header('ETag', etagOf(plan.version))
    c.header('Cache-Control', 'no-store')
    return plan
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['meta'],
      operationId: 'getHealth',
      summary: 'Liveness and database kind',
      description: 'Answers 200 while the server runs, with the kind of database it uses (pglite or postgres). Needs no login, for monitoring.',
      security: PUBLIC,
      responses: { 200: json(z.object({ ok: z.boolean(), database: z.enum(['pglite', 'postgres']) }), 'OK') },
    }),
    (c) => c.json({ ok: true, database: options.database.kind }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans',
      tags: ['plans'],
      operationId: 'listPlans',
      summary: 'Plans in your scope',
      description: 'Plans with their coverage and finding counts: officers and approvers see their district’s, city-wide admins and auditors every district’s. Filter by district, year and status.',
      security: SESSION,
      request: {
        query: z.object({
          district: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: DISTRICT_ID }).optional(),
          year: z.coerce
            .number({ error: bilingual({ sv: 'måste vara ett årtal', en: 'must be a year' }) })
            .int({ error: bilingual({ sv: 'måste vara ett helt årtal', en: 'must be a whole year' }) })
            .min(2016)
            .max(2100)
            .optional(),
          status: z.enum(PLAN_STATUSES, { error: `must be one of ${PLAN_STATUSES.join(', ')}` }).optional(),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(planSummarySchema) }), 'Plans, newest year first per district'), ...problems(400, 401) },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const items = await run(c, listPlans(q))
      return c.json({ items: items.map((i) => ({ ...i, coverage: [...i.coverage] })) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans',
      tags: ['plans'],
      operationId: 'createPlan',
      summary: 'Create a plan',
      description: 'Creates a plan from the templates for a year, or as the yearly revision of an earlier plan (a copy to revise from the new situation picture). Officers of the district.',
      security: SESSION_AND_CSRF,
      request: { body: { required: true, content: { 'application/json': { schema: createBody } } } },
      responses: { 201: json(planDetailSchema, 'The new plan (ETag: its version)'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const plan = await run(c, createPlan(body), ['officer'])
      c.header('Location', `/api/plans/${plan.id}`)
      return c.json(sendPlan(c, plan), 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}',
      tags: ['plans'],
      operationId: 'getPlan',
      summary: 'A plan with its history and what you may do',
      description: 'The plan document, its coverage and findings, its history and the actions you may take now. The ETag is the version, for If-Match on changes.',
      security: SESSION,
      request: { params: idParam },
      responses: { 200: json(planDetailSchema, 'The plan'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const plan = await run(c, getPlan(c.req.valid('param').id))
      return c.json(sendPlan(c, plan), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/plans/{id}',
      tags: ['plans'],
      operationId: 'savePlan',
      summary: 'Save the plan document',
      description:
        'Saves the whole plan document (officers of the district, while the plan is a draft, returned or revised). If-Match with the ETag is required (428 without it); when someone else saved in between, 409 carries their change field by field.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, headers: ifMatchHeader, body: { required: true, content: { 'application/json': { schema: z.object({ document: planSchema }).strict() } } } },
      responses: { 200: json(planDetailSchema, 'Saved (or unchanged); ETag is the new version'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { document } = c.req.valid('json')
      const plan = await run(c, Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => savePlan(id, base, document as Plan)))
      return c.json(sendPlan(c, plan), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans/{id}/transitions',
      tags: ['workflow'],
      operationId: 'transitionPlan',
      summary: 'Move the plan through the workflow',
      description:
        'Submit and revise (officers of the district); adopt and return to the officers (återremiss; approvers of the district, or admins). Returning needs a decision reference and a comment. Nobody adopts or returns a plan they submitted. If-Match required.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, headers: ifMatchHeader, body: { required: true, content: { 'application/json': { schema: transitionBody } } } },
      responses: { 200: json(planDetailSchema, 'The plan in its new status'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const plan = await run(c, Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => transition(id, base, body)))
      return c.json(sendPlan(c, plan), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/plans/{id}/activities/{activityId}/indicators/{indicatorId}/follow-ups/{period}',
      tags: ['follow-up'],
      operationId: 'setIndicatorFollowUp',
      summary: 'Enter the follow-up of one indicator for one tertial',
      description: 'Enters the measured value of one indicator for one tertial (T1–T3), with its date and a note. Officers of the district; not while the plan is submitted. If-Match required.',
      security: SESSION_AND_CSRF,
      request: {
        params: followUpParams,
        headers: ifMatchHeader,
        body: { required: true, content: { 'application/json': { schema: followUpBody } } },
      },
      responses: { 200: json(planDetailSchema, 'The plan with the follow-up'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const body = c.req.valid('json')
      const plan = await run(c, Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => setFollowUp(p.id, base, p.activityId, p.indicatorId, p.period, body)))
      return c.json(sendPlan(c, plan), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/plans/{id}/activities/{activityId}/indicators/{indicatorId}/follow-ups/{period}',
      tags: ['follow-up'],
      operationId: 'removeIndicatorFollowUp',
      summary: 'Remove the follow-up of one indicator for one tertial',
      description: 'Removes a follow-up value entered by mistake. Officers of the district; not while the plan is submitted. If-Match required.',
      security: SESSION_AND_CSRF,
      request: { params: followUpParams, headers: ifMatchHeader },
      responses: { 200: json(planDetailSchema, 'The plan without that follow-up'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const plan = await run(c, Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => setFollowUp(p.id, base, p.activityId, p.indicatorId, p.period, null)))
      return c.json(sendPlan(c, plan), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/analysis',
      tags: ['plans'],
      operationId: 'analysePlan',
      summary: 'The plan’s coverage and findings',
      description: 'Holds the plan against the city strategy of 2016, the directive of 2017 and the district’s own sections, on a day (today by default): coverage of each template and findings on indicators, responsibilities, risks and revision.',
      security: SESSION,
      request: { params: idParam, query: z.object({ on: isoDateSchema.optional() }) },
      responses: { 200: json(planAnalysisSchema, 'Coverage and findings'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const { on } = c.req.valid('query')
      const analysis = await run(c, planAnalysis(c.req.valid('param').id, on))
      return c.json(analysis, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/versions',
      tags: ['versions'],
      operationId: 'listPlanVersions',
      summary: 'Every saved version of the plan',
      description: 'Every saved version, oldest first: who, when, which action, and the decision references and comments.',
      security: SESSION,
      request: { params: idParam },
      responses: { 200: json(z.object({ versions: z.array(historySchema) }), 'Versions, oldest first'), ...problems(400, 401, 404) },
    }),
    async (c) => c.json({ versions: await run(c, listVersions(c.req.valid('param').id)) }, 200),
  )

  const versionParam = z.coerce
    .number({ error: bilingual({ sv: 'måste vara ett versionsnummer', en: 'must be a version number' }) })
    .int({ error: 'must be a whole number' })
    .min(1, { error: bilingual({ sv: 'måste vara 1 eller mer', en: 'must be 1 or more' }) })
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/versions/{version}',
      tags: ['versions'],
      operationId: 'getPlanVersion',
      summary: 'One saved version of the plan document',
      description: 'The plan document as it was saved in one version, with who saved it and when.',
      security: SESSION,
      request: { params: idParam.extend({ version: versionParam.openapi({ param: { name: 'version', in: 'path' } }) }) },
      responses: { 200: json(planVersionSchema, 'The version'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      return c.json(await run(c, planVersion(p.id, p.version)), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/redline',
      tags: ['versions'],
      operationId: 'getPlanRedline',
      summary: 'The redline between two versions',
      description: 'What changed between any two versions, field by field (added, removed and changed activities and indicators), as JSON or as Markdown in Swedish or English.',
      security: SESSION,
      request: { params: idParam, query: z.object({ from: versionParam, to: versionParam, format: z.enum(['json', 'md'], { error: 'must be json or md' }).default('json'), lang: z.enum(['sv', 'en'], { error: 'must be sv or en' }).default('sv') }) },
      responses: { 200: { description: 'The redline', content: { 'application/json': { schema: redlineSchema }, 'text/markdown': { schema: z.string() } } }, ...problems(400, 401, 404) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const q = c.req.valid('query')
      const r = await run(c, redline(p.id, q.from, q.to))
      if (q.format === 'md') return c.body(redlineMarkdown(r.diff, q.from, q.to, q.lang), 200, { 'content-type': 'text/markdown; charset=utf-8' })
      return c.json({ from: r.from, to: r.to, diff: r.diff }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/export',
      tags: ['plans'],
      operationId: 'exportPlan',
      summary: 'The plan as Markdown, HTML or PDF',
      description: 'The plan (the current version or a saved one) with its analysis, as Markdown, print-ready HTML or PDF, in Swedish or English, for the committee paper.',
      security: SESSION,
      request: {
        params: idParam,
        query: z.object({
          format: z.enum(['md', 'html', 'pdf'], { error: 'must be md, html or pdf' }),
          lang: z.enum(['sv', 'en'], { error: 'must be sv or en' }).default('sv'),
          version: versionParam.optional(),
        }),
      },
      responses: { 200: { description: 'The document', content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(400, 401, 404) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const q = c.req.valid('query')
      const { plan, version } = await run(
        c,
        q.version === undefined
          ? Effect.map(getPlan(p.id), (cur) => ({ plan: cur.document, version: cur.version }))
          : Effect.map(planVersion(p.id, q.version), (v) => ({ plan: v.document, version: v.version })),
      )
      const on = (options.clock ?? { now: () => new Date() }).now().toISOString().slice(0, 10)
      const analysis = analysePlan(plan, { templates: templatesForDistrict(plan.district), on })
      const input = { plan, version, analysis, lang: q.lang as Lang }
      const name = `handlingsplan-${plan.district}-${plan.year}-v${version}`
      if (q.format === 'md') return c.body(planMarkdown(input), 200, { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `inline; filename="${name}.md"` })
      if (q.format === 'html') return c.body(planHtml(input), 200, { 'content-type': 'text/html; charset=utf-8' })
      const pdf = await planPdf(input)
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}.pdf"` })
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/templates',
      tags: ['plans'],
      operationId: 'listTemplates',
      summary: 'The templates a district’s plan is held against',
      description: 'The city-wide templates (strategy 2016, directive 2017) and the district’s own sections, each item with what it asks a plan to show. Any logged-in user.',
      security: SESSION,
      request: { query: z.object({ district: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: DISTRICT_ID }) }) },
      responses: { 200: json(z.object({ templates: z.array(templateResponseSchema).readonly() }), 'Templates'), ...problems(400, 401) },
    }),
    async (c) => {
      await run(c, Effect.void)
      return c.json({ templates: templatesForDistrict(c.req.valid('query').district) }, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/overview',
      tags: ['overview'],
      operationId: 'getOverview',
      summary: 'The central overview',
      description: 'Template coverage by district, the situation pictures by date (stale ones marked), and the combined city situation picture. City-wide admins and auditors.',
      security: SESSION,
      responses: { 200: json(overviewSchema, 'The overview'), ...problems(401, 403) },
    }),
    async (c) => c.json(await run(c, overview(), ['admin', 'auditor']), 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      operationId: 'listAuditEvents',
      summary: 'The audit log, newest first',
      description: 'Events newest first, paged by `before` (an event number), optionally about one entity. Admins and auditors.',
      security: SESSION,
      request: {
        query: z.object({
          entityId: z.string().max(200).optional(),
          limit: z.coerce.number({ error: 'must be a number' }).int().min(1, { error: bilingual({ sv: 'måste vara 1 eller mer', en: 'must be 1 or more' }) }).max(1000, { error: 'must be at most 1000' }).optional(),
          before: z.coerce.number({ error: 'must be a number' }).int().min(1).optional(),
        }),
      },
      responses: { 200: json(z.object({ events: z.array(auditEventSchema) }), 'Events'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const events = await run(c, listAudit({ ...(q.entityId ? { entityId: q.entityId } : {}), ...(q.limit ? { limit: q.limit } : {}), ...(q.before ? { before: q.before } : {}) }), ['admin', 'auditor'])
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
      description: 'Walks the whole audit chain and reports every altered, missing or inserted event, worded in the language of Accept-Language. Admins and auditors.',
      security: SESSION,
      responses: { 200: json(auditVerificationSchema, 'The verification, its problems worded in the Accept-Language'), ...problems(401, 403) },
    }),
    async (c) => c.json(verificationBody(c, await run(c, verifyAudit(), ['admin', 'auditor'])), 200),
  )

  registerDocs(app, {
    title: 'VBE plan editor',
    version: '0.1.0',
    description:
      'Local action plans against violent extremism: templates, analysis, workflow with återremiss, tertial follow-up, central overview, export and redline. Errors are application/problem+json naming each field, in Swedish or English (Accept-Language). Log in with POST /api/session; unsafe requests need the X-CSRF-Token header from the session, and changes to a plan need If-Match.',
    tags: [
      { name: 'meta', description: 'Whether the server runs' },
      { name: 'plans', description: 'Plans, their templates, analysis and export' },
      { name: 'workflow', description: 'Submitting, adopting, returning (återremiss) and revising a plan' },
      { name: 'follow-up', description: 'Tertial follow-up of the plan’s indicators' },
      { name: 'versions', description: 'Saved versions of a plan and the redline between them' },
      { name: 'overview', description: 'The central overview of every district’s plan and situation picture' },
      { name: 'audit', description: 'The hash-chained audit log and its verification' },
    ],
  })

  const uiDir = options.uiDir === undefined ? defaultUiDir() : options.uiDir
  if (uiDir) serveUi(app, { dir: uiDir, title: 'Plan editor', buildCommand: 'npm run build -w @vbe/plan-editor', routes: UI_ROUTES })
  return app
}

/** The UI's pages on the server: one page, whose views are hash routes (`#/plan/<id>`, `#/overview`; ui/src/App.tsx). */
export const UI_ROUTES = ['/'] as const

/** `dist/ui` next to `src`. */
export function defaultUiDir(): string {
  return resolve(import.meta.dirname, '..', 'dist', 'ui')
}
