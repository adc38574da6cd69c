import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Effect } from 'effect'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { parseApplication, screener, type Application, type ScreeningResult } from '@vbe/core/grants'
import { composePlugins, defineDistrictPlugin } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { Clock, CurrentUser, Db, jsonb, kitMigrations, openDatabase, type DatabaseConfig } from '@vbe/server-kit'
import { demoApplication, grantMigrations, openGrantDatabase, Plugins, rescreenOpenCases } from '../src/index.js'
import { caseDetail } from '../src/cases/index.js'
import { databaseConfig, type DatabaseKind } from './support/server.js'

/**
 * Migration 002 moves screenings out of gs_cases into gs_screenings, stored against
 * rule catalogues it rebuilds from the data: every screening must come back exactly as
 * it was stored before, on both databases.
 */
const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const current = composePlugins([norrmalm, rinkebyKista])
const p = rinkebyKista.grantProgrammes[0]!
const older = composePlugins([
  norrmalm,
  defineDistrictPlugin({ ...rinkebyKista, grantProgrammes: [{ ...p, parameters: { ...p.parameters, maxAmount: 50_000 } }] }),
])
const parsed = (id: string, amount: number): Application => parseApplication(demoApplication(id, { amountRequested: amount }))

describe.each<DatabaseKind>(['pglite', 'postgres'])('migration 002 on %s', (kind) => {
  it('keeps every stored screening, under two ruleset versions and with an odd finding, and the app works on after it', async () => {
    let config: DatabaseConfig = await databaseConfig(kind)
    if (config.kind === 'pglite') {
      // The data directory inside a temporary folder, so that its audit key beside it (`data-audit`) goes with it.
      const dir = mkdtempSync(join(tmpdir(), 'gs-migrate-'))
      dirs.push(dir)
      config = { kind: 'pglite', dataDir: join(dir, 'data') }
    }
    const only001 = { name: 'grants', migrations: { '001-cases': grantMigrations.migrations['001-cases']! } }
    const before = await openDatabase(config, [kitMigrations, only001])
    const results: Record<string, ScreeningResult> = {}
    const cases = [
      ['m1', parsed('m1', 20_000), screener(current)],
      ['m2', parsed('m2', 70_000), screener(current)],
      ['m3', parsed('m3', 70_000), screener(older)],
    ] as const
    for (const [id, application, s] of cases) {
      let result = s.screen(application, '2026-11-22')
      // A finding whose sources differ from its rule's elsewhere must keep its own.
      if (id === 'm2')
        result = {
          ...result,
          findings: result.findings.map((f, i) =>
            i === 0 ? { ...f, sources: [{ level: 'city', title: 'Särskild källa', reference: 'x' }] as never } : f,
          ),
        }
      results[id] = result
      await sql`insert into gs_cases (id, application_ref, district, programme, association_name, organisation_number, amount_requested, application, screening, outcome, human_required, ruleset, status, created_by, created_at, updated_at, version)
        values (${id}, ${application.id}, 'rinkeby-kista', ${application.programme}, 'Förening', '802400-1235', ${application.amountRequested}, ${jsonb(application)}, ${jsonb(result)}, ${result.outcome}, ${result.humanDecisionRequired}, ${result.ruleset.version}, 'new', 'test', now(), now(), 1)`.execute(
        before.kysely,
      )
    }
    await before.close()

    const after = await openGrantDatabase(config)
    try {
      const columns = await sql<{
        column_name: string
      }>`select column_name from information_schema.columns where table_name = 'gs_cases'`.execute(after.kysely)
      expect(columns.rows.map((r) => r.column_name)).not.toContain('screening')
      const versions = await sql<{ version: string }>`select version from gs_rulesets order by version`.execute(after.kysely)
      expect(versions.rows.map((r) => r.version).sort()).toEqual([screener(current).version, screener(older).version].sort())

      const admin = { id: 'admin', username: 'admin', displayName: 'Admin', roles: ['admin' as const], district: null }
      const provide = <A, E>(e: Effect.Effect<A, E, any>) =>
        Effect.runPromise(
          e.pipe(
            Effect.provideService(Db, after),
            Effect.provideService(Clock, { now: () => new Date('2026-11-22T10:00:00Z') }),
            Effect.provideService(CurrentUser, admin),
            Effect.provideService(Plugins, current),
          ) as Effect.Effect<A, E, never>,
        )
      for (const [id] of cases) {
        const detail = await provide(caseDetail(id, { logRead: false }))
        expect(JSON.parse(JSON.stringify(detail.screening))).toEqual(JSON.parse(JSON.stringify(results[id])))
      }
      // Re-screening after the migration brings the older case up to the current rules.
      const run = await provide(rescreenOpenCases())
      expect(run).toMatchObject({ checked: 3, changed: 1 })
      expect(run.flips).toEqual([
        expect.objectContaining({ caseId: 'm3', from: 'ineligible', to: 'eligible', changedRules: ['max-amount'] }),
      ])
      expect(run.rules).toEqual([{ id: 'max-amount', heading: { sv: 'Högsta belopp i programmet', en: 'Programme maximum amount' } }])
    } finally {
      await after.close()
    }
  })
})
