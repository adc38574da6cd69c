import type { Context } from 'hono'
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from '../auth.js'
import { runKit, type KitEnv } from '../http.js'
import { securityEvent } from '../security-log/request.js'
import { clientInfo } from '../sessions/client.js'
import { claimAttempt, refundAttempt, type ThrottleRule } from '../sessions/throttle.js'
import { signInThrottled } from './problems.js'

/** The two steps of a sign-in through the provider, each counted per client address. */
export type SignInStep = 'login' | 'callback'

const keyOf = (step: SignInStep, address: string) => `oidc-${step}:${address}`

/** The password login's per-address rule: a few free, then a doubling wait up to a cap, forgotten after a quiet window. */
export const addressThrottleRule = (policy: AuthPolicy): ThrottleRule => ({
  free: policy.maxFailuresPerAddress,
  firstDelayMs: policy.firstDelayMs ?? DEFAULT_AUTH_POLICY.firstDelayMs!,
  maxDelayMs: policy.maxDelayMs ?? DEFAULT_AUTH_POLICY.maxDelayMs!,
  resetAfterMs: policy.windowMs,
})

/**
 * Claims one `step` for the client's address with the password login's progressive-delay
 * throttle (`claimAttempt`, atomic in the database); a 429 problem with Retry-After when
 * the address must wait. Every started sign-in adds a pending row until its callback or
 * its expiry, so this bounds what one address can put in that table. A finished sign-in
 * gives both steps back (`refundSignIn`): only sign-ins that were abandoned or failed
 * count, as only failed passwords count for the password login.
 */
export async function throttleSignIn(c: Context<KitEnv>, step: SignInStep): Promise<void> {
  const kit = c.get('kit')
  const address = clientInfo(c, kit.trustedProxies).address
  const wait = await runKit(c, claimAttempt(keyOf(step, address), addressThrottleRule(kit.authPolicy), kit.clock.now()))
  if (!wait) return
  const seconds = Math.max(1, Math.ceil(wait.waitMs / 1000))
  await securityEvent(c, 'login.throttled', { method: 'oidc', step, waitSeconds: seconds })
  throw signInThrottled(seconds)
}

/** Gives back both steps of a sign-in that ended in a session. */
export async function refundSignIn(c: Context<KitEnv>): Promise<void> {
  const kit = c.get('kit')
  const address = clientInfo(c, kit.trustedProxies).address
  const rule = addressThrottleRule(kit.authPolicy)
  await runKit(c, refundAttempt(keyOf('login', address), rule))
  await runKit(c, refundAttempt(keyOf('callback', address), rule))
}
