// Creating a plan: from a template, or as the yearly revision of last year's.
import { randomUUID } from 'node:crypto'
import { Effect } from 'effect'
import type { Kysely } from 'kysely'
import { planSchema, TERTIALS, type Plan, type PlanInput } from '@vbe/core/plans'
import {
  appendAuditAs,
  Clock,
  Conflict,
  CurrentUser,
  Forbidden,
  invalid,
  isUniqueViolation,
  jsonb,
  query,
  transaction,
  type AppError,
} from '@vbe/server-kit'
import { type Tables } from '../db/tables.js'
import { districtName, districtPlugin } from '@vbe/districts'
import { alreadyPlanned, today, type R } from './rules.js'
import { docOf, getPlan, loadRow, type PlanDetail } from './store.js'

/** Inserts a plan and its first version, with an audit event. Used by create, revise and the demo seed. */
export function insertPlan(actor: string, input: PlanInput, revisionOf: string | null, action: 'create' | 'revise-yearly') {
  return transaction(
    Effect.gen(function* () {
      const clock = yield* Clock
      const document = planSchema.parse(input)
      const id = randomUUID()
      const now = clock.now()
      const existing = yield* query('plans.exists', (db: Kysely<Tables>) =>
        db
          .selectFrom('pe_plans')
          .select('id')
          .where('district', '=', document.district)
          .where('year', '=', document.year)
          .executeTakeFirst(),
      )
      if (existing) return yield* new Conflict({ detail: alreadyPlanned(document), current: { id: existing.id } })
      yield* query('plans.insert', async (db: Kysely<Tables>) => {
        await db
          .insertInto('pe_plans')
          .values({
            id,
            district: document.district,
            year: document.year,
            status: document.status,
            document: jsonb(document),
            version: 1,
            revision_of: revisionOf,
            created_at: now,
            updated_at: now,
            updated_by: actor,
          })
          .execute()
        await db
          .insertInto('pe_plan_versions')
          .values({
            plan_id: id,
            version: 1,
            status: document.status,
            document: jsonb(document),
            action,
            meta: jsonb(revisionOf ? { revisionOf } : null),
            saved_by: actor,
            saved_at: now,
          })
          .execute()
      }).pipe(
        Effect.catchIf(
          (e) => isUniqueViolation(e.cause),
          () => new Conflict({ detail: alreadyPlanned(document) }),
        ),
      )
      yield* appendAuditAs(actor, {
        action: `plan.${action}`,
        entityType: 'plan',
        entityId: id,
        district: document.district,
        after: { district: document.district, year: document.year, status: document.status, version: 1, revisionOf },
      })
      return id
    }),
  )
}

export type CreateInput =
  | {
      readonly from: 'template'
      readonly year: number
      readonly district?: string | undefined
      readonly contactPoint?: Plan['contactPoint'] | undefined
      readonly situationPicture?: PlanInput['situationPicture'] | undefined
    }
  | { readonly from: 'revision'; readonly sourcePlanId: string; readonly year?: number | undefined }

const shiftYear = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28')

/** The yearly revision of a plan: same content for the next year, follow-ups cleared, last follow-up as the new baseline. */
export function yearlyRevision(source: Plan, year: number): PlanInput {
  const years = year - source.year
  return {
    ...source,
    year,
    status: 'draft',
    activities: source.activities.map((a) => ({
      ...a,
      period: { from: shiftYear(a.period.from, years), to: shiftYear(a.period.to, years) },
      indicators: a.indicators.map((i) => {
        const last = [...i.followUps].sort((x, y) => TERTIALS.indexOf(y.period) - TERTIALS.indexOf(x.period))[0]
        return { ...i, followUps: [], ...(last ? { baseline: { value: last.value, date: last.date } } : {}) }
      }),
    })),
  }
}

export function createPlan(input: CreateInput): Effect.Effect<PlanDetail, AppError, R> {
  return transaction(
    Effect.gen(function* () {
      const user = yield* CurrentUser
      const clock = yield* Clock
      let plan: PlanInput
      let revisionOf: string | null = null
      if (input.from === 'template') {
        const district = input.district ?? user.district
        if (!district) {
          return yield* invalid({ sv: 'Ange stadsdelen.', en: 'Name the district.' }, [
            {
              path: 'district',
              message: { sv: 'måste fyllas i för användare utan stadsdel', en: 'is required for users without a district' },
            },
          ])
        }
        // Officers write plans for their own district only; an account with no district writes none.
        if (user.district === null) {
          return yield* new Forbidden({
            detail: {
              sv: 'Ditt konto hör inte till någon stadsdel, så du kan inte skapa planer.',
              en: 'Your account belongs to no district, so you cannot create plans.',
            },
            code: 'district',
          })
        }
        if (district !== user.district) {
          return yield* new Forbidden({
            detail: {
              sv: `Du kan bara skapa planer för din egen stadsdel (${user.district}). Fältet district är ${district}.`,
              en: `You can create plans only for your own district (${user.district}); field district is ${district}.`,
            },
            code: 'district',
          })
        }
        const plugin = districtPlugin(district)
        plan = {
          district,
          year: input.year,
          status: 'draft',
          contactPoint: input.contactPoint ?? {
            function: 'Samordnare mot våldsbejakande extremism',
            unit: `${districtName(district)} stadsdelsförvaltning`,
          },
          situationPicture: input.situationPicture ?? {
            date: today(clock),
            sources: [],
            // Empty: the editor shows what to write as the field's hint, never as the plan's text.
            summary: '',
          },
          sections: (plugin?.planSections ?? []).map((s) => ({ id: s.id, text: '' })),
          activities: [],
        }
      } else {
        const source = yield* loadRow(input.sourcePlanId)
        if (user.district !== source.district) {
          return yield* new Forbidden({
            detail: {
              sv: `Du kan bara revidera planer i din egen stadsdel. Planen i fältet sourcePlanId hör till ${source.district}.`,
              en: `You can revise plans only in your own district; the plan in field sourcePlanId is ${source.district}'s.`,
            },
            code: 'district',
          })
        }
        const doc = docOf(source)
        const year = input.year ?? doc.year + 1
        if (year <= doc.year) {
          return yield* invalid({ sv: 'Revideringen måste gälla ett senare år.', en: 'The revision must be for a later year.' }, [
            {
              path: 'year',
              message: {
                sv: `måste vara senare än ${doc.year}, året för planen som revideras`,
                en: `must be after ${doc.year}, the year of the source plan`,
              },
            },
          ])
        }
        plan = yearlyRevision(doc, year)
        revisionOf = source.id
      }
      const id = yield* insertPlan(user.username, plan, revisionOf, revisionOf ? 'revise-yearly' : 'create')
      return yield* getPlan(id)
    }),
  )
}
