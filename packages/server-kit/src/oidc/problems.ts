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
