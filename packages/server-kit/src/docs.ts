import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { PROBLEM_TITLES } from './errors.js'
import type { KitEnv } from './http.js'
import { PROBLEM_TYPE, problemResponse, requestLanguage, SESSION_COOKIE } from './middleware/index.js'

const require_ = createRequire(import.meta.url)
const SWAGGER_DIR = dirname(require_.resolve('swagger-ui-dist/package.json'))

export interface ApiDocsInfo {
  readonly title: string
  readonly version: string
  readonly description: string
  /** The app's tags, each with what its operations are about (the kit adds `session`). */
  readonly tags: ReadonlyArray<{ readonly name: string; readonly description: string }>
}

// A variable, not a literal: the generator's types know OpenAPI 3.0's licence object, which has no `identifier`.
const MIT = { name: 'MIT', identifier: 'MIT' }

const KIT_PROBLEM = (description: string) => ({
  description,
  headers: {
    'Content-Language': {
      description: 'The language of `title`, `detail` and `errors[].message`: `sv` or `en`, from Accept-Language (Swedish by default)',
      schema: { type: 'string' as const, enum: ['sv', 'en'] },
    },
  },
  content: { [PROBLEM_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
})

/**
 * Declares the answers the kit's own middleware gives before any route runs: 400 on every
 * operation (a NUL in a parameter, a body that is no JSON or nests too deep) and 413 on every
 * operation that takes a body (larger than its limit).
 */
function withKitResponses<D extends { paths?: object }>(document: D): D {
  for (const item of Object.values(document.paths ?? {}) as unknown[])
    for (const operation of Object.values(item ?? {}) as unknown[]) {
      if (operation === null || typeof operation !== 'object' || !('responses' in operation)) continue
      const responses = operation.responses as Record<string, unknown>
      responses['400'] ??= KIT_PROBLEM('Invalid input: `errors` names each field and its problem')
      if ('requestBody' in operation) responses['413'] ??= KIT_PROBLEM('The request body is larger than this operation accepts')
    }
  return document
}

/**
 * Serves the OpenAPI 3.1 document at `/api/openapi.json` and interactive docs at
 * `/api/docs` (Swagger UI from swagger-ui-dist, served locally: no CDN). The document
 * declares the session cookie and the CSRF header as security schemes, the licence, the
 * tags, and the server it was fetched from.
 */
export function registerDocs(app: OpenAPIHono<KitEnv>, info: ApiDocsInfo): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session cookie that POST /api/session sets (HttpOnly, SameSite=Strict, Secure; named vbe_session without the __Host- prefix only in plain-http development).',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The session’s CSRF token (from POST or GET /api/session), required on every unsafe request made with the session cookie.',
  })
  const tags = [
    { name: 'session', description: 'Logging in and out, the current session with its CSRF token, and ending sessions' },
    { name: 'users', description: 'Accounts, for admins: the users in their scope, their sessions, ending them, disabling and enabling' },
    { name: 'security', description: 'The security log: failed logins, refusals, person searches and audit reads' },
    ...info.tags,
  ]
  app.get('/api/openapi.json', (c) => {
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: info.title,
        version: info.version,
        description: info.description,
        license: MIT,
        contact: { name: 'VBE toolkit maintainers, City of Stockholm' },
      },
      servers: [{ url: new URL(c.req.url).origin, description: 'The server this document was fetched from' }],
      tags: tags.map((t) => ({ name: t.name, description: t.description })),
    })
    return c.json(withKitResponses(document))
  })
  const assets: Record<string, string> = {
    'swagger-ui.css': 'text/css',
    'swagger-ui-bundle.js': 'text/javascript',
    'docs-init.js': 'text/javascript',
  }
  app.get('/api/docs/:asset', async (c) => {
    const asset = c.req.param('asset')
    const type = assets[asset]
    if (!type)
      return problemResponse(
        {
          type: 'about:blank',
          title: PROBLEM_TITLES.notFound,
          status: 404,
          detail: { sv: `Dokumentationen har ingen fil ${asset}.`, en: `No docs asset ${asset}.` },
        },
        requestLanguage(c),
      )
    const body =
      asset === 'docs-init.js'
        ? "window.addEventListener('load',function(){window.ui=SwaggerUIBundle({url:'/api/openapi.json',dom_id:'#docs'})})"
        : await readFile(join(SWAGGER_DIR, asset))
    return c.body(body as string, 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' })
  })
  app.get('/api/docs', (c) =>
    c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${info.title} — API docs</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><main id="docs"><h1>${info.title} API</h1><p>Loading the interactive docs… The OpenAPI document is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></main><script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/docs-init.js"></script></body></html>`,
    ),
  )
}
