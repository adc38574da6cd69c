// Conflict-of-interest declarations (jäv).
import { Effect } from 'effect'
import { appendAudit, Clock, Conflict, CurrentUser, Forbidden, NotFound, transaction } from '@vbe/server-kit'
import { actOn, declarationOf, type Fx, db } from './store.js'

export function declareConflict(
  id: string,
  conflict: boolean,
  comment: string | undefined,
): Fx<{ declared: true; conflict: boolean }, NotFound | Forbidden | Conflict> {
  return Effect.gen(function* () {
    const user = yield* CurrentUser
    const { row } = yield* actOn(id, 'declare', { declared: false })
    const now = (yield* Clock).now()
    yield* transaction(
      Effect.gen(function* () {
        const prior = yield* declarationOf(id, user.id)
        if (prior?.conflict && !conflict) {
          return yield* new Conflict({
            detail: {
              sv: 'Du har anmält jäv i ärendet. Jävet står fast och kan inte tas tillbaka här.',
              en: 'You declared a conflict of interest in this case; that exclusion stands and cannot be withdrawn here.',
            },
          })
        }
        if (prior && prior.conflict === conflict) return
        yield* db('conflict.upsert', (k) =>
          k
            .insertInto('gs_conflicts')
            .values({ case_id: id, user_id: user.id, username: user.username, conflict, comment: comment ?? null, at: now })
            .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet({ conflict, comment: comment ?? null, at: now }))
            .execute(),
        )
        yield* appendAudit({
          action: conflict ? 'case.conflict.excluded' : 'case.conflict.none',
          entityType: 'case',
          entityId: id,
          district: row.district,
          before: prior ? { conflict: prior.conflict } : null,
          after: { conflict, ...(comment ? { comment } : {}) },
        })
      }),
    )
    return { declared: true as const, conflict }
  })
}
