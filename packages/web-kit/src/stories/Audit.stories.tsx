import type { Meta, StoryObj } from '@storybook/react-vite'
import { defineAuditLabels, type AuditEventRow, type AuditVerification } from '../audit-labels.js'
import { AuditPage } from '../audit-page.js'
import { parseHash } from '../router.js'

const meta = { title: 'Kit/Audit' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

const DISTRICTS: Readonly<Record<string, string>> = { 'rinkeby-kista': 'Rinkeby-Kista', norrmalm: 'Norrmalm' }
const districtName = (id: string) => DISTRICTS[id] ?? '–'

/** An app's labels, as grant screening and the plan editor pass theirs: a case by its diarienummer, with a link. */
const labels = defineAuditLabels({
  reference: { label: { sv: 'Diarienummer', en: 'Reference number (diarienummer)' } },
  actions: {
    'case.create': { sv: 'Ärendet registrerades', en: 'Case registered' },
    'case.decision.final': { sv: 'Beslut fattades', en: 'Decision made' },
    'plan.submit': { sv: 'Planen lämnades in till nämnden', en: 'Plan submitted to the committee' },
  },
  entities: {
    case: {
      type: { sv: 'Ärende', en: 'Case' },
      named: { sv: 'Ärende {label}', en: 'Case {label}' },
      unnamed: { sv: 'Ärende utan diarienummer', en: 'Case without a reference number' },
      link: {
        href: (id) => `#/cases/${id}`,
        text: { sv: 'Öppna ärendet', en: 'Open the case' },
        named: { sv: 'Öppna ärendet: {name}', en: 'Open the case: {name}' },
      },
    },
    plan: {
      type: { sv: 'Handlingsplan', en: 'Action plan' },
      named: { sv: 'Handlingsplan {label}', en: 'Action plan {label}' },
      versioned: true,
    },
  },
})

const event = (seq: number, rest: Partial<AuditEventRow> & Pick<AuditEventRow, 'action' | 'entityType'>): AuditEventRow => ({
  seq,
  at: `2026-05-04T0${9 - (seq % 9)}:1${seq % 10}:00Z`,
  actor: 'officer.rk',
  actorName: 'Amina Handläggare',
  entityId: `8b1f0c3e-0000-4000-8000-00000000000${seq % 10}`,
  entityLabel: null,
  district: 'rinkeby-kista',
  erasedBy: null,
  ...rest,
})

const EVENTS: readonly AuditEventRow[] = [
  event(9, { action: 'case.decision.final', entityType: 'case', entityLabel: 'JÄR 2026/12' }),
  event(8, { action: 'plan.submit', entityType: 'plan', entityLabel: 'Norrmalm 2026', district: 'norrmalm', after: { version: 3 } }),
  event(7, { action: 'case.create', entityType: 'case', actor: 'gone.user', actorName: null }),
  event(6, { action: 'session.login', entityType: 'session', district: null }),
  event(5, { action: 'user.disabled', entityType: 'user', actor: 'admin', actorName: 'Sara Administratör', erasedBy: 12 }),
  event(4, { action: 'audit.anchor', entityType: 'audit', actor: 'system', actorName: null, district: null }),
  event(3, { action: 'something.new', entityType: 'thing', district: null }),
]

const OK: AuditVerification = { ok: true, checked: 1284, problems: [] }
const BROKEN: AuditVerification = {
  ok: false,
  checked: 1284,
  problems: [
    { seq: 412, problem: 'The event was changed after it was written.' },
    { seq: null, problem: 'Decision of case JÄR 2026/3 has no audit event.' },
  ],
}

/** Every kind of row: a case with and without a diarienummer, a plan with its version, the kit's events, a removed user, the system, an erased event, an unknown action. */
export const AuditSwedish: Story = {
  render: () => (
    <AuditPage route={parseHash('#/audit')} labels={labels} district={districtName} initial={{ events: EVENTS, verification: OK }} />
  ),
}

/** In English, with a chain that failed verification. */
export const AuditEnglishBrokenChain: Story = {
  parameters: { lang: 'en' },
  render: () => (
    <AuditPage route={parseHash('#/audit')} labels={labels} district={districtName} initial={{ events: EVENTS, verification: BROKEN }} />
  ),
}

/** Filtered by a diarienummer: the field shows it. */
export const AuditFilteredByReference: Story = {
  render: () => (
    <AuditPage
      route={parseHash('#/audit?reference=JÄR%202026%2F12')}
      labels={labels}
      district={districtName}
      initial={{ events: EVENTS.slice(0, 1) }}
    />
  ),
}

/** Opened from an entity without a reference: the page says the list is narrowed and offers every event. */
export const AuditOneEntityEmpty: Story = {
  render: () => <AuditPage route={parseHash('#/audit?entityId=x')} labels={labels} district={districtName} initial={{ events: [] }} />,
}
