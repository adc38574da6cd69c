import { PROBLEM_TITLES, ProblemResponse } from '../errors.js'

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

/** `GET /api/oidc/login` or the callback, too often from one address without a finished sign-in. */
export const signInThrottled = (retryAfterSeconds: number) => {
  const s = Math.max(1, Math.ceil(retryAfterSeconds))
  return new ProblemResponse(
    {
      type: 'https://vbe.invalid/problems/rate-limited',
      title: PROBLEM_TITLES.rateLimited,
      status: 429,
      detail: {
        sv: `För många inloggningar har startats härifrån utan att slutföras. Försök igen om ${s} ${s === 1 ? 'sekund' : 'sekunder'}.`,
        en: `Too many sign-ins were started from here without being finished. Try again in ${s} ${s === 1 ? 'second' : 'seconds'}.`,
      },
      code: 'sign-in-throttled',
    },
    { 'retry-after': String(s) },
  )
}
