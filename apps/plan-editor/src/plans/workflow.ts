// Saving a plan, and moving it through the workflow (submit, adopt, return, revise).
import { Effect } from 'effect'
import { analysePlan, type Plan } from '@vbe/core/plans'
import { Clock, Conflict, invalid, textIn, type AppError } from '@vbe/server-kit'
import { districtTemplates } from '@vbe/districts'
import { authoriseOn, docOf, writeVersion, type PlanDetail } from './store.js'
import { today, type R, type Action, type Row } from './rules.js'

export function savePlan(id: string, baseVersion: number, document: Plan): Effect.Effect<PlanDetail, AppError, R> {
  return writeVersion(
    id,
    baseVersion,
    (row, user) =>
      Effect.gen(function* () {
        yield* authoriseOn(row, user, 'edit').pipe(
          // A returned plan is edited once its revision starts: say how.
          Effect.mapError((e) =>
            e._tag === 'Conflict' && row.status === 'returned'
              ? new Conflict({
                  detail: {
                    sv: `${textIn(e.detail, 'sv')} Påbörja revideringen först (POST transitions { action: "revise" }).`,
                    en: `${textIn(e.detail, 'en')} Start the revision first (POST transitions { action: "revise" }).`,
                  },
                })
              : e,
          ),
        )
        const problems = [
          document.district !== row.district
            ? { path: 'document.district', message: { sv: `får inte ändras (ska vara ${row.district})`, en: `must stay ${row.district}` } }
            : undefined,
          document.year !== Number(row.year)
            ? {
                path: 'document.year',
                message: {
                  sv: `får inte ändras (ska vara ${row.year}). Gör en årlig revidering för ett annat år.`,
                  en: `must stay ${row.year}; make a yearly revision for another year`,
                },
              }
            : undefined,
          document.status !== row.status
            ? {
                path: 'document.status',
                message: {
                  sv: `får inte ändras (ska vara ${row.status}). Byt status med POST /api/plans/{id}/transitions.`,
                  en: `must stay ${row.status}; change the status through POST /api/plans/{id}/transitions`,
                },
              }
            : undefined,
        ].filter((p) => p !== undefined)
        if (problems.length > 0)
          return yield* invalid({ sv: 'Plandokumentet innehåller fel.', en: 'The plan document is invalid.' }, problems)
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
  return writeVersion(
    id,
    baseVersion,
    (row, user) =>
      Effect.gen(function* () {
        // Role, district, status, and nobody adopts or returns a plan they wrote or submitted.
        const to = yield* authoriseOn(row, user, input.action)
        // Errors stop a plan on its way to the committee and at the committee: a submitted plan is held to the
        // rules again on the day it is adopted (its year may have passed, its situation picture grown stale).
        if (input.action === 'submit' || input.action === 'adopt') yield* readyForCommittee(row, input.action)
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
              ? {
                  path: 'comment',
                  message: {
                    sv: 'måste fyllas i när planen återremitteras: vad stadsdelen ska ändra',
                    en: 'is required when a plan is returned: what the district must change',
                  },
                }
              : undefined,
          ].filter((p) => p !== undefined)
          if (problems.length > 0) {
            return yield* invalid(
              {
                sv: 'En återremiss kräver nämndens beslut och en kommentar.',
                en: 'A return (återremiss) needs the committee decision and a comment.',
              },
              problems,
            )
          }
        }
        return to
      }),
    (doc, _row, to) => {
      const meta = {
        ...(input.decisionReference?.trim() ? { decisionReference: input.decisionReference.trim() } : {}),
        ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
      }
      return Effect.succeed({ document: { ...doc, status: to }, action: input.action, meta, audit: meta })
    },
  )
}

/**
 * A plan goes to the committee, and is adopted, only without errors in its analysis on that day (an
 * empty situation picture, no activities, an activity tied to no guideline, a template left
 * unanswered, a year that has passed, …): else a 409 naming each error in words, so the planner knows
 * what to fix (and the approver what to return it for). Warnings do not stop it.
 */
/** What a plan with errors cannot be, in the refusal's words. */
const NOT_READY_TO = {
  submit: { sv: 'lämnas in till nämnden', en: 'submitted to the committee' },
  adopt: { sv: 'antas', en: 'adopted' },
} as const

function readyForCommittee(row: Row, action: 'submit' | 'adopt'): Effect.Effect<void, AppError, R> {
  return Effect.gen(function* () {
    const on = today(yield* Clock)
    const analysis = analysePlan(docOf(row), { templates: districtTemplates(row.district), on })
    const errors = [
      ...analysis.indicatorFindings,
      ...analysis.responsibilityFindings,
      ...analysis.riskFindings,
      ...analysis.revisionFindings,
    ]
      .filter((f) => f.severity === 'error')
      .map((f) => f.message)
    if (errors.length === 0) return
    const list = (lang: 'sv' | 'en') => errors.map((m, i) => `${i + 1}. ${m[lang]}`).join(' ')
    const what = NOT_READY_TO[action]
    return yield* new Conflict({
      detail: {
        sv: `Planen kan inte ${what.sv} förrän ${errors.length === 1 ? 'felet är rättat' : `de ${errors.length} felen är rättade`}: ${list('sv')}`,
        en: `The plan cannot be ${what.en} until ${errors.length === 1 ? 'this error is' : `these ${errors.length} errors are`} corrected: ${list('en')}`,
      },
    })
  })
}
