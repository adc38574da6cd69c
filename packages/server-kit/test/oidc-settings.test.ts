import { describe, expect, it } from 'vitest'
import { EnvError, mapClaims, signInSettingsFromEnv, type OidcSettings } from '../src/index.js'
import { DISTRICTS, ROLE_MAP } from './support/oidc-maps.js'

// The OpenID Connect settings and claim mapping on their own, without a provider (the sign-in itself: oidc.test.ts).

describe('the sign-in settings from the environment', () => {
  const base = {
    VBE_OIDC_ISSUER: 'https://login.example.org/tenant',
    VBE_OIDC_CLIENT_ID: 'vbe',
    VBE_OIDC_CLIENT_SECRET: 's3cret',
    VBE_OIDC_REDIRECT_BASE_URL: 'https://vbe.example.org/ignored/path',
    VBE_OIDC_ROLE_MAP: ROLE_MAP,
  }
  const problems = (env: Record<string, string>) => {
    try {
      signInSettingsFromEnv(env, DISTRICTS)
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      return (error as EnvError).message.split('\n')
    }
    throw new Error('expected an EnvError')
  }

  it('reads a full configuration, with defaults', () => {
    const settings = signInSettingsFromEnv(base, DISTRICTS)
    expect(settings.passwordLogin).toBe(true)
    expect(settings.oidc).toEqual({
      issuer: 'https://login.example.org/tenant',
      clientId: 'vbe',
      clientSecret: 's3cret',
      redirectBaseUrl: 'https://vbe.example.org',
      scopes: 'openid profile email',
      groupsClaim: 'groups',
      roleMap: { 'vbe-handlaggare': ['officer'], 'vbe-beslutsfattare': ['approver'], 'vbe-revisor': ['auditor'] },
      districtClaim: null,
      districtMap: {},
      districts: DISTRICTS,
      nameClaim: 'name',
    })
    expect(signInSettingsFromEnv({})).toEqual({ passwordLogin: true, oidc: null })
  })

  it('names each wrong variable and what is wrong', () => {
    expect(problems({ ...base, VBE_OIDC_CLIENT_ID: '', VBE_OIDC_SCOPES: 'profile' })).toEqual([
      'VBE_OIDC_CLIENT_ID is required when VBE_OIDC_ISSUER is set',
      'VBE_OIDC_SCOPES must include openid',
    ])
    expect(problems({ ...base, VBE_OIDC_ROLE_MAP: '{vbe-admin: admin}' })[0]).toMatch(/^VBE_OIDC_ROLE_MAP must be JSON, e\.g\. \{/)
    expect(problems({ ...base, VBE_OIDC_ROLE_MAP: '{"vbe-admin":"superuser"}' })).toEqual([
      'VBE_OIDC_ROLE_MAP at "vbe-admin": must be one of officer, approver, admin, auditor',
    ])
    expect(problems({ ...base, VBE_OIDC_ISSUER: 'login.example.org' })[0]).toMatch(/^VBE_OIDC_ISSUER must be an http\(s\) URL/)
    expect(problems({ VBE_OIDC_CLIENT_ID: 'vbe' })).toEqual(['VBE_OIDC_ISSUER is required when VBE_OIDC_CLIENT_ID is set'])
    expect(problems({ ...base, VBE_OIDC_DISTRICT_MAP: '{"sdf-rinkeby-kista":"rinkeby-kista","sdf-skarholmen":"skarholmen"}' })).toEqual([
      'VBE_OIDC_DISTRICT_MAP maps "sdf-skarholmen" to the district "skarholmen", which no installed plugin serves (installed: rinkeby-kista, spanga-tensta, norrmalm)',
    ])
    expect(problems({ VBE_PASSWORD_LOGIN: '0' })).toEqual([
      'VBE_PASSWORD_LOGIN=0 needs OpenID Connect (VBE_OIDC_ISSUER), or nobody could sign in',
    ])
  })
})

describe('mapping claims to roles and district', () => {
  const settings: OidcSettings = {
    issuer: 'https://login.example.org',
    clientId: 'vbe',
    clientSecret: 'x',
    redirectBaseUrl: 'https://vbe.example.org',
    scopes: 'openid',
    groupsClaim: 'roles',
    roleMap: { handlaggare: ['officer'], admins: ['admin', 'auditor'] },
    districtClaim: 'sdf',
    districtMap: { 'grp-rinkeby': 'rinkeby-kista', 'grp-spanga': 'spanga-tensta' },
    districts: ['rinkeby-kista', 'spanga-tensta', 'skarholmen'],
    nameClaim: 'name',
  }

  it('takes roles from the mapped groups only, and the district from the claim before the groups', () => {
    expect(mapClaims({ name: 'A', roles: ['handlaggare', 'unknown'], sdf: 'skarholmen' }, settings)).toEqual({
      kind: 'staff',
      displayName: 'A',
      roles: ['officer'],
      district: 'skarholmen',
    })
    expect(mapClaims({ name: 'A', roles: 'handlaggare grp-rinkeby'.split(' ') }, settings)).toMatchObject({ district: 'rinkeby-kista' })
    expect(mapClaims({ name: 'B', roles: ['admins'] }, settings)).toMatchObject({ roles: ['admin', 'auditor'], district: null })
    expect(mapClaims({ name: 'C', roles: 'admins' }, settings)).toMatchObject({ kind: 'staff', roles: ['admin', 'auditor'] })
  })

  it('gives no access in a district no installed plugin serves, whatever the role', () => {
    expect(mapClaims({ name: 'A', roles: ['handlaggare'], sdf: 'hogwarts' }, settings)).toEqual({
      kind: 'no-access',
      reason: 'unknown-district',
    })
    expect(mapClaims({ name: 'B', roles: ['admins'], sdf: 'hogwarts' }, settings)).toEqual({
      kind: 'no-access',
      reason: 'unknown-district',
    })
    // Settings made by hand, not read from the environment, are held to the same list.
    expect(mapClaims({ roles: ['handlaggare', 'grp-rinkeby'] }, { ...settings, districts: ['spanga-tensta'] })).toEqual({
      kind: 'no-access',
      reason: 'unknown-district',
    })
  })

  it('gives no access without a mapped role, without a district for an officer, or with several districts', () => {
    expect(mapClaims({ roles: ['someone-else'] }, settings)).toEqual({ kind: 'no-access', reason: 'no-role' })
    expect(mapClaims({ roles: 42 }, settings)).toEqual({ kind: 'no-access', reason: 'no-role' })
    expect(mapClaims({ roles: ['handlaggare'] }, settings)).toEqual({ kind: 'no-access', reason: 'no-district' })
    expect(mapClaims({ roles: ['handlaggare', 'grp-rinkeby', 'grp-spanga'] }, settings)).toEqual({
      kind: 'no-access',
      reason: 'several-districts',
    })
  })
})
