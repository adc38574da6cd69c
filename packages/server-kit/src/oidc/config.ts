import { z } from 'zod'
import { EnvError } from '../env-error.js'
import { ROLES, type Role } from '../services.js'

/** How staff sign in: OpenID Connect (when configured) and local passwords. */
export interface SignInSettings {
  /** `POST /api/session` with a username and password. Off only with `VBE_PASSWORD_LOGIN=0` and OIDC configured. */
  readonly passwordLogin: boolean
  /** Sign-in through the city's identity provider; null when `VBE_OIDC_ISSUER` is not set. */
  readonly oidc: OidcSettings | null
}

export interface OidcSettings {
  /** The provider's issuer URL; its metadata is read from `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  /** The app's public origin (scheme, host, port): the callback is `<base>/api/oidc/callback`. */
  readonly redirectBaseUrl: string
  /** Space-separated; always includes `openid`. */
  readonly scopes: string
  /** The claim that lists the user's groups (an array of strings, or one string). */
  readonly groupsClaim: string
  /** Group → the roles it gives. */
  readonly roleMap: Readonly<Record<string, readonly Role[]>>
  /** A claim whose value is the user's district id; it wins over `districtMap`. */
  readonly districtClaim: string | null
  /** Group → the district it places the user in. */
  readonly districtMap: Readonly<Record<string, string>>
  /**
   * The district ids the installed plugins serve. Every district in `districtMap` is one
   * of them (checked at start); a district claim with any other value gives no access.
   */
  readonly districts: readonly string[]
  /** The claim with the name the apps show (falls back to given and family name). */
  readonly nameClaim: string
}

const FLAG_OFF = new Set(['0', 'false', 'no', 'off'])
const FLAG_ON = new Set(['1', 'true', 'yes', 'on'])
const text = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined))
const httpUrl = (what: string) =>
  text
    .refine((v) => v === undefined || /^https?:\/\/[^\s/]/.test(v), `must be an http(s) URL (${what})`)
    .refine((v) => v === undefined || URL.canParse(v), `is not a valid URL (${what})`)
const claimName = text.refine((v) => v === undefined || /^[\w.:-]{1,100}$/.test(v), 'must be a claim name (letters, digits, _ . : -)')

function jsonOf<T extends z.ZodType>(schema: T, example: string) {
  return text.transform((v, ctx): z.infer<T> | undefined => {
    if (v === undefined) return undefined
    let raw: unknown
    try {
      raw = JSON.parse(v)
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be JSON, e.g. ${example}` })
      return z.NEVER
    }
    const parsed = schema.safeParse(raw)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) {
      // The group the problem is at (a list index adds nothing a reader needs).
      const at = issue.path.filter((p) => typeof p === 'string').join('.')
      ctx.addIssue({ code: 'custom', message: `${at ? `at "${at}": ` : ''}${issue.message}` })
    }
    return z.NEVER
  })
}

const roleName = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` })
const roleMapSchema = z
  .record(
    z.string().min(1).max(200),
    z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(roleName, { error: 'must be a role or a list of roles' }).min(1)),
  )
  .refine((m) => Object.keys(m).length > 0, 'must map at least one group to a role')
const districtMapSchema = z.record(
  z.string().min(1).max(200),
  z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a district id (lower-case letters, digits and -)'),
)

const envSchema = z.object({
  VBE_PASSWORD_LOGIN: text.refine(
    (v) => v === undefined || FLAG_OFF.has(v.toLowerCase()) || FLAG_ON.has(v.toLowerCase()),
    'must be 1 or 0 (or true/false, yes/no, on/off)',
  ),
  VBE_OIDC_ISSUER: httpUrl('the identity provider’s issuer'),
  VBE_OIDC_CLIENT_ID: text,
  VBE_OIDC_CLIENT_SECRET: text,
  VBE_OIDC_REDIRECT_BASE_URL: httpUrl('the app’s public origin'),
  VBE_OIDC_SCOPES: text,
  VBE_OIDC_GROUPS_CLAIM: claimName,
  VBE_OIDC_ROLE_MAP: jsonOf(roleMapSchema, '{"vbe-handlaggare":"officer","vbe-admin":["admin"]}'),
  VBE_OIDC_DISTRICT_CLAIM: claimName,
  VBE_OIDC_DISTRICT_MAP: jsonOf(districtMapSchema, '{"vbe-rinkeby-kista":"rinkeby-kista"}'),
  VBE_OIDC_NAME_CLAIM: claimName,
})

type Env = z.infer<typeof envSchema>
const REQUIRED_WITH_ISSUER = ['VBE_OIDC_CLIENT_ID', 'VBE_OIDC_CLIENT_SECRET', 'VBE_OIDC_REDIRECT_BASE_URL', 'VBE_OIDC_ROLE_MAP'] as const

/**
 * Reads the sign-in settings from the environment (see the README's configuration table).
 * OIDC is on when `VBE_OIDC_ISSUER` is set; then the client id and secret, the redirect
 * base URL and the role map are required, and `districts` (the ids the app's installed
 * plugins serve) must be given: a district mapping to any other id is refused. Throws
 * an `EnvError` naming every variable that is wrong, and what is wrong with it.
 */
export function signInSettingsFromEnv(env: NodeJS.ProcessEnv = process.env, districts?: readonly string[]): SignInSettings {
  const result = envSchema.safeParse(env)
  const problems = result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])} ${i.message}`)
  if (!result.success) throw new EnvError(problems.join('\n'))
  const e: Env = result.data
  const passwordOff = e.VBE_PASSWORD_LOGIN !== undefined && FLAG_OFF.has(e.VBE_PASSWORD_LOGIN.toLowerCase())
  if (!e.VBE_OIDC_ISSUER) {
    const stray = Object.keys(env).filter((k) => k.startsWith('VBE_OIDC_') && env[k]?.trim())
    if (stray.length) problems.push(`VBE_OIDC_ISSUER is required when ${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set`)
    if (passwordOff) problems.push('VBE_PASSWORD_LOGIN=0 needs OpenID Connect (VBE_OIDC_ISSUER), or nobody could sign in')
    if (problems.length) throw new EnvError(problems.join('\n'))
    return { passwordLogin: true, oidc: null }
  }
  for (const name of REQUIRED_WITH_ISSUER) if (!e[name]) problems.push(`${name} is required when VBE_OIDC_ISSUER is set`)
  const scopes = (e.VBE_OIDC_SCOPES ?? 'openid profile email').split(/\s+/).filter(Boolean)
  if (!scopes.includes('openid')) problems.push('VBE_OIDC_SCOPES must include openid')
  if (scopes.some((s) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s))) problems.push('VBE_OIDC_SCOPES must be scope names separated by spaces')
  if (problems.length) throw new EnvError(problems.join('\n'))
  // Not the environment's fault: the app did not say which districts it serves.
  if (districts === undefined) throw new Error('signInSettingsFromEnv: with VBE_OIDC_ISSUER set, pass the installed district ids')
  for (const [group, district] of Object.entries(e.VBE_OIDC_DISTRICT_MAP ?? {}))
    if (!districts.includes(district))
      problems.push(
        `VBE_OIDC_DISTRICT_MAP maps "${group}" to the district "${district}", which no installed plugin serves ` +
          `(installed: ${districts.join(', ') || 'none'})`,
      )
  if (problems.length) throw new EnvError(problems.join('\n'))
  return {
    passwordLogin: !passwordOff,
    oidc: {
      issuer: e.VBE_OIDC_ISSUER,
      clientId: e.VBE_OIDC_CLIENT_ID!,
      clientSecret: e.VBE_OIDC_CLIENT_SECRET!,
      redirectBaseUrl: new URL(e.VBE_OIDC_REDIRECT_BASE_URL!).origin,
      scopes: scopes.join(' '),
      groupsClaim: e.VBE_OIDC_GROUPS_CLAIM ?? 'groups',
      roleMap: e.VBE_OIDC_ROLE_MAP!,
      districtClaim: e.VBE_OIDC_DISTRICT_CLAIM ?? null,
      districtMap: e.VBE_OIDC_DISTRICT_MAP ?? {},
      districts: [...districts],
      nameClaim: e.VBE_OIDC_NAME_CLAIM ?? 'name',
    },
  }
}
