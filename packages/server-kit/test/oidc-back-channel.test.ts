import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES } from './databases.js'
import { startTwoApps, type TestApp, type TwoApps } from './support/oidc-apps.js'
import { TestBrowser } from './support/oidc-provider.js'

/*
 * Back-channel logout (OpenID Connect Back-Channel Logout 1.0) against a real provider
 * (oidc-provider, its backchannelLogout feature on) and two apps with their own databases:
 * signing out at the provider, or in one app, ends the person's sessions in both.
 */

const accounts: Record<string, Record<string, unknown>> = {
  anna: { name: 'Anna Andersson', groups: ['vbe-handlaggare'], district: 'rinkeby-kista' },
  ben: { name: 'Ben Berg', groups: ['vbe-handlaggare'], district: 'norrmalm' },
}

const parsed = (detail: unknown): unknown => (typeof detail === 'string' ? JSON.parse(detail) : detail)

async function signInToBoth(browser: TestBrowser, account: string, apps: readonly TestApp[]): Promise<void> {
  for (const app of apps) expect((await browser.signIn(app.login, account, app.home)).response.status).toBe(303)
}

async function providerLogoutEvents(app: TestApp) {
  const rows = await app.rows(
    sql<{ actor: string; after: unknown }>`select actor, after from vbe_audit_events where action = 'session.logout' order by seq`,
  )
  return rows.map((r) => ({ actor: r.actor, after: parsed(r.after) })).filter((r) => (r.after as { via?: string } | null)?.via)
}

describe.each(DATABASES)('OpenID Connect back-channel logout on %s', (_name, config) => {
  let apps: TwoApps

  beforeAll(async () => {
    apps = await startTwoApps(accounts, config)
  })
  afterAll(async () => {
    await apps?.close()
  })

  it('signing out at the provider ends the person’s sessions in both apps, and nobody else’s', async () => {
    const { op, grants, plans } = apps
    const anna = new TestBrowser()
    await signInToBoth(anna, 'anna', [grants, plans])
    // The same person in another browser: another session at the provider.
    const annaElsewhere = new TestBrowser()
    await signInToBoth(annaElsewhere, 'anna', [grants])
    const ben = new TestBrowser()
    await signInToBoth(ben, 'ben', [grants, plans])
    for (const [browser, app] of [
      [anna, grants],
      [anna, plans],
      [annaElsewhere, grants],
      [ben, grants],
      [ben, plans],
    ] as const)
      expect(await app.signedIn(browser)).toBe(true)
    // The grant app's client gets `sid` in its ID tokens, and each session records its own.
    const sids = await grants.rows(sql<{ oidc_issuer: string; oidc_sid: string | null }>`select oidc_issuer, oidc_sid from vbe_sessions`)
    expect(sids).toHaveLength(3)
    expect(new Set(sids.map((s) => s.oidc_sid)).size).toBe(3)
    expect(sids.every((s) => s.oidc_issuer === op.issuer && typeof s.oidc_sid === 'string')).toBe(true)
    const grantsPosted = grants.posted.length
    const plansPosted = plans.posted.length

    // Anna signs out at the provider itself (its own sign-out page, no app involved).
    expect(new URL(await anna.signOutAt(`${op.issuer}/session/end`)).origin).toBe(op.issuer)
    expect(op.backchannelErrors).toEqual([])

    // The provider posted one logout token to each app, and each answered 200, not to be cached.
    expect(grants.posted.slice(grantsPosted).map((p) => [p.status, p.cacheControl])).toEqual([[200, 'no-store']])
    expect(plans.posted.slice(plansPosted).map((p) => [p.status, p.cacheControl])).toEqual([[200, 'no-store']])
    // Her sessions have ended in both apps: the next API call is 401.
    expect(await grants.signedIn(anna)).toBe(false)
    expect(await plans.signedIn(anna)).toBe(false)
    // The grant app ended the provider session named (sid): her other browser is still signed in there.
    expect(await grants.signedIn(annaElsewhere)).toBe(true)
    // Ben is untouched.
    expect(await grants.signedIn(ben)).toBe(true)
    expect(await plans.signedIn(ben)).toBe(true)

    // Audited in each app as her logout, by way of the provider; recorded in the security log.
    for (const app of [grants, plans]) {
      const events = await providerLogoutEvents(app)
      expect(events).toHaveLength(1)
      expect(events[0]!.after).toEqual({ via: 'identity-provider', sessions: 1 })
      expect(events[0]!.actor).toMatch(/^oidc:/)
      const logged = await app.rows(
        sql<{
          actor: string
          detail: unknown
          path: string
        }>`select actor, detail, path from vbe_security_log where kind = 'sessions.ended'`,
      )
      expect(logged.map((l) => ({ actor: l.actor, detail: parsed(l.detail), path: l.path }))).toEqual([
        { actor: events[0]!.actor, detail: { ended: 1, by: 'identity-provider' }, path: '/api/oidc/backchannel-logout' },
      ])
    }
  })

  it('a logout token naming only the user ends every session of that user (the plan editor’s client asks for no sid)', async () => {
    const { op, plans } = apps
    const first = new TestBrowser()
    const second = new TestBrowser()
    await signInToBoth(first, 'ben', [plans])
    await signInToBoth(second, 'ben', [plans])
    // Without backchannel_logout_session_required the provider puts no sid in the ID token either.
    const sessions = await plans.rows(sql<{ oidc_sid: string | null }>`select oidc_sid from vbe_sessions`)
    expect(sessions.length).toBeGreaterThanOrEqual(2)
    expect(sessions.every((s) => s.oidc_sid === null)).toBe(true)
    await first.signOutAt(`${op.issuer}/session/end`)
    expect(op.backchannelErrors).toEqual([])
    expect(await plans.signedIn(first)).toBe(false)
    expect(await plans.signedIn(second)).toBe(false)
  })

  it('signing out in one app sends the browser to the provider, which ends the session in the other app too', async () => {
    const { op, grants, plans } = apps
    const anna = new TestBrowser()
    await signInToBoth(anna, 'anna', [grants, plans])
    const csrf = ((await (await anna.request(`${grants.url}/api/session`)).json()) as { csrfToken: string }).csrfToken
    const out = await anna.request(`${grants.url}/api/session`, { method: 'DELETE', headers: { 'x-csrf-token': csrf } })
    expect(out.status).toBe(200)
    const { endSessionUrl } = (await out.json()) as { endSessionUrl: string }
    expect(await grants.signedIn(anna)).toBe(false)
    // Still signed in to the plan editor until she confirms at the provider…
    expect(await plans.signedIn(anna)).toBe(true)
    expect(await anna.signOutAt(endSessionUrl)).toBe(`${grants.url}/`)
    expect(op.backchannelErrors).toEqual([])
    // …and then not.
    expect(await plans.signedIn(anna)).toBe(false)
    // The grant app's own session had ended already: its token was valid and ended nothing more.
    expect(grants.posted.at(-1)?.status).toBe(200)
  })
})
