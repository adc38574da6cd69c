import { sql } from 'kysely'
import type { AnyKysely } from '../db.js'

/**
 * Sign-in through OpenID Connect (frozen: imports no live code).
 * - `vbe_identities`: an identity at a provider (issuer + subject) linked to one user.
 * - `vbe_oidc_logins`: a sign-in on its way through the provider: the state, nonce and
 *   PKCE verifier, looked up by the hash of the browser's one-time cookie, used once.
 */
export const identitiesMigration = {
  async up(db: AnyKysely) {
    await db.schema
      .createTable('vbe_identities')
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('vbe_users.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('last_login_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('vbe_identities_pk', ['issuer', 'subject'])
      .execute()
    await db.schema.createIndex('vbe_identities_user').on('vbe_identities').column('user_id').execute()
    await db.schema
      .createTable('vbe_oidc_logins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .execute()
  },
}
