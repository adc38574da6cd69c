import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { SignJWT, type JWTPayload } from 'jose'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKCHANNEL_LOGOUT_EVENT, createApi, registerSignIn, signInSettingsFromEnv } from '../src/index.js'
import { DATABASES } from './databases.js'
import { startTwoApps, type TestApp, type TwoApps } from './support/oidc-apps.js'
import { TestBrowser } from './support/oidc-provider.js'

/*
 * A logout token that fails any check of Back-Channel Logout 1.0 (section 2.6) is refused
 * with 400 and a problem naming the check, is recorded in the security log, and ends
 * nothing. The tokens are the provider's own (captured, replayed, sent to the wrong app,
 * tampered with) and tokens signed with the provider's key with one claim wrong, next to
 * the same token with every claim right, which does end the session.
 */

const accounts: Record<string, Record<string, unknown>> = {
  anna: { name: 'Anna Andersson', groups: ['vbe-handlaggare'], district: 'rinkeby-kista' },
}

interface Refusal {
  readonly status: number
  readonly contentType: string | null
  readonly cacheControl: string | null
  readonly code: unknown
  readonly detail: unknown
}

async function refusalOf(response: Response): Promise<Refusal> {
  const body = (await response.json()) as { code?: unknown; detail?: unknown }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    cacheControl: response.headers.get('cache-control'),
    code: body.code,
    detail: body.detail,
  }
}

const refused = (problem: string) => ({
  status: 400,
  contentType: 'application/problem+json',
  cacheControl: 'no-store',
  code: `logout-token-${problem}`,
  detail: expect.any(String),
})

const refusedProblems = async (app: TestApp) =>
  (await app.rows(sql<{ detail: unknown }>`select detail from vbe_security_log where kind = 'logout-token.refused' order by id`)).map(
    (r) => (JSON.parse(typeof r.detail === 'string' ? r.detail : JSON.stringify(r.detail)) as { problem: string }).problem,
  )

const auditCount = async (app: TestApp) => Number((await app.rows(sql<{ n: string }>`select count(*) as n from vbe_audit_events`))[0]!.n)

/** The provider session id of the newest session in `app`. */
const newestSid = async (app: TestApp) =>
  (await app.rows(sql<{ oidc_sid: string }>`select oidc_sid from vbe_sessions order by created_at desc limit 1`))[0]!.oidc_sid

describe.each(DATABASES)('Refused logout tokens on %s', (_name, config) => {
  let apps: TwoApps

  beforeAll(async () => {
    apps = await startTwoApps(accounts, config)
  })
  afterAll(async () => {
    await apps?.close()
  })

  it('refuses the provider’s token replayed, sent to the other app, or tampered with (400), and ends nothing', async () => {
    const { op, grants, plans } = apps
    const before = new TestBrowser()
    for (const app of [grants, plans]) await before.signIn(app.login, 'anna', app.home)
    await before.signOutAt(`${op.issuer}/session/end`)
    const grantsToken = grants.posted.at(-1)!.token
    const plansToken = plans.posted.at(-1)!.token
    expect(grants.posted.at(-1)!.status).toBe(200)
    expect(plans.posted.at(-1)!.status).toBe(200)

    // Signed in again: a new session at the provider and in each app.
    const anna = new TestBrowser()
    for (const app of [grants, plans]) await anna.signIn(app.login, 'anna', app.home)
    const sid = await newestSid(grants)
    const audited = [await auditCount(grants), await auditCount(plans)]

    // The same token twice: the plan editor's names only the user, so taking it again would end her new session.
    expect(await refusalOf(await plans.postLogout({ logout_token: plansToken }))).toEqual(refused('replayed'))
    expect(await refusalOf(await grants.postLogout({ logout_token: grantsToken }))).toEqual(refused('replayed'))
    // The plan editor's token at the grant app: signed by the provider, but for another client.
    expect(await refusalOf(await grants.postLogout({ logout_token: plansToken }))).toEqual(refused('audience'))
    // The grant app's token with its sid changed to the new session's: the signature no longer matches.
    const [header, payload, signature] = grantsToken.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as JWTPayload
    const forged = Buffer.from(JSON.stringify({ ...claims, sid, jti: randomUUID() })).toString('base64url')
    expect(await refusalOf(await grants.postLogout({ logout_token: `${header}.${forged}.${signature}` }))).toEqual(refused('signature'))

    expect(await grants.signedIn(anna)).toBe(true)
    expect(await plans.signedIn(anna)).toBe(true)
    expect([await auditCount(grants), await auditCount(plans)]).toEqual(audited)
    expect(await refusedProblems(grants)).toEqual(['replayed', 'audience', 'signature'])
    expect(await refusedProblems(plans)).toEqual(['replayed'])
  })

  it('checks every claim of a token signed with the provider’s key; the same token with every claim right ends the session', async () => {
    const { op, grants } = apps
    const other = new TestBrowser()
    await other.signIn(grants.login, 'anna', grants.home)
    const anna = new TestBrowser()
    await anna.signIn(grants.login, 'anna', grants.home)
    const sid = await newestSid(grants)
    const now = Math.floor(Date.now() / 1000)
    const good: JWTPayload = {
      iss: op.issuer,
      aud: grants.clientId,
      iat: now,
      exp: now + 120,
      jti: randomUUID(),
      sub: 'anna',
      sid,
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
    }
    const without = (name: string): JWTPayload => Object.fromEntries(Object.entries(good).filter(([k]) => k !== name))
    const cases: ReadonlyArray<readonly [string, JWTPayload]> = [
      ['issuer', { ...good, iss: 'http://127.0.0.1:9/' }],
      ['audience', { ...good, aud: 'another-client' }],
      ['audience', without('aud')],
      ['expired', { ...good, iat: now - 600, exp: now + 600 }],
      ['expired', { ...good, exp: now - 300 }],
      ['issued-at', without('iat')],
      ['issued-at', { ...good, iat: now + 600 }],
      ['not-logout', without('events')],
      ['not-logout', { ...good, events: { 'http://schemas.openid.net/event/other': {} } }],
      ['not-logout', { ...good, events: [BACKCHANNEL_LOGOUT_EVENT] }],
      ['not-logout', { ...good, events: { [BACKCHANNEL_LOGOUT_EVENT]: 'yes' } }],
      ['nonce', { ...good, nonce: 'n-0S6_WzA2Mj' }],
      ['no-subject', Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'sid' && k !== 'sub'))],
      ['no-jti', without('jti')],
    ]
    for (const [problem, payload] of cases) {
      // A fresh jti each (where it has one), so that no case is refused only as a replay.
      const token = await op.sign(payload.jti === undefined ? payload : { ...payload, jti: randomUUID() })
      const answer = await refusalOf(await grants.postLogout({ logout_token: token }))
      expect({ problem, ...answer }).toEqual({ problem, ...refused(problem) })
    }
    // Signed with another key under the provider's key id; unsigned (alg none); no JWT at all.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const otherKey = await new SignJWT(good).setProtectedHeader({ alg: 'RS256', kid: 'test' }).sign(privateKey)
    expect(await refusalOf(await grants.postLogout({ logout_token: otherKey }))).toEqual(refused('signature'))
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(good)).toString('base64url')}.`
    expect(await refusalOf(await grants.postLogout({ logout_token: unsigned }))).toEqual(refused('malformed'))
    expect(await refusalOf(await grants.postLogout({ logout_token: 'not-a-token' }))).toEqual(refused('malformed'))

    // In the language asked for.
    const sv = await grants.postLogout({ logout_token: await op.sign({ ...good, aud: 'another-client' }) }, { 'accept-language': 'sv' })
    expect((await refusalOf(sv)).detail).toBe('Utloggningstoken är avsedd för en annan klient (aud), inte för den här appen.')
    // No token: the field is named. Not as a form: 415, as a problem too.
    const empty = await grants.postLogout({})
    expect(empty.status).toBe(400)
    expect(((await empty.json()) as { errors?: Array<{ path: string }> }).errors?.map((e) => e.path)).toEqual(['form.logout_token'])
    const json = await fetch(`${grants.url}/api/oidc/backchannel-logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ logout_token: await op.sign(good) }),
    })
    expect([json.status, json.headers.get('content-type')]).toEqual([415, 'application/problem+json'])
    expect(await grants.signedIn(anna)).toBe(true)

    // The same claims, all right: her session (that provider session) ends, the other browser's does not.
    const accepted = await grants.postLogout({ logout_token: await op.sign(good) })
    expect(accepted.status).toBe(200)
    expect(accepted.headers.get('cache-control')).toBe('no-store')
    expect(await grants.signedIn(anna)).toBe(false)
    expect(await grants.signedIn(other)).toBe(true)
    // Once only.
    expect(await refusalOf(await grants.postLogout({ logout_token: await op.sign(good) }))).toEqual(refused('replayed'))
  })

  it('answers 502, not 500, when the provider cannot be reached to check a token', async () => {
    const logged: unknown[] = []
    const app = createApi({
      database: apps.grants.database,
      logError: (error) => logged.push(error),
      signIn: signInSettingsFromEnv(
        {
          // Nothing listens on the discard port.
          VBE_OIDC_ISSUER: 'http://127.0.0.1:9',
          VBE_OIDC_CLIENT_ID: 'vbe-test',
          VBE_OIDC_CLIENT_SECRET: 'a-secret',
          VBE_OIDC_REDIRECT_BASE_URL: apps.grants.url,
          VBE_OIDC_ROLE_MAP: '{"vbe-handlaggare":"officer"}',
        },
        ['rinkeby-kista'],
      ),
    })
    registerSignIn(app)
    const response = await app.request('/api/oidc/backchannel-logout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      body: new URLSearchParams({ logout_token: await apps.op.sign({ iss: 'http://127.0.0.1:9', aud: 'vbe-test' }) }).toString(),
    })
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(((await response.json()) as { code: string }).code).toBe('provider-unavailable')
    expect(logged).toHaveLength(1)
  })

  it('answers 404 where sign-in through the provider is not set up', async () => {
    const app = createApi({ database: apps.grants.database, signIn: { passwordLogin: true, oidc: null } })
    registerSignIn(app)
    const response = await app.request('/api/oidc/backchannel-logout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'logout_token=x',
    })
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })
})
