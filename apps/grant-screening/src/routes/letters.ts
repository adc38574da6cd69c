import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { problems, SESSION, SESSION_AND_CSRF, type KitEnv } from '@vbe/server-kit'
import type { ComposedPlugins } from '@vbe/core/plugins'
import { issuedLetter, letterPreview, renderLetterHtml, renderLetterPdf, type Letter } from '../letter/index.js'
import { setStaffTitle } from '../letter/titles.js'
import { runner, idParam, json, body, text, OFFICERS } from './schemas.js'

const letterQuery = z.object({ lang: z.enum(['sv', 'en']).optional(), format: z.enum(['html', 'pdf']).optional() }).strict()
const issuedQuery = letterQuery
  .extend({
    decision: z.string().uuid().optional().openapi({
      description: 'A decision of the case (its id), current or replaced by a correction or reconsideration; the current one by default.',
    }),
  })
  .strict()
const letterResponses = {
  200: {
    description: 'The letter',
    content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
  },
  ...problems(400, 401, 403, 404, 409),
}

/** Renders one language of a letter as HTML or PDF; the default language is the one the decision was written in. */
async function send(c: Context<KitEnv>, letter: Letter, query: z.infer<typeof letterQuery>) {
  const m = letter.models[query.lang ?? letter.locale]
  if (query.format === 'pdf') {
    const pdf = await renderLetterPdf(m)
    const file = m.meta[1]?.value.replace(/[^A-Za-z0-9]+/g, '-') ?? 'beslut'
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="beslut-${file}.pdf"`,
    })
  }
  return c.html(renderLetterHtml(m), 200)
}

const titleSchema = z
  .object({ sv: text(120), en: text(120) })
  .strict()
  .openapi('StaffTitle')
const usernameParam = z.object({
  username: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'username', in: 'path' } }),
})

/** The issued decision letter, the preview an approver reads before signing, and the staff titles letters print. */
export function registerLetterRoutes(app: OpenAPIHono<KitEnv>, plugins: ComposedPlugins): void {
  const go = runner(plugins)
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/letter',
      tags: ['decisions'],
      operationId: 'getDecisionLetter',
      summary: 'The issued decision letter, as HTML or PDF',
      description:
        'The decision letter as it was issued when the decision was signed (frozen then: later changes to names or plugins do not alter it), as printable HTML or as PDF, in Swedish or English (the decision’s language by default). With `decision`, the letter of that decision of the case, also one a correction or reconsideration replaced (404 if the case has no such decision). The read is logged.',
      security: SESSION,
      request: { params: idParam, query: issuedQuery },
      responses: letterResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { decision, ...query } = c.req.valid('query')
      return send(c, await go(c, issuedLetter(id, decision), [...OFFICERS]), query)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/letter/preview',
      tags: ['decisions'],
      operationId: 'previewDecisionLetter',
      summary: 'The decision letter before it is signed',
      description:
        'The letter exactly as a signature now would issue it: for a decision awaiting a second signature, an approver sees it signed by themself today. For a decided case, the issued letter. 409 while the case has no decision. The read is logged.',
      security: SESSION,
      request: { params: idParam, query: letterQuery },
      responses: letterResponses,
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      return send(c, await go(c, letterPreview(id), [...OFFICERS]), c.req.valid('query'))
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/staff/{username}/title',
      tags: ['decisions'],
      operationId: 'setStaffTitle',
      summary: 'Set the title a decision letter gives beside a staff member’s name',
      description:
        'In Swedish and English, for example "handläggare" / "grant officer". An admin of the user’s district or a city-wide admin. Letters already issued keep the title they were signed with.',
      security: SESSION_AND_CSRF,
      request: { params: usernameParam, ...body(titleSchema) },
      responses: {
        200: json(z.object({ name: z.string(), title: titleSchema }).openapi('StaffTitleSet')),
        ...problems(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await go(c, setStaffTitle(c.req.valid('param').username, c.req.valid('json')), ['admin']), 200),
  )
}
