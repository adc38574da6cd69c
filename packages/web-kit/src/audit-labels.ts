// What the audit page says about an event instead of its codes and ids, as data: the kit's
// own events (sign-in, accounts, erasure, checkpoints) here, each app's on top of them
// (`defineAuditLabels`). No React: node tests import this file (`@vbe/web-kit/audit-labels`).
import type { Localized } from './types.js'

export type { Localized }

/** How the audit page names one kind of entity (an event's `entityType`). The id itself is never shown. */
export interface AuditEntityKind {
  /** What the entity is ("Ärende"); shown alone when there is no label, and before the label otherwise. */
  readonly type: Localized
  /** The entity with its label, `{label}` the server's `entityLabel` ("Ärende {label}"); default "type: label". */
  readonly named?: Localized
  /** The entity when the server has no label for it ("Ärende utan diarienummer"); default the type. */
  readonly unnamed?: Localized
  /** A link to the entity in the app: its hash route, the link's text, and its name with `{name}` ("Öppna ärendet: {name}"). */
  readonly link?: {
    readonly href: (entityId: string) => string
    readonly text: Localized
    readonly named: Localized
  }
  /** The event records the entity's version (`after.version`): show "version N" after the entity. */
  readonly versioned?: boolean
}

/** Everything app-specific on the audit page, passed in as data. */
export interface AuditPageLabels {
  /** One label per action code the app and the kit write. */
  readonly actions: Readonly<Record<string, Localized>>
  readonly entities: Readonly<Record<string, AuditEntityKind>>
  /** The filter's field: what people know the entity by (grant screening: a diarienummer), and an example. */
  readonly reference: { readonly label: Localized; readonly hint?: Localized }
  /** Actors that are no user (the system, a demo seed), in words; a user is shown by the display name the server sends. */
  readonly actors?: Readonly<Record<string, Localized>>
  /** The page's introduction; the kit has a default. */
  readonly intro?: Localized
}

/** The actions server-kit writes in every app's log (sessions, accounts, sign-in through the city's account, erasure, checkpoints). */
export const KIT_AUDIT_ACTION_LABELS: Readonly<Record<string, Localized>> = {
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

/** The entities server-kit writes events about in every app. */
export const KIT_AUDIT_ENTITY_KINDS: Readonly<Record<string, AuditEntityKind>> = {
  user: { type: { sv: 'Användare', en: 'User' } },
  session: { type: { sv: 'Session', en: 'Session' } },
  audit: { type: { sv: 'Granskningsloggen', en: 'The audit log' } },
}

/** The actors server-kit writes events as that are no user (checkpoints, steps taken by the server itself). */
export const KIT_AUDIT_ACTORS: Readonly<Record<string, Localized>> = {
  system: { sv: 'Systemet', en: 'The system' },
}

/** An app's audit page labels, the kit's own actions, entities and actors merged under its own (the app's win on the same code). */
export function defineAuditLabels(app: AuditPageLabels): AuditPageLabels {
  return {
    ...app,
    actions: { ...KIT_AUDIT_ACTION_LABELS, ...app.actions },
    entities: { ...KIT_AUDIT_ENTITY_KINDS, ...app.entities },
    actors: { ...KIT_AUDIT_ACTORS, ...app.actors },
  }
}

/** An event as `GET /api/audit` lists it (server-kit's `auditEventSchema`), the fields the page reads. */
export interface AuditEventRow {
  readonly seq: number
  readonly at: string
  /** The username, for machines; the page shows `actorName`. */
  readonly actor: string
  readonly action: string
  readonly entityType: string
  readonly entityId: string
  readonly district: string | null
  readonly after?: unknown
  readonly erasedBy: number | null
  /** The actor's display name now; null when the user no longer exists. */
  readonly actorName: string | null
  /** A reference a person recognises (a diarienummer, a plan's district and year); null when there is none. */
  readonly entityLabel: string | null
}

/** The answer of `GET /api/audit/verify`, the fields the page reads. */
export interface AuditVerification {
  readonly ok: boolean
  readonly checked: number
  /** `seq` is null for a problem about no one event (a record without its event, a forged checkpoint). */
  readonly problems: readonly { readonly seq: number | null; readonly problem: string }[]
}

/** The version an event recorded in `after.version` (the plan editor's plans), or null. */
export function auditEventVersion(event: Pick<AuditEventRow, 'after'>): number | null {
  const after = event.after
  if (typeof after !== 'object' || after === null || !('version' in after)) return null
  const version = after.version
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : null
}
