import { resolve } from 'node:path'
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { isoDateSchema } from '@vbe/core'
import { analysePlan, contactPointSchema, PLAN_STATUSES, PLAN_TRANSITIONS, planSchema, situationPictureSchema, TERTIALS, type Plan } from '@vbe/core/plans'
import { auditVerificationSchema, bilingual, createApi, listAudit, problems, registerDocs, requireUser, run, scopeOf, serveUi, verificationJson, verifyAudit, type Database, type KitEnv } from '@vbe/server-kit'
import { templatesForDistrict } from './districts.js'
import { planHtml, planMarkdown, planPdf, redlineMarkdown, type Lang } from './export.js'
import {
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

const summaryFields = {
  id: z.string(),
  district: z.string(),
  districtName: z.string(),
  year: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  version: z.number().int(),
  revisionOf: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  coverage: z.array(z.object({ templateId: z.string(), title: z.object({ sv: z.string(), en: z.string() }), percent: z.number(), covered: z.number(), total: z.number() })),
  findings: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
}
const planSummarySchema = z.object(summaryFields).openapi('PlanSummary')
const historySchema = z.object({ version: z.number(), action: z.string(), status: z.string(), by: z.string(), at: z.string(), decisionReference: z.string().optional(), comment: z.string().optional() }).openapi('HistoryEntry')
const planDetailSchema = z
  .object({
    ...summaryFields,
    document: planSchema,
    history: z.array(historySchema),
    can: z.object({ edit: z.boolean(), followUp: z.boolean(), actions: z.array(z.enum(PLAN_TRANSITIONS)) }),
  })
  .openapi('PlanDetail')
const anyJson = (name: string) => z.record(z.string(), z.unknown()).openapi(name)

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
    action: z.enum(PLAN_TRANSITIONS, { error: `action must be one of ${PLAN_TRANSITIONS.join(', ')}` }),
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
    createRoute({ method: 'get', path: '/api/health', tags: ['meta'], summary: 'Liveness and database kind', responses: { 200: json(z.object({ ok: z.boolean(), database: z.string() }), 'OK') } }),
    (c) => c.json({ ok: true, database: options.database.kind }, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans',
      tags: ['plans'],
      summary: 'Plans in your scope (officers and approvers: their district; admin and auditor: all)',
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
      summary: 'Create a plan from the templates, or as the yearly revision of an earlier plan (officer)',
      request: { body: { required: true, content: { 'application/json': { schema: createBody } } } },
      responses: { 201: json(planDetailSchema, 'The new plan (ETag: its version)'), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const plan = await run(c, createPlan(body), ['officer'])
      c.header('Location', `/api/plans/${plan.id}`)
      return c.json(sendPlan(c, plan) as never, 201)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}',
      tags: ['plans'],
      summary: 'A plan with its history and what you may do; ETag is its version',
      request: { params: idParam },
      responses: { 200: json(planDetailSchema, 'The plan'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const plan = await run(c, getPlan(c.req.valid('param').id))
      return c.json(sendPlan(c, plan) as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/plans/{id}',
      tags: ['plans'],
      summary: 'Save the plan document (officer of the district, while draft or revised). If-Match required; 409 with the other change when stale.',
      request: { params: idParam, headers: ifMatchHeader, body: { required: true, content: { 'application/json': { schema: z.object({ document: planSchema }).strict() } } } },
      responses: { 200: json(planDetailSchema, 'Saved (or unchanged); ETag is the new version'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { document } = c.req.valid('json')
      const plan = await run(c, Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => savePlan(id, base, document as Plan)))
      return c.json(sendPlan(c, plan) as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plans/{id}/transitions',
      tags: ['workflow'],
      summary: 'Move the plan through the workflow: submit and revise (officer); adopt and return (approver of the district, or admin). Return needs decisionReference and comment.',
      request: { params: idParam, headers: ifMatchHeader, body: { required: true, content: { 'application/json': { schema: transitionBody } } } },
      responses: { 200: json(planDetailSchema, 'The plan in its new status'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json')
      const plan = await run(c, Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => transition(id, base, body)))
      return c.json(sendPlan(c, plan) as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/plans/{id}/activities/{activityId}/indicators/{indicatorId}/follow-ups/{period}',
      tags: ['follow-up'],
      summary: 'Enter the follow-up value of one indicator for one tertial (officer of the district; not while submitted). If-Match required.',
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
      return c.json(sendPlan(c, plan) as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/plans/{id}/activities/{activityId}/indicators/{indicatorId}/follow-ups/{period}',
      tags: ['follow-up'],
      summary: 'Remove the follow-up value of one indicator for one tertial, entered by mistake (officer of the district; not while submitted). If-Match required.',
      request: { params: followUpParams, headers: ifMatchHeader },
      responses: { 200: json(planDetailSchema, 'The plan without that follow-up'), ...problems(400, 401, 403, 404, 409, 428) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const plan = await run(c, Effect.flatMap(parseIfMatch(c.req.valid('header')['if-match']), (base) => setFollowUp(p.id, base, p.activityId, p.indicatorId, p.period, null)))
      return c.json(sendPlan(c, plan) as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/analysis',
      tags: ['plans'],
      summary: 'analysePlan against strategy-2016, directive-2017 and the district’s own sections',
      request: { params: idParam, query: z.object({ on: isoDateSchema.optional() }) },
      responses: { 200: json(anyJson('PlanAnalysis'), 'Coverage and findings'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const { on } = c.req.valid('query')
      const analysis = await run(c, planAnalysis(c.req.valid('param').id, on))
      return c.json(analysis as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/versions',
      tags: ['versions'],
      summary: 'Every saved version: who, when, which action, decision references and comments',
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
      summary: 'One saved version of the plan document',
      request: { params: idParam.extend({ version: versionParam.openapi({ param: { name: 'version', in: 'path' } }) }) },
      responses: { 200: json(anyJson('PlanVersion'), 'The version'), ...problems(400, 401, 404) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      return c.json((await run(c, planVersion(p.id, p.version))) as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/redline',
      tags: ['versions'],
      summary: 'The field-level redline (diffPlans) between any two versions, as JSON or Markdown',
      request: { params: idParam, query: z.object({ from: versionParam, to: versionParam, format: z.enum(['json', 'md'], { error: 'must be json or md' }).default('json'), lang: z.enum(['sv', 'en'], { error: 'must be sv or en' }).default('sv') }) },
      responses: { 200: { description: 'The redline', content: { 'application/json': { schema: anyJson('Redline') }, 'text/markdown': { schema: z.string() } } }, ...problems(400, 401, 404) },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const q = c.req.valid('query')
      const r = await run(c, redline(p.id, q.from, q.to))
      if (q.format === 'md') return c.body(redlineMarkdown(r.diff, q.from, q.to, q.lang), 200, { 'content-type': 'text/markdown; charset=utf-8' }) as never
      return c.json({ from: r.from, to: r.to, diff: r.diff } as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/export',
      tags: ['plans'],
      summary: 'The plan as Markdown, print-ready HTML or PDF, for the committee paper',
      request: {
        params: idParam,
        query: z.object({
          format: z.enum(['md', 'html', 'pdf'], { error: 'must be md, html or pdf' }),
          lang: z.enum(['sv', 'en'], { error: 'must be sv or en' }).default('sv'),
          version: versionParam.optional(),
        }),
      },
      responses: { 200: { description: 'The document', content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() } } }, ...problems(400, 401, 404) },
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
      if (q.format === 'md') return c.body(planMarkdown(input), 200, { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `inline; filename="${name}.md"` }) as never
      if (q.format === 'html') return c.body(planHtml(input), 200, { 'content-type': 'text/html; charset=utf-8' }) as never
      const pdf = await planPdf(input)
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}.pdf"` }) as never
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/templates',
      tags: ['plans'],
      summary: 'The templates a district’s plan is held against',
      request: { query: z.object({ district: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: DISTRICT_ID }) }) },
      responses: { 200: json(z.object({ templates: z.array(anyJson('Template')) }), 'Templates'), ...problems(400, 401) },
    }),
    async (c) => {
      await run(c, Effect.void)
      return c.json({ templates: templatesForDistrict(c.req.valid('query').district) } as never, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/overview',
      tags: ['overview'],
      summary: 'Central overview (admin, auditor): template coverage by district, situation pictures by date, the combined city situation picture',
      responses: { 200: json(anyJson('Overview'), 'The overview'), ...problems(401, 403) },
    }),
    async (c) => c.json((await run(c, overview(), ['admin', 'auditor'])) as never, 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      summary: 'The audit log, newest first (admin, auditor)',
      request: {
        query: z.object({
          entityId: z.string().max(200).optional(),
          limit: z.coerce.number({ error: 'must be a number' }).int().min(1, { error: bilingual({ sv: 'måste vara 1 eller mer', en: 'must be 1 or more' }) }).max(1000, { error: 'must be at most 1000' }).optional(),
          before: z.coerce.number({ error: 'must be a number' }).int().min(1).optional(),
        }),
      },
      responses: { 200: json(z.object({ events: z.array(anyJson('AuditEvent')) }), 'Events'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid('query')
      // A district admin reads its own district's events only.
      const scope = scopeOf(requireUser(c, ['admin', 'auditor']))
      const query = { ...(q.entityId ? { entityId: q.entityId } : {}), ...(q.limit ? { limit: q.limit } : {}), ...(q.before ? { before: q.before } : {}), ...(scope === null ? {} : { districts: scope }) }
      const events = await run(c, listAudit(query), ['admin', 'auditor'])
      return c.json({ events } as never, 200)
    },
  )
  app.openapi(
    createRoute({ method: 'get', path: '/api/audit/verify', tags: ['audit'], summary: 'Verify the hash chain (admin, auditor)', responses: { 200: json(auditVerificationSchema, 'The verification, its problems worded in the Accept-Language'), ...problems(401, 403) } }),
    async (c) => verificationJson(c, await run(c, verifyAudit(), ['admin', 'auditor'])) as never,
  )

  registerDocs(app, {
    title: 'VBE plan editor',
    version: '0.1.0',
    description: 'Local action plans against violent extremism: templates, analysis, workflow with återremiss, tertial follow-up, central overview, export and redline. Errors are application/problem+json naming each field.',
  })

  const uiDir = options.uiDir === undefined ? defaultUiDir() : options.uiDir
  if (uiDir) serveUi(app, { dir: uiDir, title: 'Plan editor', buildCommand: 'npm run build -w @vbe/plan-editor' })
  return app
}

/** `dist/ui` next to `src`. */
export function defaultUiDir(): string {
  return resolve(import.meta.dirname, '..', 'dist', 'ui')
}
