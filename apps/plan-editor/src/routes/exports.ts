import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { analysePlan } from '@vbe/core/plans'
import { problems, run, SESSION, systemClock, type KitEnv } from '@vbe/server-kit'
import { districtTemplates } from '@vbe/districts'
import { planHtml, planMarkdown, planPdf, type Lang } from '../export/index.js'
import { getPlan, planVersion, today } from '../plans/index.js'
import { idParam, versionParam } from './schemas.js'

/** Exporting a plan as Markdown, HTML or PDF. */
export function registerExportRoutes(app: OpenAPIHono<KitEnv>, clock?: { readonly now: () => Date }): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/plans/{id}/export',
      tags: ['plans'],
      operationId: 'exportPlan',
      summary: 'The plan as Markdown, HTML or PDF',
      description:
        'The plan (the current version or a saved one) with its analysis, as Markdown, print-ready HTML or PDF, in Swedish or English, for the committee paper.',
      security: SESSION,
      request: {
        params: idParam,
        query: z.object({
          format: z.enum(['md', 'html', 'pdf']),
          lang: z.enum(['sv', 'en']).default('sv'),
          version: versionParam.optional(),
        }),
      },
      responses: {
        200: {
          description: 'The document',
          content: {
            'text/markdown': { schema: z.string() },
            'text/html': { schema: z.string() },
            'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...problems(400, 401, 404),
      },
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
      const on = today(clock ?? systemClock)
      const analysis = analysePlan(plan, { templates: districtTemplates(plan.district), on })
      const input = { plan, version, analysis, lang: q.lang as Lang }
      const name = `handlingsplan-${plan.district}-${plan.year}-v${version}`
      if (q.format === 'md')
        return c.body(planMarkdown(input), 200, {
          'content-type': 'text/markdown; charset=utf-8',
          'content-disposition': `inline; filename="${name}.md"`,
        })
      if (q.format === 'html') return c.body(planHtml(input), 200, { 'content-type': 'text/html; charset=utf-8' })
      const pdf = await planPdf(input)
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${name}.pdf"`,
      })
    },
  )
}
