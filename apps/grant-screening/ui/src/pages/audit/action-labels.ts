// What each audit action code means, in words (data, not branches). One entry per action
// the app and the kit write into grant screening's log; `test/audit-page.test.ts` finds
// every action in the source and fails when one has no entry here.

/** A text in both languages. */
export interface LocalizedText {
  readonly sv: string
  readonly en: string
}

export const AUDIT_ACTION_LABELS: Readonly<Record<string, LocalizedText>> = {
  'case.create': { sv: 'Ärendet registrerades', en: 'Case registered' },
  'case.read': { sv: 'Ärendet lästes', en: 'Case read' },
  'case.rescreen': { sv: 'Ärendet prövades om mot nya regler', en: 'Case re-screened against new rules' },
  'case.note.add': { sv: 'Anteckning lades till', en: 'Note added' },
  'case.evidence.add': { sv: 'Underlag lades till', en: 'Evidence added' },
  'case.evidence.assess': { sv: 'Underlag bedömdes', en: 'Evidence assessed' },
  'case.conflict.excluded': { sv: 'Jäv anmält', en: 'Conflict of interest declared' },
  'case.conflict.none': { sv: 'Ingen jäv anmäld', en: 'No conflict of interest declared' },
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
  'session.login': { sv: 'Inloggning', en: 'Signed in' },
  'session.logout': { sv: 'Utloggning', en: 'Signed out' },
  'session.end': { sv: 'En session avslutades', en: 'A session was ended' },
  'session.end-all': { sv: 'Alla sessioner avslutades', en: 'All sessions were ended' },
  'user.password-changed': { sv: 'Lösenordet byttes', en: 'Password changed' },
  'user.disabled': { sv: 'Kontot stängdes av', en: 'Account disabled' },
  'user.enabled': { sv: 'Kontot aktiverades', en: 'Account enabled' },
  'user.created-from-provider': { sv: 'Konto skapades vid inloggning via e-legitimation', en: 'Account created at single sign-on' },
  'user.roles-from-provider': { sv: 'Roller uppdaterades vid inloggning', en: 'Roles updated at single sign-on' },
  'gdpr.erase': { sv: 'Personuppgifter raderades (GDPR)', en: 'Personal data erased (GDPR)' },
  'audit.anchor': { sv: 'Kontrollpunkt i loggen', en: 'Audit log checkpoint' },
}

/** What an entity type is called; the id itself is never shown. */
export const AUDIT_ENTITY_TYPE_LABELS: Readonly<Record<string, LocalizedText>> = {
  case: { sv: 'Ärende', en: 'Case' },
  person: { sv: 'Person', en: 'Person' },
  user: { sv: 'Användare', en: 'User' },
  session: { sv: 'Session', en: 'Session' },
  audit: { sv: 'Granskningsloggen', en: 'The audit log' },
}
