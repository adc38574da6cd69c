import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

/** The parts of an OpenAPI 3.1 document the contract check reads. */
export interface OpenApiDocument {
  readonly openapi: string
  readonly paths?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> }
}

interface MediaType {
  readonly schema?: unknown
}
interface ResponseObject {
  readonly content?: Readonly<Record<string, MediaType>>
}
interface Operation {
  readonly operationId?: string
  readonly responses?: Readonly<Record<string, ResponseObject>>
}

/** Paths the app serves outside its document: the document itself and the interactive docs. */
const SELF_DESCRIBING = /^\/api\/(openapi\.json|docs(\/.*)?)$/

/** Where the validator finds the document's component schemas (`#/components/schemas/X` is rewritten to it). */
const COMPONENTS_ID = 'urn:vbe:openapi-components'

/** A response's media type without its parameters, lower case. */
function mediaTypeOf(response: Response): string | null {
  const type = response.headers.get('content-type')
  return type ? type.split(';')[0]!.trim().toLowerCase() : null
}

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json')

/** Rewrites local component references so the schemas compile on their own. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
        ? `${COMPONENTS_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`
        : rebase(v),
    ]),
  )
}

/** Splits a path into segments, for matching against the document's templated paths. */
const segments = (path: string) => path.split('/').filter((s) => s !== '')

/**
 * Checks responses against an OpenAPI 3.1 document: the operation must exist, the status
 * must be declared for it (or a `4XX`/`5XX`/`default` range), the content type must be one
 * it declares, and a JSON body must match the declared schema (JSON Schema 2020-12, with
 * formats). Paths outside `/api/` are the UI's and are not checked.
 */
export class OpenApiContract {
  private readonly ajv: Ajv2020
  private readonly validators = new Map<string, ValidateFunction>()
  private readonly templates: Array<{ readonly path: string; readonly parts: readonly string[] }>

  constructor(private readonly document: OpenApiDocument) {
    if (!document.openapi.startsWith('3.1'))
      throw new Error(`The contract check reads OpenAPI 3.1 documents; this one is ${document.openapi}`)
    this.ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false })
    addFormats.default(this.ajv)
    // OpenAPI's own schema keywords, which JSON Schema does not define.
    this.ajv.addKeyword({ keyword: 'example' })
    this.ajv.addKeyword({ keyword: 'discriminator' })
    this.ajv.addKeyword({ keyword: 'xml' })
    this.ajv.addKeyword({ keyword: 'externalDocs' })
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: rebase(document.components?.schemas ?? {}) as Record<string, unknown> })
    // Literal segments before templated ones, so `/api/cases/import` wins over `/api/cases/{id}`.
    this.templates = Object.keys(document.paths ?? {})
      .map((path) => ({ path, parts: segments(path) }))
      .sort((a, b) => a.parts.filter((p) => p.startsWith('{')).length - b.parts.filter((p) => p.startsWith('{')).length)
  }

  /** The document's path template that `path` (without query) falls under, if any, for `method`. */
  operationFor(method: string, path: string): { readonly template: string; readonly operation: Operation } | null {
    const m = method.toLowerCase()
    const parts = segments(path)
    for (const t of this.templates) {
      if (t.parts.length !== parts.length || !t.parts.every((p, i) => p.startsWith('{') || p === parts[i])) continue
      const item = this.document.paths?.[t.path]
      const operation = item?.[m]
      if (operation && typeof operation === 'object') return { template: t.path, operation: operation as Operation }
    }
    return null
  }

  /**
   * The ways `response` breaks the contract for `method path` (empty when it keeps it).
   * Reads the body of a clone, so the caller can still read the response.
   */
  async violations(method: string, url: string, response: Response): Promise<string[]> {
    const path = new URL(url, 'http://contract.invalid').pathname
    if (!path.startsWith('/api/') || SELF_DESCRIBING.test(path)) return []
    const where = `${method.toUpperCase()} ${path} → ${response.status}`
    const found = this.operationFor(method, path)
    if (!found) {
      // Not an operation: the API must answer with its problem+json 404.
      if (response.status === 404 && mediaTypeOf(response) === 'application/problem+json')
        return this.checkBody(where, 'Problem', { $ref: '#/components/schemas/Problem' }, response)
      return [
        `${where}: the document declares no ${method.toUpperCase()} operation for this path, and the answer is not a problem+json 404`,
      ]
    }
    const { template, operation } = found
    const declared = operation.responses ?? {}
    const status = String(response.status)
    const declaration = declared[status] ?? declared[`${status[0]}XX`] ?? declared['default']
    if (!declaration)
      return [
        `${where}: status ${status} is not declared for ${method.toUpperCase()} ${template} (declared: ${
          Object.keys(declared).join(', ') || 'none'
        })`,
      ]
    const content = declaration.content ?? {}
    const mediaType = mediaTypeOf(response)
    const text = method.toUpperCase() === 'HEAD' ? '' : await response.clone().text()
    if (Object.keys(content).length === 0)
      return text === ''
        ? []
        : [
            `${where}: ${method.toUpperCase()} ${template} declares no body for ${status}, but the answer has one (${
              mediaType ?? 'no content-type'
            })`,
          ]
    if (!mediaType) return [`${where}: the answer has no content-type; declared: ${Object.keys(content).join(', ')}`]
    const media = content[mediaType]
    if (!media) return [`${where}: content-type ${mediaType} is not declared for ${status} (declared: ${Object.keys(content).join(', ')})`]
    if (!isJson(mediaType) || media.schema === undefined) return []
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return [`${where}: the ${mediaType} body is not JSON: ${text.slice(0, 200)}`]
    }
    return this.validate(where, `${method.toUpperCase()} ${template} ${status} ${mediaType}`, media.schema, body)
  }

  /** Throws an error listing every violation, for use inside a test's HTTP client. */
  async assert(method: string, url: string, response: Response): Promise<void> {
    const problems = await this.violations(method, url, response)
    if (problems.length > 0) throw new ContractViolation(problems)
  }

  private async checkBody(where: string, key: string, schema: unknown, response: Response): Promise<string[]> {
    const text = await response.clone().text()
    try {
      return this.validate(where, key, schema, JSON.parse(text))
    } catch {
      return [`${where}: the body is not JSON: ${text.slice(0, 200)}`]
    }
  }

  private validate(where: string, key: string, schema: unknown, body: unknown): string[] {
    let validate = this.validators.get(key)
    if (!validate) {
      validate = this.ajv.compile(rebase(schema) as object)
      this.validators.set(key, validate)
    }
    if (validate(body)) return []
    return (validate.errors ?? [])
      .slice(0, 10)
      .map(
        (e) =>
          `${where}: body${e.instancePath} ${e.message ?? 'is invalid'}${
            e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ''
          }`,
      )
  }
}

/** A response that does not keep the app's OpenAPI contract. */
export class ContractViolation extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The response breaks the OpenAPI contract:\n${problems.join('\n')}`)
    this.name = 'ContractViolation'
  }
}

const contracts = new Map<string, Promise<OpenApiContract>>()

/** The contract of the app at `baseUrl`, from its own `/api/openapi.json` (fetched once per base URL). */
export function contractOf(baseUrl: string): Promise<OpenApiContract> {
  let contract = contracts.get(baseUrl)
  if (!contract) {
    contract = fetch(`${baseUrl}/api/openapi.json`).then(async (res) => {
      if (res.status !== 200) throw new Error(`${baseUrl}/api/openapi.json answered ${res.status}`)
      return new OpenApiContract((await res.json()) as OpenApiDocument)
    })
    contract.catch(() => contracts.delete(baseUrl))
    contracts.set(baseUrl, contract)
  }
  return contract
}

/**
 * `fetch`, checked: the response must keep the OpenAPI contract of the app at the URL's
 * origin (a violation throws). Use it for every request an API test makes.
 */
export async function checkedFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input)
  const response = await fetch(url, init)
  const contract = await contractOf(url.origin)
  await contract.assert(init.method ?? 'GET', url.pathname, response)
  return response
}

/** One operation of a document, with its method and path, for tests that walk them all. */
export interface DocumentOperation {
  readonly method: string
  readonly path: string
  readonly operationId?: string
  readonly description?: string
  readonly tags?: readonly string[]
  readonly security?: ReadonlyArray<Readonly<Record<string, readonly string[]>>>
}

/** Every operation in the document. */
export function operationsOf(document: OpenApiDocument): DocumentOperation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(method))
      .map(([method, operation]) => ({ ...(operation as Omit<DocumentOperation, 'method' | 'path'>), method: method.toUpperCase(), path })),
  )
}
