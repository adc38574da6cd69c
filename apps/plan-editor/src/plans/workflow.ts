// Saving a plan, and moving it through the workflow (submit, adopt, return, revise).
import { Effect } from 'effect'
import { type Plan, type PlanStatus } from '@vbe/core/plans'
import { Conflict, Forbidden, invalid, type AppError } from '@vbe/server-kit'
import { writeVersion, type PlanDetail } from './store.js'
import { STATUS_SV, canEdit, type R, statusesSv, EDITABLE, type Action, WORKFLOW, ACTION_SV, hasRole, rolesSv } from './rules.js'

export function savePlan(id: string, baseVersion: number, document: Plan): Effect.Effect<PlanDetail, AppError, R> {
  return writeVersion(
    id,
    baseVersion,
    (row, user) =>
      Effect.gen(function* () {
        if (!canEdit(user, row.district, row.status as PlanStatus)) {
          if (!user.roles.includes('officer') || user.district !== row.district) {
            return yield* new Forbidden({ detail: { sv: 'Bara handläggare i planens stadsdel kan ändra planen.', en: 'Only officers of the plan’s district edit it.' }, code: 'role' })
          }
          const status = row.status as PlanStatus
          const returned = status === 'returned'
          return yield* new Conflict({
            detail: {
              sv: `Planen är ${STATUS_SV[status]}. Den kan bara ändras när den är ${statusesSv(EDITABLE)}.${returned ? ' Påbörja revideringen först (POST transitions { action: "revise" }).' : ''}`,
              en: `The plan is ${status}: it can be edited only while it is ${EDITABLE.join(' or ')}.${returned ? ' Start the revision first (POST transitions { action: "revise" }).' : ''}`,
            },
          })
        }
        const problems = [
          document.district !== row.district ? { path: 'document.district', message: { sv: `får inte ändras (ska vara ${row.district})`, en: `must stay ${row.district}` } } : undefined,
          document.year !== Number(row.year)
            ? { path: 'document.year', message: { sv: `får inte ändras (ska vara ${row.year}). Gör en årlig revidering för ett annat år.`, en: `must stay ${row.year}; make a yearly revision for another year` } }
            : undefined,
          document.status !== row.status
            ? { path: 'document.status', message: { sv: `får inte ändras (ska vara ${row.status}). Byt status med POST /api/plans/{id}/transitions.`, en: `must stay ${row.status}; change the status through POST /api/plans/{id}/transitions` } }
            : undefined,
        ].filter((p) => p !== undefined)
        if (problems.length > 0) return yield* invalid({ sv: 'Plandokumentet innehåller fel.', en: 'The plan document is invalid.' }, problems)
      }),
    () => Effect.succeed({ document, action: 'save' }),
    document,
  )
}

export interface TransitionInput {
  readonly action: Action
  readonly decisionReference?: string | undefined
  readonly comment?: string | undefined
}

export function transition(id: string, baseVersion: number, input: TransitionInput): Effect.Effect<PlanDetail, AppError, R> {
  const w = WORKFLOW[input.action]
  return writeVersion(
    id,
    baseVersion,
    (row, user) =>
      Effect.gen(function* () {
        const status = row.status as PlanStatus
        const verb = ACTION_SV[input.action]
        if (!hasRole(user, w.roles)) {
          return yield* new Forbidden({ detail: { sv: `Att ${verb} en plan kräver rollen ${rolesSv(w.roles)}.`, en: `The action ${input.action} needs the role ${w.roles.join(' or ')}.` }, code: 'role' })
        }
        if (!user.roles.includes('admin') && user.district !== row.district) {
          return yield* new Forbidden({ detail: { sv: `Du kan bara ${verb} planer i din egen stadsdel.`, en: `You can ${input.action} plans only in your own district.` }, code: 'district' })
        }
        if (!w.from.includes(status)) {
          return yield* new Conflict({
            detail: {
              sv: `Planen är ${STATUS_SV[status]}. För att ${verb} den måste den vara ${statusesSv(w.from)}.`,
              en: `The plan is ${status}; the action ${input.action} needs it to be ${w.from.join(' or ')}.`,
            },
          })
        }
        if (input.action === 'return') {
          const problems = [
            !input.decisionReference?.trim()
              ? {
                  path: 'decisionReference',
                  message: {
                    sv: 'måste fyllas i när planen återremitteras: nämndens beslut, till exempel "SDN 2017-09-21 §10"',
                    en: 'is required when a plan is returned (återremiss): the committee decision, for example "SDN 2017-09-21 §10"',
                  },
                }
              : undefined,
            !input.comment?.trim()
              ? { path: 'comment', message: { sv: 'måste fyllas i när planen återremitteras: vad stadsdelen ska ändra', en: 'is required when a plan is returned: what the district must change' } }
              : undefined,
          ].filter((p) => p !== undefined)
          if (problems.length > 0) {
            return yield* invalid({ sv: 'En återremiss kräver nämndens beslut och en kommentar.', en: 'A return (återremiss) needs the committee decision and a comment.' }, problems)
          }
        }
      }),
    (doc) => {
      const meta = { ...(input.decisionReference?.trim() ? { decisionReference: input.decisionReference.trim() } : {}), ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}) }
      return Effect.succeed({ document: { ...doc, status: w.to }, action: input.action, meta, audit: meta })
    },
  )
}
