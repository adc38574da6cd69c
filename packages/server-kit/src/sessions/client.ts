import { isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** Where a request comes from, as far as the server may believe it. */
export interface ClientInfo {
  /** The client's address: the peer's, or from X-Forwarded-For when the peer is a trusted proxy. */
  readonly address: string
  /** Whether the client reached us over https (directly, or per X-Forwarded-Proto from a trusted proxy). */
  readonly https: boolean
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same IPv4 address. */
export const normaliseAddress = (address: string): string => {
  const a = address.trim().toLowerCase()
  return a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a
}

function peerAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    return null
  }
}

/**
 * The client's address and scheme. X-Forwarded-For and X-Forwarded-Proto are honoured
 * only when the connection comes from one of `trustedProxies` (exact addresses); then
 * the client is the right-most address in X-Forwarded-For that is not itself a trusted
 * proxy. From anyone else the headers are ignored, so a client cannot choose its
 * address (and so dodge the login throttle or frame another address).
 */
export function clientInfo(c: Context, trustedProxies: readonly string[]): ClientInfo {
  const peer = peerAddress(c)
  const direct: ClientInfo = { address: peer ? normaliseAddress(peer) : 'unknown', https: new URL(c.req.url).protocol === 'https:' }
  if (!peer) return direct
  const trusted = new Set(trustedProxies.map(normaliseAddress))
  if (!trusted.has(direct.address)) return direct
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => isIP(normaliseAddress(a)) !== 0)
    .map(normaliseAddress)
  let address = direct.address
  for (let i = forwarded.length - 1; i >= 0; i--) {
    address = forwarded[i]!
    if (!trusted.has(address)) break
  }
  const proto = (c.req.header('x-forwarded-proto') ?? '').split(',').pop()?.trim().toLowerCase()
  return { address, https: proto === 'https' || (proto === undefined || proto === '' ? direct.https : false) }
}
