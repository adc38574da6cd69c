import type { Migration } from 'kysely'
import type { AnyKysely } from '../db.js'

/**
 * Back-channel logout from the OpenID provider (frozen: imports no live code).
 * - A session started through the provider records the provider's issuer and its session
 *   id (`sid` in the ID token), so that a logout token naming that `sid` ends exactly it.
 *   Sessions from before, and password sessions, keep `null`.
 * - `vbe_oidc_logout_tokens`: the logout tokens already used, by the SHA-256 of issuer and
 *   `jti`, kept until the token would be too old anyway; a token seen twice is refused.
 */
export const oidcLogoutMigration: Migration = {
  async up(db: AnyKysely) {
    await db.schema.alterTable('vbe_sessions').addColumn('oidc_issuer', 'text').addColumn('oidc_sid', 'text').execute()
    await db.schema.createIndex('vbe_sessions_oidc_sid').on('vbe_sessions').columns(['oidc_issuer', 'oidc_sid']).execute()
    await db.schema
      .createTable('vbe_oidc_logout_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute()
  },
}
