import { Effect, Either } from 'effect'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES } from '../test/databases.js'
import { etagOf, parseIfMatch, rowsUpdated, versionGuard, type IfMatchWording, type UpdateOutcome } from './concurrency.js'
import { openDatabase, type Database } from './db.js'
import { toProblem } from './errors.js'
import { Db, query } from './services.js'

const WORDING: IfMatchWording = { readFrom: 'GET /api/things/{id}', etag: { sv: 'sakens ETag', en: 'the thing ETag' } }
const parse = (header: string | undefined) => Effect.runSync(Effect.either(parseIfMatch(header, WORDING)))

describe('ETag and If-Match', () => {
  it('writes a version as a strong ETag and reads it back in every form a client sends', () => {
    expect(etagOf(7)).toBe('"7"')
    for (const header of [etagOf(7), 'W/"7"', '7', '  "7"  ']) expect(parse(header)).toEqual(Either.right(7))
  })

  it('answers a missing If-Match with 428 saying where the ETag is', () => {
    for (const header of [undefined, '', '   ']) {
      const result = parse(header)
      if (Either.isRight(result)) throw new Error(`expected a failure for ${JSON.stringify(header)}`)
      const { problem } = toProblem(result.left, 'sv')
      expect(problem.status).toBe(428)
      expect(problem.detail).toBe('Rubriken If-Match krävs: skicka den ETag (version) som ändringen bygger på, från GET /api/things/{id}.')
    }
  })

  it('answers an unreadable If-Match with 400 naming the header, in both languages', () => {
    for (const header of ['*', '"abc"', '"1", "2"', '"12345678901"', '-1']) {
      const result = parse(header)
      if (Either.isRight(result)) throw new Error(`expected a failure for ${header}`)
      expect(toProblem(result.left, 'en').problem).toMatchObject({
        status: 400,
        errors: [{ path: 'header.if-match', message: 'must be the thing ETag, for example "3"' }],
      })
      expect(toProblem(result.left, 'sv').problem.errors).toEqual([
        { path: 'header.if-match', message: 'måste vara sakens ETag, till exempel "3"' },
      ])
    }
  })
})

describe('rowsUpdated', () => {
  it('counts both an UpdateResult and returned rows', () => {
    expect(rowsUpdated({ numUpdatedRows: 1n })).toBe(1)
    expect(rowsUpdated({ numUpdatedRows: 0n })).toBe(0)
    expect(rowsUpdated([{ id: 'a' }, { id: 'b' }])).toBe(2)
    expect(rowsUpdated([])).toBe(0)
  })
})

interface Things {
  things: { id: string; name: string; version: number }
}

describe.each(DATABASES)('versionGuard on %s', (_, config) => {
  let database: Database<Things>
  const run = <A, E>(effect: Effect.Effect<A, E, Db>) =>
    Effect.runPromise(Effect.either(Effect.provideService(effect, Db, { kysely: database.kysely })))
  const rename = (version: number, name: string, returning: boolean) =>
    versionGuard(
      query('things.rename', (db: Kysely<Things>): Promise<UpdateOutcome> => {
        const update = db
          .updateTable('things')
          .set({ name, version: version + 1 })
          .where('id', '=', 'a')
          .where('version', '=', version)
        return returning ? update.returning('id').execute() : update.executeTakeFirst()
      }),
      { detail: { sv: 'Saken har ändrats.', en: 'The thing has changed.' }, current: { hint: 'reload' } },
    )

  beforeAll(async () => {
    database = await openDatabase<Things>(await config(), [])
    await sql`create table things (id text primary key, name text not null, version integer not null)`.execute(database.kysely)
    await sql`insert into things values ('a', 'first', 1)`.execute(database.kysely)
  })
  afterAll(() => database.close())

  it('lets the write based on the current version through, and refuses the one based on the old version with 409', async () => {
    expect(Either.isRight(await run(rename(1, 'second', false)))).toBe(true)
    const stale = await run(rename(1, 'lost', true))
    if (Either.isRight(stale)) throw new Error('the stale write went through')
    expect(stale.left._tag).toBe('Conflict')
    if (stale.left._tag !== 'Conflict') return
    expect(toProblem(stale.left, 'en').problem).toMatchObject({
      status: 409,
      detail: 'The thing has changed.',
      current: { hint: 'reload' },
    })
    const row = await database.kysely.selectFrom('things').selectAll().executeTakeFirstOrThrow()
    expect(row).toEqual({ id: 'a', name: 'second', version: 2 })
    expect(Either.isRight(await run(rename(2, 'third', true)))).toBe(true)
  })

  it('lets exactly one of two writers on the same version win', async () => {
    const row = await database.kysely.selectFrom('things').select('version').executeTakeFirstOrThrow()
    const results = await Promise.all([run(rename(row.version, 'left', false)), run(rename(row.version, 'right', false))])
    expect(results.filter(Either.isRight)).toHaveLength(1)
    expect(results.filter(Either.isLeft).map((r) => (Either.isLeft(r) ? r.left._tag : null))).toEqual(['Conflict'])
  })
})
