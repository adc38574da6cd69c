import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose'
import type { OidcSettings } from './config.js'

/** The `events` member that makes a JWT a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, 2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout'
/** How old (by `iat`) a logout token may be: the provider sends it the moment the user signs out. */
export const LOGOUT_TOKEN_MAX_AGE_SECONDS = 300
/** How far the provider's clock may be from ours. */
export const LOGOUT_TOKEN_CLOCK_TOLERANCE_SECONDS = 60

/** What a verified logout token says: whose sign-in at the provider ended. */
export interface LogoutClaims {
  readonly issuer: string
  /** The provider's session id; null when the token names only the user. */
  readonly sid: string | null
  /** The user at the provider; null when the token names only the session. */
  readonly sub: string | null
  readonly jti: string
  /** When it was issued (seconds since the epoch). */
  readonly iat: number
}

/** Why a logout token was refused; each has its own text (`problems.ts`). */
export type LogoutTokenProblem =
  | 'malformed'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'issued-at'
  | 'not-logout'
  | 'nonce'
  | 'no-subject'
  | 'no-jti'
  | 'replayed'

export class LogoutTokenRefused extends Error {
  override readonly name = 'LogoutTokenRefused'
  constructor(readonly problem: LogoutTokenProblem) {
    super(`logout token refused: ${problem}`)
  }
}

type KeySet = ReturnType<typeof createRemoteJWKSet>
/** Per settings and key set URL: jose's remote key set, which caches the keys and fetches them again for an unknown key id. */
const keySets = new WeakMap<OidcSettings, { url: string; keys: KeySet }>()

function keySetFor(settings: OidcSettings, jwksUri: string): KeySet {
  const found = keySets.get(settings)
  if (found?.url === jwksUri) return found.keys
  const keys = createRemoteJWKSet(new URL(jwksUri))
  keySets.set(settings, { url: jwksUri, keys })
  return keys
}

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 1000 ? value : null)

/**
 * Verifies a logout token as Back-Channel Logout 1.0 section 2.6 says: a JWS signed with one of
 * the provider's keys (from its `jwks_uri`; never `none` or a shared secret), from our issuer,
 * for our client id, issued at most `LOGOUT_TOKEN_MAX_AGE_SECONDS` ago (and not expired, when
 * it has `exp`), with the back-channel logout event, a `jti`, no `nonce`, and a `sid` or a
 * `sub` (or both). Throws `LogoutTokenRefused` naming the first problem found. Anything else
 * thrown (the key set cannot be fetched) is the provider's or the network's fault.
 */
export async function verifyLogoutToken(
  token: string,
  settings: OidcSettings,
  provider: { readonly issuer: string; readonly jwksUri: string },
  now: Date,
): Promise<LogoutClaims> {
  let payload: JWTPayload
  try {
    ;({ payload } = await jwtVerify(token, keySetFor(settings, provider.jwksUri), {
      issuer: provider.issuer,
      audience: settings.clientId,
      requiredClaims: ['iat'],
      maxTokenAge: LOGOUT_TOKEN_MAX_AGE_SECONDS,
      clockTolerance: LOGOUT_TOKEN_CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    }))
  } catch (error) {
    throw refusalOf(error)
  }
  const events = payload['events']
  if (
    events === null ||
    typeof events !== 'object' ||
    Array.isArray(events) ||
    !Object.hasOwn(events, BACKCHANNEL_LOGOUT_EVENT) ||
    typeof (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT] !== 'object'
  )
    throw new LogoutTokenRefused('not-logout')
  if (payload['nonce'] !== undefined) throw new LogoutTokenRefused('nonce')
  const sid = text(payload['sid'])
  const sub = text(payload.sub)
  if (sid === null && sub === null) throw new LogoutTokenRefused('no-subject')
  const jti = text(payload.jti)
  if (jti === null) throw new LogoutTokenRefused('no-jti')
  return { issuer: provider.issuer, sid, sub, jti, iat: payload.iat ?? 0 }
}

function refusalOf(error: unknown): unknown {
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return new LogoutTokenRefused('signature')
  if (error instanceof errors.JWKSMultipleMatchingKeys) return new LogoutTokenRefused('signature')
  if (error instanceof errors.JWTExpired) return new LogoutTokenRefused('expired')
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new LogoutTokenRefused('issuer')
    if (error.claim === 'aud') return new LogoutTokenRefused('audience')
    if (error.claim === 'iat') return new LogoutTokenRefused('issued-at')
    return new LogoutTokenRefused('malformed')
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported
  )
    return new LogoutTokenRefused('malformed')
  return error
}
