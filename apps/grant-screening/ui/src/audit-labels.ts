// Grant screening's part of the audit page (the page is @vbe/web-kit's `AuditPage`), as data:
// what each action code the app writes means, in words, and how its entities are named. The
// kit's own actions (sign-in, accounts, erasure, checkpoints) come from `defineAuditLabels`.
// `test/audit-page.test.ts` finds every action in the source and fails when one has no label.
// No React here: the node tests import this file.
import { defineAuditLabels, type Localized } from '@vbe/web-kit/audit-labels'

const GRANT_ACTIONS: Readonly<Record<string, Localized>> = {
  'case.create': { sv: 'Ärendet registrerades', en: 'Case registered' },
  'case.read': { sv: 'Ärendet lästes', en: 'Case read' },
  'case.rescreen': { sv: 'Ärendet prövades om mot nya regler', en: 'Case re-screened against new rules' },
  'case.note.add': { sv: 'Anteckning lades till', en: 'Note added' },
  'case.evidence.add': { sv: 'Underlag lades till', en: 'Evidence added' },
  'case.evidence.assess': { sv: 'Underlag bedömdes', en: 'Evidence assessed' },
  'case.conflict.excluded': { sv: 'Jäv anmält', en: 'Conflict of interest declared' },
  'case.conflict.none': { sv: 'Inget jäv anmält', en: 'No conflict of interest declared' },
  'case.decision.propose': { sv: 'Beslut föreslogs', en: 'Decision proposed' },
  'case.decision.final': { sv: 'Beslut fattades', en: 'Decision made' },
  'case.decision.approve': { sv: 'Beslutsförslag godkändes', en: 'Proposed decision approved' },
  'case.decision.send-back': { sv: 'Beslutsförslag skickades tillbaka', en: 'Proposed decision sent back' },
  'case.decision.correction': { sv: 'Beslut rättades', en: 'Decision corrected' },
  'case.decision.reconsideration': { sv: 'Beslut omprövades', en: 'Decision reconsidered' },
  'case.communication.send': { sv: 'Kommunicering skickades', en: 'Communication sent' },
  'case.communication.reply': { sv: 'Svar på kommunicering registrerades', en: 'Reply to communication recorded' },
  'case.communication.letter.read': { sv: 'Kommuniceringsbrev lästes', en: 'Communication letter read' },
  'case.letter.issue': { sv: 'Beslutsbrev utfärdades', en: 'Decision letter issued' },
  'case.letter.preview': { sv: 'Beslutsbrev förhandsgranskades', en: 'Decision letter previewed' },
  'case.letter.read': { sv: 'Beslutsbrev lästes', en: 'Decision letter read' },
  'case.follow-up': { sv: 'Uppföljning registrerades', en: 'Follow-up recorded' },
  'case.reclaim': { sv: 'Återkrav beslutades', en: 'Repayment claimed' },
  'case.reclaim.letter.read': { sv: 'Återkravsbrev lästes', en: 'Repayment letter read' },
  'person.create': { sv: 'Person registrerades', en: 'Person registered' },
  'person.export': { sv: 'Personuppgifter lämnades ut', en: 'Personal data exported' },
  'staff.title.set': { sv: 'Titel i beslutsbrev ändrades', en: 'Title in decision letters changed' },
}

/** The audit page's labels in grant screening: a case by its diarienummer, with a link to it. */
export const grantAuditLabels = defineAuditLabels({
  intro: {
    sv: 'Varje ändring och varje läsning av personuppgifter loggas i en kedja där varje händelse bär föregående händelses kontrollsumma.',
    en: 'Every change and every read of personal data is logged in a chain in which each event carries the checksum of the event before it.',
  },
  reference: { label: { sv: 'Diarienummer', en: 'Reference number (diarienummer)' } },
  actions: GRANT_ACTIONS,
  entities: {
    case: {
      type: { sv: 'Ärende', en: 'Case' },
      named: { sv: 'Ärende {label}', en: 'Case {label}' },
      unnamed: { sv: 'Ärende utan diarienummer', en: 'Case without a reference number' },
      link: {
        // The case page's hash route (router.ts's `caseHref`, which this file cannot import: it pulls in React).
        href: (id) => `#/cases/${encodeURIComponent(id)}`,
        text: { sv: 'Öppna ärendet', en: 'Open the case' },
        named: { sv: 'Öppna ärendet: {name}', en: 'Open the case: {name}' },
      },
    },
    person: { type: { sv: 'Person', en: 'Person' } },
  },
})

/** Every action code's label, the kit's included. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, Localized>> = grantAuditLabels.actions
