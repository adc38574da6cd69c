/** @jsxRuntime automatic @jsxImportSource react */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { Locale } from '@vbe/core'
import type { NoAccessReason } from './claims.js'

/** Why a sign-in through the provider did not start a session. */
export type SignInFailure =
  /** The one-time sign-in cookie is missing or expired: the sign-in was started elsewhere, or took too long. */
  | 'expired'
  /** The answer's `state` is not the one this browser's sign-in sent. */
  | 'state'
  /** The provider answered with an error (the user cancelled, or the provider refused). */
  | 'provider'
  /** The code or ID token did not hold: used already, expired, or not for this app. */
  | 'token'
  /** The provider could not be reached. */
  | 'unavailable'
  /** The linked user is disabled. */
  | 'disabled'

type Texts = Readonly<Record<Locale, { readonly title: string; readonly body: string }>>

const NO_ACCESS_TITLE = { sv: 'Du har inte behörighet till systemet', en: 'You have no access to this system' }
const NO_ACCESS: Readonly<Record<NoAccessReason, Readonly<Record<Locale, string>>>> = {
  'no-role': {
    sv: 'Du är inloggad med stadens konto, men kontot hör inte till någon grupp som ger en roll i systemet.',
    en: 'You signed in with the city’s account, but the account is in no group that gives a role in this system.',
  },
  'no-district': {
    sv: 'Din roll gäller ett stadsområde, men inget stadsområde är angivet för ditt konto.',
    en: 'Your role works in one district, but no district is set for your account.',
  },
  'unknown-district': {
    sv: 'Ditt konto är kopplat till ett stadsområde som det här systemet inte hanterar.',
    en: 'Your account is placed in a district that this system does not serve.',
  },
  'several-districts': {
    sv: 'Ditt konto hör till flera stadsområden. Systemet behöver veta vilket ett du arbetar i.',
    en: 'Your account belongs to several districts. The system needs to know the one you work in.',
  },
}
const NO_ACCESS_NEXT = {
  sv: 'Be din chef eller stadens it-support om behörighet. Ingen session har startats.',
  en: 'Ask your manager or the city’s IT support for access. No session was started.',
}

const FAILURES: Readonly<Record<SignInFailure, Texts>> = {
  expired: {
    sv: { title: 'Inloggningen gick inte att slutföra', body: 'Inloggningen tog för lång tid eller startades i ett annat fönster.' },
    en: { title: 'The sign-in could not be completed', body: 'The sign-in took too long, or was started in another window.' },
  },
  state: {
    sv: { title: 'Inloggningen avbröts', body: 'Svaret från inloggningstjänsten hörde inte till inloggningen som startades här.' },
    en: { title: 'The sign-in was stopped', body: 'The answer from the sign-in service did not belong to the sign-in started here.' },
  },
  provider: {
    sv: { title: 'Inloggningen avbröts', body: 'Inloggningstjänsten avbröt inloggningen, eller så avbröt du den själv.' },
    en: { title: 'The sign-in was stopped', body: 'The sign-in service stopped the sign-in, or you cancelled it.' },
  },
  token: {
    sv: {
      title: 'Inloggningen gick inte att kontrollera',
      body: 'Svaret från inloggningstjänsten var redan använt, för gammalt eller inte avsett för det här systemet.',
    },
    en: {
      title: 'The sign-in could not be verified',
      body: 'The answer from the sign-in service was used already, too old, or not meant for this system.',
    },
  },
  unavailable: {
    sv: { title: 'Inloggningstjänsten svarar inte', body: 'Stadens inloggningstjänst gick inte att nå just nu.' },
    en: { title: 'The sign-in service does not answer', body: 'The city’s sign-in service could not be reached just now.' },
  },
  disabled: {
    sv: { title: 'Ditt konto är avstängt', body: 'Kontot är avstängt i systemet. Ingen session har startats.' },
    en: { title: 'Your account is disabled', body: 'The account is disabled in this system. No session was started.' },
  },
}
const TRY_AGAIN = { sv: 'Försök logga in igen.', en: 'Try to sign in again.' }
const BACK = { sv: 'Till inloggningen', en: 'To the sign-in page' }

const CSS = `
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #f5f5f5; line-height: 1.5; }
main { max-width: 36rem; margin: 4rem auto; padding: 2rem; background: #fff; border: 1px solid #6b6b6b; border-radius: 4px; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
a { color: #0b5cad; font-weight: 600; }
a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
`

function page(lang: Locale, title: string, children: ReactNode): string {
  const markup = renderToStaticMarkup(
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {children}
          <p>
            <a href="/">{BACK[lang]}</a>
          </p>
        </main>
      </body>
    </html>,
  )
  return `<!doctype html>\n${markup}\n`
}

/** The page for a user the provider knows but the mapping gives no access (403). */
export function noAccessPage(lang: Locale, reason: NoAccessReason): string {
  return page(
    lang,
    NO_ACCESS_TITLE[lang],
    <>
      <p>{NO_ACCESS[reason][lang]}</p>
      <p>{NO_ACCESS_NEXT[lang]}</p>
    </>,
  )
}

/** The page for a sign-in that failed: what happened, and what to do next. */
export function signInFailedPage(lang: Locale, failure: SignInFailure): string {
  const text = FAILURES[failure][lang]
  return page(
    lang,
    text.title,
    <>
      <p>{text.body}</p>
      {failure === 'disabled' ? <p>{NO_ACCESS_NEXT[lang]}</p> : <p>{TRY_AGAIN[lang]}</p>}
    </>,
  )
}
