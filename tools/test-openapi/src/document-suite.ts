import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkedFetch, operationsOf, type OpenApiDocument } from './contract.js'
import { describeFindings, lintOpenApi, type LintReport } from './lint.js'

/** The warnings every app's document keeps on purpose, each with why. */
// The kit declares its own 400 on every operation (a NUL in any query parameter is refused
// before a route runs), so GET /api/health and GET /api/sign-in need no accepted warning.
const ACCEPTED_WARNINGS = [
  // The OpenID Connect sign-in is for the browser: it starts with a redirect to the provider (302)…
  'redocly/operation-2xx-response #/paths/~1api~1oidc~1login/get/responses',
  // …and ends with a redirect into the app (303), or a page saying why not (4XX/502).
  'redocly/operation-2xx-response #/paths/~1api~1oidc~1callback/get/responses',
]

/** Operations anyone may call: the health check and the ways to sign in. */
const PUBLIC_OPERATIONS = new Set([
  'GET /api/health',
  'POST /api/session',
  'GET /api/sign-in',
  'GET /api/oidc/login',
  'GET /api/oidc/callback',
  // Called by the identity provider, server to server: the logout token's signature is the credential.
  'POST /api/oidc/backchannel-logout',
])

export interface DocumentSuiteOptions {
  /** Starts the app on loopback; the suite fetches `/api/openapi.json` from it and closes it after. */
  readonly start: () => Promise<{ readonly url: string; readonly close: () => Promise<unknown> | unknown }>
  /** The app has more operations than this (a guard against an empty or cut document). */
  readonly moreOperationsThan: number
}

/**
 * One suite both server apps run over their own OpenAPI document: redocly and Spectral with
 * no error, no warning but the accepted ones, security schemes, licence, server and described
 * tags, and every operation with a unique operationId, a description and its security.
 */
export function describeOpenApiDocument(app: string, options: DocumentSuiteOptions): void {
  describe(`the OpenAPI document (${app})`, () => {
    let server: Awaited<ReturnType<DocumentSuiteOptions['start']>>
    let document: OpenApiDocument & {
      info: { license?: { name: string } }
      servers?: { url: string }[]
      tags?: { name: string; description?: string }[]
      components?: { securitySchemes?: Record<string, unknown> }
    }
    let report: LintReport

    beforeAll(async () => {
      server = await options.start()
      document = (await (await checkedFetch(`${server.url}/api/openapi.json`)).json()) as typeof document
      report = await lintOpenApi(document)
    })
    afterAll(() => server?.close())

    it('passes redocly lint and Spectral (spectral:oas) with no error', () => {
      expect(report.errors, describeFindings(report.errors)).toEqual([])
    })

    it('has no warning but the accepted ones', () => {
      expect(
        report.warnings.map((w) => `${w.rule} ${w.at}`),
        describeFindings(report.warnings),
      ).toEqual(ACCEPTED_WARNINGS)
    })

    it('declares the session cookie and the CSRF header, the licence, the server and described tags', () => {
      expect(document.components?.securitySchemes).toEqual({
        session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: '__Host-vbe_session' }),
        csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }),
      })
      expect(document.info.license?.name).toBe('MIT')
      expect(document.servers).toEqual([expect.objectContaining({ url: server.url })])
      expect(document.tags?.length).toBeGreaterThan(0)
      for (const tag of document.tags ?? []) expect(tag.description, tag.name).toMatch(/\S/)
    })

    it('gives every operation a unique operationId, a description and its security: the cookie, and the CSRF header on unsafe methods', () => {
      const operations = operationsOf(document)
      expect(operations.length).toBeGreaterThan(options.moreOperationsThan)
      expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length)
      for (const o of operations) {
        const where = `${o.method} ${o.path}`
        expect(o.operationId, where).toMatch(/^[a-z][A-Za-z]+$/)
        expect(o.description, where).toMatch(/\S/)
        const open = PUBLIC_OPERATIONS.has(`${o.method.toUpperCase()} ${o.path}`)
        const expected = open ? [] : o.method === 'GET' ? [{ session: [] }] : [{ session: [], csrf: [] }]
        expect(o.security, where).toEqual(expected)
      }
    })
  })
}
