import type { AnyKysely } from '../db-values.js'
import type { Locale } from '@vbe/core'
import type { AuditEvent } from '../audit/chain.js'

/** An event's entity, as an app's label resolver gets it. */
export interface AuditEntityRef {
  readonly entityType: string
  readonly entityId: string
}

/**
 * The app's resolver of entity labels for `GET /api/audit`: for each entity it knows, a
 * reference a person recognises (grant screening: a case's diarienummer; the plan editor:
 * a plan's district and year). Entities it leaves out get `entityLabel: null`. A label never holds
 * personal data or an id: it reaches the user as is, in `lang` (the request's language) where
 * it has words. Keyed by `auditEntityKey`.
 */
export type AuditEntityLabels = (db: AnyKysely, refs: readonly AuditEntityRef[], lang: Locale) => Promise<ReadonlyMap<string, string>>

/**
 * The app's resolver of a reference a person knows (a diarienummer) to the entity whose events
 * `GET /api/audit?reference=` lists, with its district (null: city-wide); `null` when there is
 * none. An entity outside the reader's districts is answered as if there were none.
 */
export type AuditReferenceResolver = (
  db: AnyKysely,
  reference: string,
) => Promise<(AuditEntityRef & { readonly district: string | null }) | null>

/** The key of an entity in an `AuditEntityLabels` answer. */
export const auditEntityKey = (entityType: string, entityId: string): string => `${entityType}\u0000${entityId}`

/** An event as `GET /api/audit` answers: with the actor's display name and the entity's label. */
export interface LabelledAuditEvent extends AuditEvent {
  /** The actor's display name now; `null` when the user no longer exists. */
  readonly actorName: string | null
  readonly entityLabel: string | null
}

/** Adds `actorName` (from `vbe_users`, at read time) and `entityLabel` (from the app's resolver, in `lang`) to events. */
export async function labelAuditEvents(
  db: AnyKysely,
  events: readonly AuditEvent[],
  entityLabels: AuditEntityLabels | undefined,
  lang: Locale = 'sv',
): Promise<LabelledAuditEvent[]> {
  const usernames = [...new Set(events.map((e) => e.actor))]
  const users =
    usernames.length === 0
      ? []
      : await db.selectFrom('vbe_users').select(['username', 'display_name']).where('username', 'in', usernames).execute()
  const names = new Map(users.map((u) => [u.username, u.display_name]))
  const refs = new Map<string, AuditEntityRef>()
  for (const e of events) refs.set(auditEntityKey(e.entityType, e.entityId), { entityType: e.entityType, entityId: e.entityId })
  const labels = entityLabels && refs.size > 0 ? await entityLabels(db, [...refs.values()], lang) : new Map<string, string>()
  return events.map((e) => ({
    ...e,
    actorName: names.get(e.actor) ?? null,
    entityLabel: labels.get(auditEntityKey(e.entityType, e.entityId)) ?? null,
  }))
}
