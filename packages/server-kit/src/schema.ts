import { sql, type Generated } from 'kysely'
import type { MigrationSet } from './db.js'
import type { AnyKysely } from './db.js'
import { sessionsMigration } from './migrations/002-sessions.js'
import { auditMigration } from './migrations/003-audit.js'
import { auditKeysMigration } from './migrations/005-audit-keys.js'
import { identitiesMigration } from './migrations/004-identities.js'
import { oidcLogoutMigration } from './migrations/006-oidc-logout.js'

/** The tables server-kit owns. Apps add theirs with their own migration set. */
export interface KitTables {
  vbe_users: {
    id: string
    username: string
    display_name: string
    password_hash: string
    /** Comma-separated roles. */
    roles: string
    district: string | null
    disabled: Generated<boolean>
    created_at: Generated<Date>
    /** Made by a demo seed: a production start refuses to run while one exists. */
    demo: Generated<boolean>
  }
  vbe_sessions: {
    /** SHA-256 of the cookie token: the token itself is never stored. */
    id: string
    user_id: string
    csrf_token: string
    created_at: Date
    /** The absolute end of the session. */
    expires_at: Date
    /** Shown to the user to list and end sessions; never the token or its hash. */
    public_id: string
    /** The idle timeout counts from here. */
    last_seen_at: Date
    address: string | null
    user_agent: string | null
    /** The OpenID provider's issuer and session id (`sid`), for a session started through it (migration 006). */
    oidc_issuer: Generated<string | null>
    oidc_sid: Generated<string | null>
  }
  vbe_login_throttle: LoginThrottleTable
  vbe_security_log: SecurityLogTable
  vbe_audit_events: {
    seq: number
    at: string
    actor: string
    action: string
    entity_type: string
    entity_id: string
    district: string | null
    ruleset: string | null
    before: unknown
    after: unknown
    payload_hash: string
    prev_hash: string
    hash: string
    /** The seq of the erasure event that replaced this event's payload with a tombstone. */
    erased_by: number | null
    /** The id of the key that signed the event (migration 005); `null` before it. */
    key_id: string | null
  }
  /** An identity at an OpenID provider (issuer + subject), linked to one user (migration 004). */
  vbe_identities: { issuer: string; subject: string; user_id: string; created_at: Generated<Date>; last_login_at: Date }
  /** A sign-in on its way through the provider; `id` is the SHA-256 of the browser's one-time cookie (migration 004). */
  vbe_oidc_logins: { id: string; state: string; nonce: string; code_verifier: string; expires_at: Date }
  /** A logout token already used: the SHA-256 of issuer and `jti`, kept until the token is too old anyway (migration 006). */
  vbe_oidc_logout_tokens: { id: string; expires_at: Date }
}

/** One login-throttle counter: `pair:<user>|<address>` or `addr:<address>`. */
export interface LoginThrottleTable {
  key: string
  failures: number
  last_at: Date
  /** No attempt for this key is checked before this time. */
  next_at: Date
}

/** A security event (see `src/security-log`). */
export interface SecurityLogTable {
  id: Generated<number>
  at: Date
  kind: string
  actor: string | null
  district: string | null
  address: string | null
  method: string | null
  path: string | null
  detail: unknown
}

export const kitMigrations: MigrationSet = {
  name: 'kit',
  migrations: {
    '001-users-sessions-audit': {
      async up(db: AnyKysely) {
        await db.schema
          .createTable('vbe_users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('roles', 'text', (c) => c.notNull())
          .addColumn('district', 'text')
          .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
          .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .execute()
        await db.schema
          .createTable('vbe_sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('vbe_users.id').onDelete('cascade'))
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'timestamptz', (c) => c.notNull())
          .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('vbe_sessions_user').on('vbe_sessions').column('user_id').execute()
        await db.schema
          .createTable('vbe_login_attempts')
          .addColumn('id', 'serial', (c) => c.primaryKey())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('at', 'timestamptz', (c) => c.notNull())
          .execute()
        await db.schema.createIndex('vbe_login_attempts_key_at').on('vbe_login_attempts').columns(['key', 'at']).execute()
        await db.schema
          .createTable('vbe_audit_events')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity_type', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('district', 'text')
          .addColumn('ruleset', 'text')
          .addColumn('before', 'jsonb')
          .addColumn('after', 'jsonb')
          .addColumn('payload_hash', 'text', (c) => c.notNull())
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('erased_by', 'integer')
          .execute()
        await db.schema.createIndex('vbe_audit_entity').on('vbe_audit_events').columns(['entity_type', 'entity_id']).execute()
      },
    },
    '002-sessions': sessionsMigration,
    '003-audit': auditMigration,
    '004-identities': identitiesMigration,
    '005-audit-keys': auditKeysMigration,
    '006-oidc-logout': oidcLogoutMigration,
  },
}
