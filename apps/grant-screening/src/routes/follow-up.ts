import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { problems, SESSION, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { coded } from '@vbe/core'
import { stockholmDay } from '@vbe/core/calendar'
import { appealFor } from '@vbe/core/grants'
import { reclaim, reclaimLetterData, setFollowUp } from '../cases/index.js'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { renderReclaimHtml, renderReclaimPdf, type ReclaimLetterInput } from '../letter/reclaim.js'
import { authorityLine, issuingAuthority } from '../letter/authority.js'
import { runner, json, body, date, text, idParam, wholeKronor, OFFICERS } from './schemas.js'
import { caseDetailSchema } from './responses.js'

/** Follow-up of granted cases: report dates and reclaims. */
export function registerFollowUpRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
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
            .refine((v) => v.reportDue !== undefined || v.reportReceivedOn !== undefined, {
              ...coded('api.reportDate'),
              path: ['reportDue'],
            }),
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
      description:
        'Records a claim to pay back an amount of a granted sum, with reasons, when the conditions of the grant were broken. The reclaim names the decision it reclaims from; its letter is at /api/cases/{id}/reclaim/letter.',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        ...body(
          z
            .object({ amount: z.number().int(wholeKronor).min(1), reasons: text(10_000), letterLocale: z.enum(['sv', 'en']).optional() })
            .strict(),
        ),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, reclaim(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/reclaim/letter',
      tags: ['follow-up'],
      operationId: 'getReclaimLetter',
      summary: 'The reclaim letter, as HTML or PDF',
      description:
        'The reasoned decision to pay back (part of) a grant, naming the decision it reclaims from, in Swedish or English (the reclaim’s language by default). 409 when no reclaim is decided. The read is logged.',
      security: SESSION,
      request: { params: idParam, query: z.object({ lang: z.enum(['sv', 'en']).optional(), format: z.enum(['html', 'pdf']).optional() }) },
      responses: {
        200: {
          description: 'The letter',
          content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...problems(400, 401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { lang, format } = c.req.valid('query')
      const { row, reclaim: rc, decision } = await go(c, reclaimLetterData(id), [...OFFICERS])
      const locale = lang ?? rc.letter_locale
      const decidedAt = new Date(rc.decided_at)
      const input: ReclaimLetterInput = {
        locale,
        authority: authorityLine(issuingAuthority(plugins, row.district, stockholmDay(decidedAt)), locale),
        applicationRef: row.application_ref,
        programme: plugins.programme(row.programme)?.name[locale] ?? '',
        association: { name: row.association_name, organisationNumber: row.organisation_number },
        reclaimedDecision: {
          decidedOn: stockholmDay(new Date(decision?.approved_at ?? decision?.decided_at ?? decidedAt)),
          amount: decision?.amount ?? rc.amount,
        },
        amount: rc.amount,
        reasons: rc.reasons,
        decidedOn: stockholmDay(decidedAt),
        appeal: appealFor(plugins.programme(row.programme)).text[locale],
      }
      if (format === 'pdf') {
        const pdf = await renderReclaimPdf(input)
        return c.body(new Uint8Array(pdf), 200, {
          'content-type': 'application/pdf',
          'content-disposition': `inline; filename="aterkrav-${row.application_ref.replace(/[^\w.-]/g, '_')}.pdf"`,
        })
      }
      return c.html(renderReclaimHtml(input), 200)
    },
  )
}
