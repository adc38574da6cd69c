/**
 * The kit's audit page rendered to HTML (React's server renderer) with an app's labels: every
 * kind of row in words (a labelled entity with its version and a link named by it, an
 * unlabelled one, the kit's own events, the system, a removed user, an erased event, an
 * unknown action and entity), never an id, username or code; the filter field prefilled from
 * `?reference=`, and a narrowed list said so. Browser checks (axe, focus) are in the stories'
 * test and the apps' e2e tests.
 */
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { defineAuditLabels, KIT_AUDIT_ACTION_LABELS, type AuditEventRow } from '../src/audit-labels.js'
import { AuditPage, auditHref } from '../src/audit-page.js'
import { defineCatalogue, I18nRoot } from '../src/i18n.js'
import { parseHash } from '../src/router.js'
import type { Lang } from '../src/types.js'

const catalogue = defineCatalogue({ appName: 'Handlingsplaner' }, { appName: 'Action plans' })
const html = (node: ReactNode, lang: Lang = 'sv') =>
  renderToStaticMarkup(
    <I18nRoot catalogue={catalogue} initial={lang}>
      {node}
    </I18nRoot>,
  )

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const PLAN_ID = '0b5c7d1e-1111-4222-8333-444455556666'

const labels = defineAuditLabels({
  reference: {
    label: { sv: 'Plan (stadsdel och år)', en: 'Plan (district and year)' },
    hint: { sv: 'Till exempel X 2026.', en: 'For example X 2026.' },
  },
  actions: { 'plan.adopt': { sv: 'Planen antogs', en: 'Plan adopted' } },
  actors: { 'demo-seed': { sv: 'Demodata', en: 'Demo data' } },
  entities: {
    plan: {
      type: { sv: 'Handlingsplan', en: 'Action plan' },
      named: { sv: 'Handlingsplan {label}', en: 'Action plan {label}' },
      unnamed: { sv: 'Handlingsplan som inte finns kvar', en: 'An action plan that no longer exists' },
      link: {
        href: (id) => `#/plan/${id}`,
        text: { sv: 'Öppna planen', en: 'Open the plan' },
        named: { sv: 'Öppna planen: {name}', en: 'Open the plan: {name}' },
      },
      versioned: true,
    },
  },
})

const row = (seq: number, rest: Partial<AuditEventRow>): AuditEventRow => ({
  seq,
  at: '2026-05-04T08:00:00Z',
  actor: 'officer.nm',
  actorName: 'Karin Handläggare',
  action: 'plan.adopt',
  entityType: 'plan',
  entityId: PLAN_ID,
  entityLabel: 'Norrmalm 2026',
  district: 'norrmalm',
  erasedBy: null,
  ...rest,
})
const EVENTS: AuditEventRow[] = [
  row(7, { after: { version: 4, status: 'adopted' } }),
  row(6, { entityLabel: null, after: { version: 2 } }),
  row(5, { actor: 'demo-seed', actorName: null, after: { version: 'x' } }),
  row(4, { actor: 'gone.user', actorName: null, action: 'session.login', entityType: 'user', entityLabel: null, district: null }),
  row(3, { actor: 'system', actorName: null, action: 'audit.anchor', entityType: 'audit', entityLabel: null, district: null }),
  row(2, { action: 'something.unknown', entityType: 'thing', entityLabel: null, erasedBy: 9 }),
]
const page = (hash: string, lang: Lang = 'sv', events: AuditEventRow[] = EVENTS) =>
  html(
    <AuditPage route={parseHash(hash)} labels={labels} district={(id) => (id === 'norrmalm' ? 'Norrmalm' : '–')} initial={{ events }} />,
    lang,
  )

describe('AuditPage', () => {
  it('shows every kind of row in words, with the version and a link named by the entity; no id, username or code', () => {
    const out = page('#/audit')
    expect(out).toContain('<h1 tabindex="-1">Granskningslogg</h1>')
    expect(out).toContain('Handlingsplan Norrmalm 2026, version 4')
    expect(out).toContain('Handlingsplan som inte finns kvar, version 2')
    expect(out).toContain('>Handlingsplan Norrmalm 2026</span>') // a version that is no number is left out
    expect(out).toContain(`href="#/plan/${PLAN_ID}" aria-label="Öppna planen: Norrmalm 2026">Öppna planen</a>`)
    expect(out).toContain('aria-label="Öppna planen: Handlingsplan som inte finns kvar"')
    for (const text of ['Planen antogs', 'Inloggning', 'Kontrollpunkt i loggen', 'Annan händelse (okänd typ)', 'Annat objekt'])
      expect(out).toContain(text)
    for (const text of ['Karin Handläggare', 'Demodata', 'Borttagen användare', 'Systemet', 'innehåll raderat (händelse 9)', 'Norrmalm'])
      expect(out).toContain(text)
    // What reaches the user, without the links' targets.
    const visible = out.replace(/href="[^"]*"/g, '')
    expect(visible).not.toMatch(UUID)
    expect(visible).not.toMatch(/officer\.nm|gone\.user|demo-seed|\bsystem\b|norrmalm/)
    expect(visible).not.toMatch(/\b(plan|session|audit|something)\.[a-z]+/)
    // The filter's field has the app's label and hint; nothing narrows the list.
    expect(out).toContain('>Plan (stadsdel och år)</label>')
    expect(out).toContain('Till exempel X 2026.')
    expect(out).not.toContain('Visa alla händelser')
  })

  it('prefills the filter from ?reference=, and says so when the list is narrowed to an entity without one', () => {
    expect(page('#/audit?reference=Norrmalm+2026')).toMatch(/<input[^>]*type="text"[^>]*value="Norrmalm 2026"/)
    const narrowed = page(`#/audit?entityId=${PLAN_ID}`, 'sv', [])
    expect(narrowed).toContain('Listan visar bara händelserna för ett objekt.')
    expect(narrowed).toContain('<a href="#/audit">Visa alla händelser</a>')
    expect(narrowed).toContain('Inga händelser.')
    expect(narrowed).toMatch(/<input[^>]*type="text"[^>]*value=""/)
  })

  it('is in English', () => {
    const out = page('#/audit', 'en')
    for (const text of [
      'Audit trail',
      'Action plan Norrmalm 2026, version 4',
      'Plan adopted',
      'Signed in',
      'The system',
      'Removed user',
      'Demo data',
    ])
      expect(out).toContain(text)
    expect(out).toContain('>Plan (district and year)</label>')
  })

  it('links to the log by the reference people know, by the id only without one', () => {
    expect(auditHref({ reference: 'JÄR 2026/12', entityId: PLAN_ID })).toBe('#/audit?reference=J%C3%84R+2026%2F12')
    expect(auditHref({ reference: null, entityId: PLAN_ID })).toBe(`#/audit?entityId=${PLAN_ID}`)
    expect(parseHash(auditHref({ reference: 'JÄR 2026/12', entityId: PLAN_ID })).params.get('reference')).toBe('JÄR 2026/12')
  })

  it('labels every action the kit writes in both languages', () => {
    for (const code of ['session.login', 'session.logout', 'session.end', 'session.end-all', 'user.disabled', 'gdpr.erase', 'audit.anchor'])
      expect(KIT_AUDIT_ACTION_LABELS[code]).toEqual({ sv: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) })
  })
})
