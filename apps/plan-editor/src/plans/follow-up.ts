// Tertial follow-up of a plan's indicators.
import { Effect } from 'effect'
import { TERTIALS, type Tertial } from '@vbe/core/plans'
import { NotFound, type AppError } from '@vbe/server-kit'
import { authoriseOn, writeVersion, type PlanDetail, docOf } from './store.js'
import { type R } from './rules.js'

export interface FollowUpInput {
  readonly value: number
  readonly date: string
  readonly note?: string | undefined
}

/** Enters (or, with `null`, removes) the follow-up value of one indicator for one tertial. */
export function setFollowUp(
  id: string,
  baseVersion: number,
  activityId: string,
  indicatorId: string,
  period: Tertial,
  input: FollowUpInput | null,
): Effect.Effect<PlanDetail, AppError, R> {
  return writeVersion(
    id,
    baseVersion,
    (row, user) =>
      Effect.gen(function* () {
        // Officers of the district, in any status but while the committee decides (core's plan workflow).
        yield* authoriseOn(row, user, 'follow-up')
        const activity = docOf(row).activities.find((a) => a.id === activityId)
        if (!activity) return yield* new NotFound({ entity: { sv: 'aktiviteten', en: 'activity' }, id: activityId })
        const indicator = activity.indicators.find((i) => i.id === indicatorId)
        if (!indicator) return yield* new NotFound({ entity: { sv: 'indikatorn', en: 'indicator' }, id: indicatorId })
        if (input === null && !indicator.followUps.some((f) => f.period === period)) {
          return yield* new NotFound({ entity: { sv: `uppföljning för ${period}`, en: `follow-up for ${period}` }, id: period })
        }
      }),
    (doc) =>
      Effect.succeed({
        document: {
          ...doc,
          activities: doc.activities.map((a) =>
            a.id !== activityId
              ? a
              : {
                  ...a,
                  indicators: a.indicators.map((i) =>
                    i.id !== indicatorId
                      ? i
                      : {
                          ...i,
                          followUps: [
                            ...i.followUps.filter((f) => f.period !== period),
                            ...(input ? [{ period, value: input.value, date: input.date, note: input.note ?? '' }] : []),
                          ].sort((x, y) => TERTIALS.indexOf(x.period) - TERTIALS.indexOf(y.period)),
                        },
                  ),
                },
          ),
        },
        action: input ? 'follow-up' : 'follow-up-removed',
        audit: { activityId, indicatorId, period, value: input ? input.value : null },
      }),
  )
}
