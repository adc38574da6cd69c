/**
 * The kit's components rendered to HTML (React's server renderer): what a screen reader
 * and the e2e tests rely on, checked without a browser. The browser checks (focus, axe)
 * are in storybook.test.ts and the apps' e2e tests.
 */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AccessibilityStatement } from '../src/accessibility.js'
import { StatusBadge } from '../src/badge.js'
import { ErrorSummary, Field, pathMatches, standalone, useForm } from '../src/forms.js'
import { createI18n, defineCatalogue, I18nRoot } from '../src/i18n.js'
import { AppLayout } from '../src/layout.js'
import { LoginPage } from '../src/login.js'
import { NotAllowedPage, NotFoundPage } from '../src/page.js'
import { SortableTable } from '../src/table.js'
import { AnnouncerProvider } from '../src/live.js'
import { SessionsPage } from '../src/sessions-page.js'
import { PasswordForm } from '../src/password-form.js'
import { UsersPage } from '../src/users-page.js'
import { REQUEST_INVALID, type Lang, type Problem } from '../src/types.js'

const catalogue = defineCatalogue(
  { appName: 'Bidragsprövning', greet: 'Hej {name}', status_new: 'Ny' },
  { appName: 'Grant screening', greet: 'Hi {name}', status_new: 'New' },
)
const html = (node: ReactNode, lang: Lang = 'sv') =>
  renderToStaticMarkup(
    <I18nRoot catalogue={catalogue} initial={lang}>
      {node}
    </I18nRoot>,
  )

/** A cell of a table with `cards`: its column's header as the card's label (hidden from assistive technology), then the value. */
const cell = (label: string, value: string) =>
  `<td><span class="table__label" aria-hidden="true">${label}</span><div class="table__value">${value}</div></td>`

describe('i18n', () => {
  it('merges the kit texts under the app catalogue, fills placeholders, formats in Stockholm', () => {
    const sv = createI18n(catalogue, 'sv')
    expect(sv.t('greet', { name: 'Amina' })).toBe('Hej Amina')
    expect(sv.t('logout')).toBe('Logga ut')
    expect(createI18n(catalogue, 'en').t('logout')).toBe('Log out')
    expect(sv.e('status', 'new')).toBe('Ny')
    expect(sv.e('status', 'odd')).toBe('odd')
    expect(sv.money(60000)).toBe('60\u00a0000 kr')
    expect(createI18n(catalogue, 'en').money(60000)).toBe('SEK 60,000')
    expect(sv.dateTime('2026-11-22T10:00:00Z')).toBe('2026-11-22 11:00')
    expect(sv.loc({ sv: 'Stadsdel', en: 'District' })).toBe('Stadsdel')
  })
})

describe('AppLayout', () => {
  it('has a skip link, a main landmark, the display name (not the username), sign out, and the accessibility statement link', () => {
    const out = html(
      <AppLayout
        user={{ displayName: 'Amina Handläggare', roles: ['officer', 'approver'], district: 'Rinkeby-Kista' }}
        onSignOut={() => {}}
        nav={[{ href: '#/', label: 'Ärenden', current: true }]}
      >
        <p>innehåll</p>
      </AppLayout>,
    )
    expect(out).toContain('<a class="skip-link" href="#main">Hoppa till innehållet</a>')
    expect(out).toMatch(/<main id="main" tabindex="-1" class="site-main"><p>innehåll<\/p><\/main>/)
    expect(out).toContain('Inloggad som Amina Handläggare<span class="user-box__roles"> · Handläggare, Attestant · Rinkeby-Kista</span>')
    expect(out).toContain('>Logga ut</button>')
    expect(out).toContain('<nav class="main-nav" aria-label="Huvudmeny">')
    expect(out).toContain('aria-current="page"')
    expect(out).toContain('<a href="#/tillganglighet">Tillgänglighetsredogörelse</a>')
    expect(out).toMatch(
      /role="group" aria-label="Språk".*lang="sv"[^>]*aria-pressed="true"[^>]*>Svenska<.*lang="en"[^>]*aria-pressed="false"[^>]*>English</,
    )
  })
  it('in English', () => {
    expect(html(<AppLayout>x</AppLayout>, 'en')).toContain('>Accessibility statement</a>')
    expect(
      html(<AppLayout user={{ displayName: 'Stadsledningskontoret', roles: ['admin'], district: null }}>x</AppLayout>, 'en'),
    ).toContain(' · Administrator · city-wide')
  })
})

describe('AccessibilityStatement', () => {
  it('names the app, the standard, the known gaps, how to report and the supervising agency, in both languages', () => {
    const sv = html(<AccessibilityStatement />)
    expect(sv).toContain('<h1 tabindex="-1">Tillgänglighetsredogörelse</h1>')
    expect(sv).toContain('Stockholms stad står bakom Bidragsprövning')
    expect(sv).toContain('WCAG 2.1 på nivå AA')
    expect(sv).toContain('Digg')
    const en = html(<AccessibilityStatement />, 'en')
    expect(en).toContain('The City of Stockholm is responsible for Grant screening')
    expect(en).toContain('Report a problem')
  })
})

function FormWith(props: { problem: Problem | null }) {
  const form = useForm('f')
  const shown = {
    ...form,
    problem: props.problem,
    errorsFor: (n: string) => (props.problem?.errors ?? []).filter((e) => pathMatches(e.path, n)).map((e) => standalone(e.message)),
  }
  return (
    <>
      <ErrorSummary form={shown} fields={['amount']} />
      <Field form={shown} name="amount" label="Belopp" hint="I kronor">
        {(p) => <input {...p} type="number" />}
      </Field>
    </>
  )
}

describe('forms', () => {
  const problem: Problem = {
    status: 400,
    // The server kit's own words for a body that does not match its schema: for API clients, not shown.
    detail: 'Uppgifterna i begäran innehåller fel.',
    code: REQUEST_INVALID,
    errors: [
      { path: 'amount', message: 'måste vara minst 1' },
      { path: 'persons[0].email', message: 'måste vara en e-postadress' },
    ],
  }
  // Before the fields are on a page (the server renderer), the summary has no label to read; error-summary.test.tsx checks it in Chromium.
  it('lists field errors in the summary under a plain first line, linked to the field they belong to; others without their path', () => {
    const out = html(<FormWith problem={problem} />)
    expect(out).toContain('role="alert" tabindex="-1"')
    expect(out).toContain('<h2 class="error-summary__title" id="f-error-title">Det gick inte att spara</h2>')
    expect(out).toContain('<p class="error-summary__first">Rätta det som är markerat nedan.</p>')
    expect(out).not.toContain('begäran')
    expect(out).toContain('<a href="#f-amount">Måste vara minst 1</a>')
    expect(out).toContain('<li>Måste vara en e-postadress</li>')
    expect(out).not.toContain('persons[0]')
    expect(html(<FormWith problem={problem} />, 'en')).toContain('<p class="error-summary__first">Correct what is marked below.</p>')
    // A problem without field errors keeps its detail.
    expect(html(<FormWith problem={{ status: 409, detail: 'Någon annan har ändrat ärendet.' }} />)).toContain(
      '<p class="error-summary__first">Någon annan har ändrat ärendet.</p>',
    )
  })
  it('shows an app’s own detail of a 400 that marks fields too, before the plain line, and once', () => {
    const own: Problem = {
      status: 400,
      detail: 'Rubrikraden innehåller fel. Ingenting importerades.',
      errors: [{ path: 'amount', message: 'måste vara minst 1' }],
    }
    const out = html(<FormWith problem={own} />)
    expect(out).toContain(
      '<p class="error-summary__detail">Rubrikraden innehåller fel. Ingenting importerades.</p><p class="error-summary__first">Rätta det som är markerat nedan.</p>',
    )
    // A detail that only repeats a field's message is not said twice.
    const repeated = html(
      <FormWith problem={{ ...own, detail: 'Måste vara minst 1.', errors: [...own.errors!, { path: 'x', message: 'y' }] }} />,
    )
    expect(repeated).not.toContain('error-summary__detail')
  })
  it('marks the field invalid and describes it by its hint and its error', () => {
    const out = html(<FormWith problem={problem} />)
    expect(out).toContain('<p class="field__error" id="f-amount-error">Måste vara minst 1</p>')
    expect(out).toContain(
      '<input id="f-amount" aria-describedby="f-amount-hint f-amount-error" aria-invalid="true" type="number" name="amount"/>',
    )
    const clean = html(<FormWith problem={null} />)
    expect(clean).not.toContain('aria-invalid')
    expect(clean).not.toContain('error-summary')
  })
  it('matches API paths to fields', () => {
    expect(pathMatches('amount', 'amount')).toBe(true)
    expect(pathMatches('row 3: board.electedOn', 'electedOn')).toBe(true)
    expect(pathMatches('evidence[2].source.kind', 'evidence')).toBe(true)
    expect(pathMatches('amountRequested', 'amount')).toBe(false)
  })
})

describe('SortableTable and StatusBadge', () => {
  const rows = [
    { id: 'b', name: 'Beta', n: 2 },
    { id: 'a', name: 'Alfa', n: 10 },
  ]
  const table = (sorted: boolean) =>
    html(
      <SortableTable
        caption="Rader"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { id: 'name', header: 'Namn', rowHeader: true, sortValue: (r) => r.name, cell: (r) => r.name },
          { id: 'n', header: 'Antal', numeric: true, sortValue: (r) => r.n, cell: (r) => r.n },
          { id: 'x', header: 'Övrigt', cell: () => '–' },
        ]}
        {...(sorted ? { initialSort: { column: 'n', direction: 'descending' as const } } : {})}
      />,
    )
  it('sits in a focusable region named by its caption; sortable headers are buttons with aria-sort', () => {
    const out = table(false)
    expect(out).toMatch(
      /<div class="table-wrap" role="region" tabindex="0" aria-labelledby="([^"]+)"><table class="table"><caption id="\1">Rader<\/caption>/,
    )
    expect(out).toContain('<th scope="col" aria-sort="none"><button type="button" class="sort-button">Namn')
    expect(out).toContain('<th scope="col">Övrigt</th>')
    expect(out.indexOf('Beta')).toBeLessThan(out.indexOf('Alfa'))
  })
  it('sorts numbers as numbers', () => {
    const out = table(true)
    expect(out).toContain('aria-sort="descending"')
    expect(out.indexOf('Alfa')).toBeLessThan(out.indexOf('Beta'))
  })
  it('a badge says its status in text', () => {
    expect(renderToStaticMarkup(<StatusBadge tone="ok">Antagen</StatusBadge>)).toBe('<span class="badge badge--ok">Antagen</span>')
  })
})

describe('SessionsPage', () => {
  const sessions = [
    {
      id: 's1',
      createdAt: '2026-05-04T08:00:00Z',
      lastSeenAt: '2026-05-04T09:00:00Z',
      expiresAt: '2026-05-04T16:00:00Z',
      address: '10.0.0.1',
      userAgent: 'Firefox',
      current: true,
    },
    {
      id: 's3',
      createdAt: '2026-05-02T07:00:00Z',
      lastSeenAt: '2026-05-02T07:30:00Z',
      expiresAt: '2026-05-02T15:00:00Z',
      address: '10.0.0.2',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      current: false,
    },
    {
      id: 's2',
      createdAt: '2026-05-03T07:00:00Z',
      lastSeenAt: '2026-05-03T07:30:00Z',
      expiresAt: '2026-05-03T15:00:00Z',
      address: null,
      userAgent: null,
      current: false,
    },
  ]
  it('lists the sign-ins in a captioned table, marks the current one and names each end button by its start, in sv and en', () => {
    const page = (lang: Lang) =>
      html(
        <AnnouncerProvider>
          <SessionsPage initial={sessions} />
        </AnnouncerProvider>,
        lang,
      )
    const sv = page('sv')
    expect(sv).toContain('<caption id="sessions-caption">Dina aktiva inloggningar</caption>')
    expect(sv).toContain('<th scope="col">Senast använd</th>')
    expect(sv).toContain('<strong>Den här inloggningen</strong>')
    expect(sv).toContain('aria-label="Avsluta inloggningen från 2026-05-03 09:00"')
    expect(sv).toContain(cell('Adress', 'okänd'))
    expect(sv).not.toContain('s2') // no raw ids on the page
    // The table sits in its own named, focusable region; on a phone its rows are cards (table-cards.test.tsx).
    expect(sv).toMatch(
      /<div class="table-wrap table-wrap--cards" role="region" tabindex="0" aria-labelledby="sessions-caption"><table class="table table--cards"/,
    )
    // The browser in words, not its User-Agent header.
    expect(sv).toContain(cell('Webbläsare', 'Chrome 131 på Windows'))
    expect(sv).not.toContain('Mozilla/5.0')
    const en = page('en')
    expect(en).toContain('My sign-ins')
    expect(en).toContain('aria-label="End the sign-in from 2026-05-03 09:00"')
    expect(en).toContain(cell('Browser', 'Chrome 131 on Windows'))
  })
})

describe('NotFoundPage and NotAllowedPage', () => {
  it('say so under an h1, what it means, and give a way on (the start page unless the app names another), in sv and en', () => {
    expect(html(<NotFoundPage />)).toContain('Sidan finns inte</h1>')
    expect(html(<NotFoundPage />)).toContain('<a href="#/">Till startsidan</a>')
    expect(html(<NotFoundPage />, 'en')).toContain('Page not found</h1>')
    const notAllowed = html(<NotAllowedPage back={{ href: '#/', label: 'Tillbaka till planerna' }} />)
    expect(notAllowed).toContain('Ingen behörighet</h1>')
    expect(notAllowed).toContain('<p>Din roll ger inte tillgång till den här sidan.</p>')
    expect(notAllowed).toContain('<a href="#/">Tillbaka till planerna</a>')
    expect(html(<NotAllowedPage text="Bara för administratörer." />, 'en')).toContain(
      'Not allowed</h1></div><p>Bara för administratörer.</p>',
    )
  })
})

describe('LoginPage', () => {
  const methods = (password: boolean, oidc: boolean) => ({ password, oidc })
  it('offers the city’s account above the password form when the server has both', () => {
    const out = html(<LoginPage intro="Välkommen." methods={methods(true, true)} onLogin={() => {}} />)
    expect(out).toContain('<a class="button button--primary" href="/api/oidc/login">Logga in med stadens konto</a>')
    expect(out).toContain('<h2 class="login__or">Eller logga in med användarnamn och lösenord</h2>')
    expect(out.indexOf('/api/oidc/login')).toBeLessThan(out.indexOf('type="password"'))
    expect(out).toContain('type="password"')
  })
  it('shows only the city’s account when password login is off, in English too', () => {
    const out = html(<LoginPage intro="Welcome." methods={methods(false, true)} onLogin={() => {}} />, 'en')
    expect(out).toContain('>Sign in with the city’s account</a>')
    expect(out).not.toContain('type="password"')
    expect(out).not.toContain('login__or')
  })
  it('shows the password form alone without OpenID Connect', () => {
    const out = html(<LoginPage intro="Välkommen." methods={methods(true, false)} onLogin={() => {}} />)
    expect(out).not.toContain('/api/oidc/login')
    expect(out).toContain('type="password"')
    expect(out).toContain('<h1')
  })
})

describe('PasswordForm and UsersPage', () => {
  const policy = { allowed: true, minLength: 12, maxLength: 128 }
  it('labels the password fields, gives the rule as a hint, and has a live region for the outcome, in sv and en', () => {
    const sv = html(<PasswordForm policy={policy} />)
    expect(sv).toContain('<h2 id="password-title">Byt lösenord</h2>')
    expect(sv).toMatch(/<label for="password-currentPassword">Nuvarande lösenord<\/label>/)
    expect(sv).toMatch(/id="password-newPassword-hint">Minst 12 och högst 128 tecken/)
    expect(sv).toMatch(/<input[^>]*aria-describedby="password-newPassword-hint"[^>]*type="password"[^>]*autocomplete="new-password"/i)
    expect(sv).toContain('role="status"')
    expect(html(<PasswordForm policy={policy} />, 'en')).toContain('Repeat the new password')
    const city = html(<PasswordForm policy={{ ...policy, allowed: false }} />)
    expect(city).toContain('Du loggar in med stadens konto')
    expect(city).not.toContain('<form')
  })

  it('lists users by display name with translated roles and district names, never an id or role code', () => {
    const admin = { id: 'admin-id-7', username: 'admin', displayName: 'Sara Admin', roles: ['admin'] as const, district: null }
    const users = [
      {
        id: 'user-id-1',
        displayName: 'Amina Handläggare',
        roles: ['officer', 'approver'] as const,
        district: 'rinkeby-kista',
        disabled: true,
        signIn: 'oidc' as const,
        liveSessions: 0,
        lastSeenAt: null,
        self: false,
      },
      {
        ...{ id: 'admin-id-7', displayName: 'Sara Admin', roles: ['admin'] as const, district: null },
        disabled: false,
        signIn: 'password' as const,
        liveSessions: 1,
        lastSeenAt: '2026-05-04T08:00:00Z',
        self: true,
      },
    ]
    const page = (lang: Lang) =>
      html(
        <AnnouncerProvider>
          <UsersPage admin={admin} district={(id) => (id === 'rinkeby-kista' ? 'Rinkeby-Kista' : id)} initial={users} />
        </AnnouncerProvider>,
        lang,
      )
    const sv = page('sv')
    expect(sv).toContain('<caption id="users-caption">Användare och deras inloggningar</caption>')
    expect(sv).toContain(cell('Roller', 'Handläggare, Attestant'))
    expect(sv).toContain(cell('Stadsdel', 'Rinkeby-Kista'))
    expect(sv).toContain(cell('Stadsdel', 'hela staden'))
    expect(sv).toContain('<strong>Avstängt</strong>')
    expect(sv).toContain(cell('Loggar in med', 'Stadens konto'))
    expect(sv).toContain('aria-label="Aktivera kontot för Amina Handläggare"')
    // No disable button for oneself.
    expect(sv).not.toContain('Stäng av kontot för Sara Admin')
    const visible = sv.replace(/<[^>]+>/g, ' ')
    for (const code of ['user-id-1', 'admin-id-7', 'officer', 'approver', 'rinkeby-kista', 'oidc']) expect(visible).not.toContain(code)
    const en = page('en')
    expect(en).toContain(cell('Roles', 'Officer, Approver'))
    expect(en).toContain('Enable the account of Amina Handläggare')
  })
})
