// What the plan editor's audit page shows of an event's entity instead of its id: a plan by
// its district's name and year ("Rinkeby-Kista 2026"; each plan event names the version it
// made, which the page shows beside it). The kit's `GET /api/audit` calls these; the other
// entity types (users, sessions, the log) get a translated type label in the UI only.
import type { LocalizedText } from '@vbe/core'
import { auditEntityKey, type AuditEntityLabels, type AuditReferenceResolver } from '@vbe/server-kit'
import { DISTRICT_PLUGINS, districtName } from '@vbe/districts'
import type { Kysely } from 'kysely'
import type { Tables } from './tables.js'

/** A plan as people know it: its district's name and its year. */
export const planReference = (district: string, year: number, lang: 'sv' | 'en' = 'sv'): string => `${districtName(district, lang)} ${year}`

/** Each plan's district and year, for the plans among `refs` (plan events are about `entityType: 'plan'`). */
export const planAuditEntityLabels: AuditEntityLabels = async (db, refs, lang) => {
  const planIds = refs.filter((r) => r.entityType === 'plan').map((r) => r.entityId)
  if (planIds.length === 0) return new Map()
  const rows = await (db as Kysely<Tables>).selectFrom('pe_plans').select(['id', 'district', 'year']).where('id', 'in', planIds).execute()
  return new Map(rows.map((r) => [auditEntityKey('plan', r.id), planReference(r.district, r.year, lang)]))
}

/** Lower case, without commas and with single spaces: how a typed reference and a district's name are compared. */
const normal = (text: string) => text.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim()

/**
 * `?reference=` on the audit log: a plan's district (its name in either language, or its id)
 * and year, as the page shows it ("Rinkeby-Kista 2026", also "rinkeby-kista, 2026"), to that
 * plan; null when no installed district has the name or the district has no plan that year.
 */
export const planAuditReference: AuditReferenceResolver = async (db, reference) => {
  const match = /^(.+?)\s*,?\s+(\d{4})$/.exec(reference.trim())
  if (!match) return null
  const name = normal(match[1]!)
  const district = DISTRICT_PLUGINS.find((p) => [p.id, p.name.sv, p.name.en].some((n) => normal(n) === name))
  if (!district) return null
  const row = await (db as Kysely<Tables>)
    .selectFrom('pe_plans')
    .select('id')
    .where('district', '=', district.id)
    .where('year', '=', Number(match[2]))
    .executeTakeFirst()
  return row ? { entityType: 'plan', entityId: row.id, district: district.id } : null
}

/** The 400 for a reference no plan has: what the field expects, with an example. */
export const planAuditUnknownReference = (reference: string): LocalizedText => ({
  sv: `Det finns ingen plan för ${reference}. Skriv stadsdelen och året, till exempel Rinkeby-Kista 2026.`,
  en: `There is no plan for ${reference}. Give the district and the year, for example Rinkeby-Kista 2026.`,
})
