import { accountsEn, accountsSv } from './accounts-messages.js'
import { auditEn, auditSv } from './audit-messages.js'
import { dateEn, dateSv } from './date-messages.js'
import type { Lang } from './types.js'

/**
 * The kit's own texts (layout, login, forms, tables, the accessibility statement), in
 * Swedish and English. An app's catalogue adds its own keys on top (and may reword
 * these by using the same key).
 */
const sv = {
  cityName: 'Stockholms stad',
  skipToContent: 'Hoppa till innehållet',
  mainNav: 'Huvudmeny',
  language: 'Språk',
  loggedInAs: 'Inloggad som {name}',
  logout: 'Logga ut',
  role_officer: 'Handläggare',
  role_approver: 'Attestant',
  role_admin: 'Administratör',
  role_auditor: 'Granskare',
  cityWide: 'hela staden',
  loggedOut: 'Du är utloggad.',
  loading: 'Laddar…',
  notFoundTitle: 'Sidan finns inte',
  notFoundText: 'Adressen leder inte till någon sida här. Kontrollera länken, eller gå vidare nedan.',
  notAllowedTitle: 'Ingen behörighet',
  notAllowedText: 'Din roll ger inte tillgång till den här sidan.',
  toStart: 'Till startsidan',
  saving: 'Sparar…',
  optional: 'frivilligt',
  kronor: '{amount} kr',
  networkError: 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.',
  unexpectedError: 'Något gick fel ({status}).',
  errorSummary: 'Det gick inte att spara',
  errorsInForm: 'Rätta följande:',
  errorsMarkedBelow: 'Rätta det som är markerat nedan.',
  sessionExpired: 'Din session har gått ut. Logga in igen.',
  sessionsTitle: 'Mina inloggningar',
  sessionsIntro:
    'Här ser du var du är inloggad. Avsluta en inloggning du inte känner igen, eller som finns kvar på en dator du inte längre använder.',
  sessionsCaption: 'Dina aktiva inloggningar',
  sessionStarted: 'Inloggad',
  sessionLastUsed: 'Senast använd',
  sessionBrowser: 'Webbläsare',
  sessionAddress: 'Adress',
  sessionUnknown: 'okänd',
  sessionBrowserOn: '{browser} på {os}',
  sessionThisOne: 'Den här inloggningen',
  sessionEnd: 'Avsluta inloggningen från {started}',
  sessionEndShort: 'Avsluta',
  sessionEnded: 'Inloggningen är avslutad.',
  sessionsNone: 'Du har inga andra inloggningar.',
  loginTitle: 'Logga in',
  username: 'Användarnamn',
  password: 'Lösenord',
  loginButton: 'Logga in',
  loginFailed: 'Inloggningen misslyckades',
  loggingIn: 'Loggar in…',
  signInWithCity: 'Logga in med stadens konto',
  signInWithPassword: 'Eller logga in med användarnamn och lösenord',
  sortBy: 'Sortera efter {column}',
  sortedAscending: 'Sorterat stigande efter {column}.',
  sortedDescending: 'Sorterat fallande efter {column}.',
  scrollHint: 'Rulla i sidled för att se hela tabellen (med tangentbordet: piltangenterna när tabellen har fokus).',
  footerLabel: 'Sidfot',
  accessibilityLink: 'Tillgänglighetsredogörelse',
  a11yTitle: 'Tillgänglighetsredogörelse',
  a11yIntro:
    'Stockholms stad står bakom {app}. Vi vill att alla som använder tjänsten ska kunna göra det, oavsett funktionsförmåga. Här beskriver vi hur tjänsten uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister.',
  a11yStatusTitle: 'Hur tillgänglig är tjänsten?',
  a11yStatus:
    'Tjänsten är byggd för att uppfylla WCAG 2.1 på nivå AA. Den fungerar med tangentbord och skärmläsare, går att förstora till 400 procent utan att innehållet behöver rullas i sidled, och finns på svenska och engelska.',
  a11yGapsTitle: 'Kända brister',
  a11yGaps:
    'PDF-dokument som tjänsten skapar (till exempel beslutsbrev och nämndhandlingar) har inte granskats mot PDF/UA. Samma innehåll finns som HTML-sida.',
  a11yTestedTitle: 'Hur vi har testat',
  a11yTested:
    'Varje sida och varje komponent i tjänsten kontrolleras automatiskt med axe mot WCAG 2.1 A och AA i en riktig webbläsare när koden ändras, liksom att sidan fungerar med en bredd på 320 CSS-pixlar. Tangentbordsanvändning och fokus provas i samma tester.',
  a11yReportTitle: 'Rapportera brister',
  a11yReport:
    'Om du stöter på hinder i tjänsten, kontakta förvaltningens support för tjänsten eller din chef, så åtgärdar vi det eller ger dig informationen på annat sätt.',
  a11ySupervisionTitle: 'Tillsyn',
  a11ySupervision:
    'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg.',
  a11yDate: 'Redogörelsen upprättades den 5 december 2026.',
  ...accountsSv,
  ...auditSv,
  ...dateSv,
} as const

export type KitKey = keyof typeof sv

const en: Readonly<Record<KitKey, string>> = {
  cityName: 'City of Stockholm',
  skipToContent: 'Skip to content',
  mainNav: 'Main menu',
  language: 'Language',
  loggedInAs: 'Logged in as {name}',
  logout: 'Log out',
  role_officer: 'Officer',
  role_approver: 'Approver',
  role_admin: 'Administrator',
  role_auditor: 'Auditor',
  cityWide: 'city-wide',
  loggedOut: 'You are logged out.',
  loading: 'Loading…',
  notFoundTitle: 'Page not found',
  notFoundText: 'This address does not lead to a page here. Check the link, or go on below.',
  notAllowedTitle: 'Not allowed',
  notAllowedText: 'Your role does not give access to this page.',
  toStart: 'Go to the start page',
  saving: 'Saving…',
  optional: 'optional',
  kronor: 'SEK {amount}',
  networkError: 'The server could not be reached. Check the connection and try again.',
  unexpectedError: 'Something went wrong ({status}).',
  errorSummary: 'Could not save',
  errorsInForm: 'Please correct the following:',
  errorsMarkedBelow: 'Correct what is marked below.',
  sessionExpired: 'Your session has expired. Please log in again.',
  sessionsTitle: 'My sign-ins',
  sessionsIntro: 'Where you are logged in. End a sign-in you do not recognise, or one left on a computer you no longer use.',
  sessionsCaption: 'Your active sign-ins',
  sessionStarted: 'Logged in',
  sessionLastUsed: 'Last used',
  sessionBrowser: 'Browser',
  sessionAddress: 'Address',
  sessionUnknown: 'unknown',
  sessionBrowserOn: '{browser} on {os}',
  sessionThisOne: 'This sign-in',
  sessionEnd: 'End the sign-in from {started}',
  sessionEndShort: 'End',
  sessionEnded: 'The sign-in has ended.',
  sessionsNone: 'You have no other sign-ins.',
  loginTitle: 'Log in',
  username: 'Username',
  password: 'Password',
  loginButton: 'Log in',
  loginFailed: 'Could not log in',
  loggingIn: 'Logging in…',
  signInWithCity: 'Sign in with the city’s account',
  signInWithPassword: 'Or log in with a username and password',
  sortBy: 'Sort by {column}',
  sortedAscending: 'Sorted by {column}, ascending.',
  sortedDescending: 'Sorted by {column}, descending.',
  scrollHint: 'Scroll sideways to see the whole table (with a keyboard: the arrow keys once the table has focus).',
  footerLabel: 'Footer',
  accessibilityLink: 'Accessibility statement',
  a11yTitle: 'Accessibility statement',
  a11yIntro:
    'The City of Stockholm is responsible for {app}. We want everyone to be able to use the service, whatever their abilities. This statement describes how the service meets the Swedish Act on accessibility to digital public services (2018:1937), the known accessibility problems and how to report them.',
  a11yStatusTitle: 'How accessible is the service?',
  a11yStatus:
    'The service is built to meet WCAG 2.1 level AA. It works with a keyboard and a screen reader, can be zoomed to 400 percent without scrolling sideways, and is available in Swedish and English.',
  a11yGapsTitle: 'Known problems',
  a11yGaps:
    'PDF documents the service creates (such as decision letters and committee papers) have not been checked against PDF/UA. The same content is available as an HTML page.',
  a11yTestedTitle: 'How we tested',
  a11yTested:
    'Every page and every component of the service is checked automatically with axe against WCAG 2.1 A and AA in a real browser whenever the code changes, as is that the page works at a width of 320 CSS pixels. Keyboard use and focus are tried in the same tests.',
  a11yReportTitle: 'Report a problem',
  a11yReport:
    'If you meet a barrier in the service, contact your administration’s support for the service or your manager, and we will fix it or give you the information another way.',
  a11ySupervisionTitle: 'Supervision',
  a11ySupervision:
    'The Agency for Digital Government (Digg) supervises the Act on accessibility to digital public services. If you are not satisfied with how we handle your report, you can contact Digg.',
  a11yDate: 'This statement was prepared on 5 December 2026.',
  ...accountsEn,
  ...auditEn,
  ...dateEn,
}

export const kitMessages: Readonly<Record<Lang, Readonly<Record<KitKey, string>>>> = { sv, en }

/** Fills `{name}` placeholders; an unknown placeholder stays as it is. */
export function fill(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([a-zA-Z0-9]+)\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{${name}}`))
}
