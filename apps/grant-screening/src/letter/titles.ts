// Staff titles as a decision letter gives them beside a person's name.
import { Effect } from 'effect'
import { appendAudit, Clock, CurrentUser, NotFound } from '@vbe/server-kit'
import type { LocalizedText } from '@vbe/core'
import { db, type Fx } from '../cases/store.js'

/**
 * Sets the title a letter prints beside a staff member's name. An admin sets titles for
 * the users of their own district (a city-wide admin for anyone); anyone else is not found.
 */
export function setStaffTitle(username: string, title: LocalizedText): Fx<{ name: string; title: LocalizedText }, NotFound> {
  return Effect.gen(function* () {
    const admin = yield* CurrentUser
    const user = yield* db('staff.get', (k) => {
      let q = k.selectFrom('vbe_users').select(['display_name', 'district']).where('username', '=', username)
      if (admin.district !== null) q = q.where('district', '=', admin.district)
      return q.executeTakeFirst()
    })
    if (!user) return yield* new NotFound({ entity: { sv: 'användaren', en: 'user' }, id: username })
    const now = (yield* Clock).now()
    yield* db('staff.title', (k) =>
      k
        .insertInto('gs_staff_titles')
        .values({ username, title_sv: title.sv, title_en: title.en, updated_at: now })
        .onConflict((oc) => oc.column('username').doUpdateSet({ title_sv: title.sv, title_en: title.en, updated_at: now }))
        .execute(),
    )
    yield* appendAudit({ action: 'staff.title.set', entityType: 'user', entityId: username, district: user.district, after: { title } })
    return { name: user.display_name, title }
  })
}
