import { PROBLEM_TITLES, ProblemResponse } from '../errors.js'
import type { LogoutTokenProblem } from './logout-token.js'

/** `POST /api/session` when `VBE_PASSWORD_LOGIN=0`. */
export const passwordLoginOff = () =>
  new ProblemResponse({
    type: 'https://vbe.invalid/problems/password-login-off',
    title: PROBLEM_TITLES.forbidden,
    status: 403,
    detail: {
      sv: 'Inloggning med lösenord är avstängd. Logga in med stadens konto.',
      en: 'Sign-in with a password is turned off. Sign in with the city’s account.',
    },
    code: 'password-login-off',
  })

/** The OpenID Connect routes when `VBE_OIDC_ISSUER` is not set. */
export const oidcOff = () =>
  new ProblemResponse({
    type: 'about:blank',
    title: PROBLEM_TITLES.notFound,
    status: 404,
    detail: { sv: 'Inloggning med stadens konto är inte inställd här.', en: 'Sign-in with the city’s account is not set up here.' },
  })

/** A 429 with Retry-After; `words` gets the wait in each language ("3 sekunder", "1 second"). */
const throttled = (code: string, retryAfterSeconds: number, words: (wait: { sv: string; en: string }) => { sv: string; en: string }) => {
  const s = Math.max(1, Math.ceil(retryAfterSeconds))
  return new ProblemResponse(
    {
      type: 'https://vbe.invalid/problems/rate-limited',
      title: PROBLEM_TITLES.rateLimited,
      status: 429,
      detail: words({ sv: `${s} ${s === 1 ? 'sekund' : 'sekunder'}`, en: `${s} ${s === 1 ? 'second' : 'seconds'}` }),
      code,
    },
    { 'retry-after': String(s) },
  )
}

/** `GET /api/oidc/login` or the callback, too often from one address without a finished sign-in. */
export const signInThrottled = (retryAfterSeconds: number) =>
  throttled('sign-in-throttled', retryAfterSeconds, (wait) => ({
    sv: `För många inloggningar har startats härifrån utan att slutföras. Försök igen om ${wait.sv}.`,
    en: `Too many sign-ins were started from here without being finished. Try again in ${wait.en}.`,
  }))

/** `POST /api/oidc/backchannel-logout`, after too many refused logout tokens from one address. */
export const logoutTokensThrottled = (retryAfterSeconds: number) =>
  throttled('logout-token-throttled', retryAfterSeconds, (wait) => ({
    sv: `För många utloggningstoken härifrån har avvisats. Inga fler tas emot härifrån förrän om ${wait.sv}.`,
    en: `Too many logout tokens from here were refused. No more are taken from here for ${wait.en}.`,
  }))

const LOGOUT_TOKEN_TEXTS: Readonly<Record<LogoutTokenProblem, { readonly sv: string; readonly en: string }>> = {
  malformed: { sv: 'Utloggningstoken är inte en giltig signerad JWT.', en: 'The logout token is not a valid signed JWT.' },
  signature: {
    sv: 'Utloggningstokens signatur stämmer inte med någon av identitetsleverantörens nycklar.',
    en: 'The logout token’s signature matches none of the identity provider’s keys.',
  },
  issuer: {
    sv: 'Utloggningstoken kommer från en annan utfärdare (iss) än identitetsleverantören som är inställd här.',
    en: 'The logout token comes from another issuer (iss) than the identity provider set up here.',
  },
  audience: {
    sv: 'Utloggningstoken är avsedd för en annan klient (aud), inte för den här appen.',
    en: 'The logout token is meant for another client (aud), not for this app.',
  },
  expired: {
    sv: 'Utloggningstoken har gått ut eller utfärdades för länge sedan (iat, exp).',
    en: 'The logout token has expired or was issued too long ago (iat, exp).',
  },
  'issued-at': {
    sv: 'Utloggningstoken saknar en giltig utfärdandetid (iat).',
    en: 'The logout token has no valid time of issue (iat).',
  },
  'not-logout': {
    sv: 'Token är ingen utloggningstoken: anspråket events saknar http://schemas.openid.net/event/backchannel-logout.',
    en: 'The token is no logout token: its events claim lacks http://schemas.openid.net/event/backchannel-logout.',
  },
  nonce: {
    sv: 'Utloggningstoken innehåller en nonce, vilket en utloggningstoken inte får.',
    en: 'The logout token has a nonce, which a logout token must not.',
  },
  'no-subject': {
    sv: 'Utloggningstoken anger varken en session (sid) eller en användare (sub).',
    en: 'The logout token names neither a session (sid) nor a user (sub).',
  },
  'no-jti': { sv: 'Utloggningstoken saknar id (jti).', en: 'The logout token has no id (jti).' },
  replayed: { sv: 'Den här utloggningstoken har redan använts.', en: 'This logout token has been used already.' },
}

/** `POST /api/oidc/backchannel-logout` with a logout token that fails a check (400, as Back-Channel Logout 1.0 section 2.8 asks). */
export const logoutTokenRefused = (problem: LogoutTokenProblem) =>
  new ProblemResponse({
    type: 'https://vbe.invalid/problems/logout-token',
    title: PROBLEM_TITLES.invalid,
    status: 400,
    detail: LOGOUT_TOKEN_TEXTS[problem],
    errors: [{ path: 'form.logout_token', message: LOGOUT_TOKEN_TEXTS[problem] }],
    code: `logout-token-${problem}`,
  })

/** The provider's metadata or keys could not be read, so a logout token cannot be checked (502: not the token's fault). */
export const providerUnavailable = () =>
  new ProblemResponse({
    type: 'https://vbe.invalid/problems/provider-unavailable',
    title: { sv: 'Identitetsleverantören svarar inte', en: 'The identity provider does not answer' },
    status: 502,
    detail: {
      sv: 'Identitetsleverantörens nycklar kunde inte hämtas, så utloggningstoken kunde inte kontrolleras. Försök igen.',
      en: 'The identity provider’s keys could not be fetched, so the logout token could not be checked. Try again.',
    },
    code: 'provider-unavailable',
  })
