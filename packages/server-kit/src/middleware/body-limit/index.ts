import { bodyLimit as honoBodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { ProblemResponse } from '../../errors.js'

/** The largest request body by default: 1 MB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

export interface BodyLimits {
  /** The largest body any request may send, in bytes (default 1 MB). */
  readonly defaultBytes?: number
  /** Larger limits for named paths (the import routes), in bytes: `{ '/api/cases/import': 10_000_000 }`. */
  readonly paths?: Readonly<Record<string, number>>
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10

/** The 413 problem for a body larger than `max` bytes. */
function tooLarge(max: number): ProblemResponse {
  const mb = megabytes(max)
  // Connection: close, so that no client sends its next request on a connection whose unread body is being thrown away.
  return new ProblemResponse(
    {
      type: 'https://vbe.invalid/problems/too-large',
      title: { sv: 'För stor begäran', en: 'Request too large' },
      status: 413,
      detail: {
        sv: `Innehållet i begäran är större än ${String(mb).replace('.', ',')} MB, som är det största som tas emot här.`,
        en: `The request body is larger than ${mb} MB, the most this address accepts.`,
      },
      errors: [
        {
          path: '(body)',
          message: { sv: `får vara högst ${String(mb).replace('.', ',')} MB`, en: `must be at most ${mb} MB` },
        },
      ],
    },
    { connection: 'close' },
  )
}

/**
 * Refuses request bodies larger than the limit for their path with a 413 problem. It
 * counts while the body streams in (a `Content-Length` over the limit is refused before a
 * byte is read), so install it before anything that reads the body or looks up a session.
 */
export function bodyLimit(limits: BodyLimits = {}) {
  const fallback = limits.defaultBytes ?? DEFAULT_BODY_LIMIT
  const byPath = new Map(
    Object.entries(limits.paths ?? {}).map(
      ([path, max]) =>
        [
          path,
          honoBodyLimit({
            maxSize: max,
            onError: () => {
              throw tooLarge(max)
            },
          }),
        ] as const,
    ),
  )
  const general = honoBodyLimit({
    maxSize: fallback,
    onError: () => {
      throw tooLarge(fallback)
    },
  })
  return createMiddleware(async (c, next) => {
    const limit = byPath.get(c.req.path) ?? general
    return limit(c, next)
  })
}
