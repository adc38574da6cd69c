import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { findingStanding, ruleHeading } from '@vbe/core/grants'
import { stockholmDay } from '@vbe/core/calendar'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { problems, SESSION, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import { communicate, communicationLetterData, recordReply } from '../cases/index.js'
import { renderCommunicationHtml, renderCommunicationPdf, type CommunicationLetterInput } from '../letter/communication.js'
import { authorityLine, issuingAuthority } from '../letter/authority.js'
import { runner, json, body, date, text, idParam, wholeKronor, OFFICERS } from './schemas.js'
import { caseDetailSchema } from './responses.js'

const communicationParams = idParam.extend({
  communicationId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'communicationId', in: 'path' } }),
})

/** Kommunicering (förvaltningslagen 25 §): sending the material, recording the reply, and the letter. */
export function registerCommunicationRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/communications',
      tags: ['decisions'],
      operationId: 'communicateMaterial',
      summary: 'Send the applicant the material before a denial or a partial grant (kommunicering)',
      description:
        'Records that the applicant is sent the material an intended denial or partial grant rests on, with the last day to reply (after today). The case waits for the reply; no adverse decision is made before the deadline unless the applicant replies. The letter is at /api/cases/{id}/communications/{communicationId}/letter. The officer of the case.',
      security: SESSION_AND_CSRF,
      request: {
        params: idParam,
        ...body(
          z
            .object({
              kind: z.enum(['deny', 'partial']),
              amount: z.number().int(wholeKronor).min(1).optional(),
              material: text(10_000),
              deadline: date,
              letterLocale: z.enum(['sv', 'en']),
            })
            .strict(),
        ),
      },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, communicate(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/communications/reply',
      tags: ['decisions'],
      operationId: 'recordCommunicationReply',
      summary: 'Record the applicant’s reply to the communication',
      description:
        'Records the reply to the latest communication and the day it came in; the case resumes. 409 when no communication waits for a reply.',
      security: SESSION_AND_CSRF,
      request: { params: idParam, ...body(z.object({ reply: text(10_000), receivedOn: date }).strict()) },
      responses: { 200: json(caseDetailSchema), ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json(await go(c, recordReply(c.req.valid('param').id, c.req.valid('json'))), 200),
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/communications/{communicationId}/letter',
      tags: ['decisions'],
      operationId: 'getCommunicationLetter',
      summary: 'The communication letter, as HTML or PDF',
      description:
        'The letter that sends the applicant the material: what is intended, the grounds (assessed evidence only), the officer’s account and the deadline, in Swedish or English (the communication’s language by default). The read is logged.',
      security: SESSION,
      request: {
        params: communicationParams,
        query: z.object({ lang: z.enum(['sv', 'en']).optional(), format: z.enum(['html', 'pdf']).optional() }),
      },
      responses: {
        200: {
          description: 'The letter',
          content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id, communicationId } = c.req.valid('param')
      const { lang, format } = c.req.valid('query')
      const { row, communication, screening, assessments } = await go(c, communicationLetterData(id, communicationId), [...OFFICERS])
      const locale = lang ?? communication.letterLocale
      const marks = new Map(assessments.map((a) => [a.evidenceId, a.status] as const))
      const input: CommunicationLetterInput = {
        locale,
        authority: authorityLine(issuingAuthority(plugins, row.district, stockholmDay(new Date(communication.sentAt))), locale),
        applicationRef: row.application_ref,
        programme: plugins.programme(row.programme)?.name[locale] ?? '',
        association: { name: row.association_name, organisationNumber: row.organisation_number },
        amountRequested: row.amount_requested,
        proposedKind: communication.proposedKind === 'partial' ? 'partial' : 'deny',
        proposedAmount: communication.proposedAmount,
        material: communication.material,
        // Only findings that stand against the application: a democracy finding only on evidence an officer assessed as relevant.
        grounds: screening.findings
          .filter((f) => findingStanding(f, marks) === 'against')
          .map((f) => ({ heading: (ruleHeading(f.ruleId) ?? { sv: '', en: '' })[locale], reason: f.reason[locale] })),
        deadline: communication.deadline,
        sentOn: stockholmDay(new Date(communication.sentAt)),
      }
      if (format === 'pdf') {
        const pdf = await renderCommunicationPdf(input)
        return c.body(new Uint8Array(pdf), 200, {
          'content-type': 'application/pdf',
          'content-disposition': `inline; filename="kommunicering-${row.application_ref.replace(/[^\w.-]/g, '_')}.pdf"`,
        })
      }
      return c.html(renderCommunicationHtml(input), 200)
    },
  )
}
