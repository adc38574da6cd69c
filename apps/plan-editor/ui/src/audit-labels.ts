// The plan editor's part of the audit page (the page is @vbe/web-kit's `AuditPage`), as data:
// what each action code the app writes means, in words, and how a plan is named (by its
// district and year, from the server's `entityLabel`, with the version the event made). The
// kit's own actions come from `defineAuditLabels`. `test/audit-labels.test.ts` fails when an
// action the app writes has no label. No React here: the node tests import this file.
import { defineAuditLabels, type Localized } from '@vbe/web-kit/audit-labels'

/** `plan.<what made the version>`: the values of `pe_plan_versions.action`. */
const PLAN_ACTIONS: Readonly<Record<string, Localized>> = {
  'plan.create': { sv: 'Planen skapades', en: 'Plan created' },
  'plan.revise-yearly': { sv: 'Planen skapades som årlig revidering', en: 'Plan created as a yearly revision' },
  'plan.save': { sv: 'Planen sparades', en: 'Plan saved' },
  'plan.follow-up': { sv: 'Uppföljning registrerades', en: 'Follow-up recorded' },
  'plan.follow-up-removed': { sv: 'Uppföljning togs bort', en: 'Follow-up removed' },
  'plan.submit': { sv: 'Planen lämnades in till nämnden', en: 'Plan submitted to the committee' },
  'plan.adopt': { sv: 'Planen antogs', en: 'Plan adopted' },
  'plan.return': { sv: 'Planen återremitterades', en: 'Plan returned (återremiss)' },
  'plan.revise': { sv: 'Revidering av planen påbörjades', en: 'Revision of the plan started' },
}

/** The audit page's labels in the plan editor: a plan by its district and year, with its version and a link to it. */
export const planAuditLabels = defineAuditLabels({
  reference: {
    label: { sv: 'Plan (stadsdel och år)', en: 'Plan (district and year)' },
    hint: { sv: 'Till exempel Rinkeby-Kista 2026.', en: 'For example Rinkeby-Kista 2026.' },
  },
  actions: PLAN_ACTIONS,
  // The demo seed saves the demo plans (src/demo.ts); a production database has none of its events.
  actors: { 'demo-seed': { sv: 'Demodata', en: 'Demo data' } },
  entities: {
    plan: {
      type: { sv: 'Handlingsplan', en: 'Action plan' },
      named: { sv: 'Handlingsplan {label}', en: 'Action plan {label}' },
      unnamed: { sv: 'Handlingsplan som inte finns kvar', en: 'An action plan that no longer exists' },
      link: {
        // The editor's hash route (App.tsx's `#/plan/<id>`).
        href: (id) => `#/plan/${encodeURIComponent(id)}`,
        text: { sv: 'Öppna planen', en: 'Open the plan' },
        named: { sv: 'Öppna planen: {name}', en: 'Open the plan: {name}' },
      },
      versioned: true,
    },
  },
})

/** Every action code's label, the kit's included. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, Localized>> = planAuditLabels.actions
