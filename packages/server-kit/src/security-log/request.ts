import { Effect } from 'effect'
import type { Context, MiddlewareHandler } from 'hono'
import type { KitEnv } from '../http.js'
import { Clock, Db } from '../services.js'
import { clientInfo } from '../sessions/client.js'
import { recordSecurityEvent, SecurityLogOutput, type SecurityEvent, type SecurityEventKind } from './index.js'

/**
 * Records a security event about this request: who (the session's user), from where
 * (the client address after trusted proxies), and the method and path. The one call a
 * route makes, e.g. `await securityEvent(c, 'audit.read')`.
 */
export async function securityEvent(c: Context<KitEnv>, kind: SecurityEventKind, detail?: SecurityEvent['detail']): Promise<void> {
  const kit = c.get('kit')
  const user = c.get('session')?.user ?? null
  await Effect.runPromise(
    recordSecurityEvent({
      kind,
      actor: user?.username ?? null,
      district: user?.district ?? null,
      address: clientInfo(c, kit.trustedProxies).address,
      method: c.req.method,
      path: c.req.path,
      ...(detail ? { detail } : {}),
    }).pipe(
      Effect.provideService(Db, { kysely: kit.database.kysely }),
      Effect.provideService(Clock, kit.clock),
      Effect.provideService(SecurityLogOutput, { stderr: kit.securityLogStderr }),
    ),
  )
}

/** Records every 403 answer (role, district, CSRF, declaration…) with its problem code. */
export function logRefusals(): MiddlewareHandler<KitEnv> {
  return async (c, next) => {
    await next()
    if (c.res.status !== 403) return
    let code: string | null = null
    try {
      const body = (await c.res.clone().json()) as { code?: unknown }
      code = typeof body.code === 'string' ? body.code : null
    } catch {
      code = null
    }
    await securityEvent(c, 'forbidden', { code })
  }
}
