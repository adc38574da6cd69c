import { describe, expect, it } from 'vitest'
import { DEFAULT_AUTH_POLICY, kitOptionsOf, kitMigrations, openDatabase, type AppKitOptions } from '../src/index.js'

/* An app's options hand the kit's part, and only that, to createApi (both apps' create…App). */
describe('kitOptionsOf', () => {
  it('keeps the kit options that are set, and leaves out the app’s own and the unset ones', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
    try {
      const clock = { now: () => new Date('2026-03-01T10:00:00Z') }
      const options: AppKitOptions & { readonly uiDir: string } = {
        database,
        clock,
        secureCookies: false,
        securityLogStderr: false,
        authPolicy: DEFAULT_AUTH_POLICY,
        uiDir: '/somewhere',
      }
      expect(kitOptionsOf(options)).toEqual({
        database,
        clock,
        secureCookies: false,
        securityLogStderr: false,
        authPolicy: DEFAULT_AUTH_POLICY,
      })
      expect(Object.keys(kitOptionsOf({ database }))).toEqual(['database'])
    } finally {
      await database.close()
    }
  })
})
