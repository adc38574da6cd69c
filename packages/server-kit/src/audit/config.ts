import { isAbsolute, join, resolve } from 'node:path'
import type { DatabaseConfig } from '../db.js'
import {
  AuditKeyError,
  auditSeal,
  devKeyFile,
  ephemeralAuditSeal,
  fileCheckpoints,
  memoryCheckpoints,
  parseAuditKey,
  readKeyFile,
  readRetiredKeys,
  type AuditSeal,
} from './seal.js'

/**
 * The directory for the development key and the checkpoint file: `VBE_AUDIT_DIR`, else
 * beside the PGlite directory (`./data/<app>-audit`), else `./data/<app>-audit/<host>-<port>_<database>`
 * for PostgreSQL; `null` for an in-memory database.
 */
function auditDir(env: NodeJS.ProcessEnv, app: string, database: DatabaseConfig): string | null {
  const base = env['INIT_CWD'] ?? process.cwd()
  const dir = env['VBE_AUDIT_DIR']?.trim()
  if (dir) return isAbsolute(dir) ? dir : resolve(base, dir)
  if (database.kind === 'pglite') return database.dataDir ? `${database.dataDir}-audit` : null
  // One directory per PostgreSQL database: a new database starts a new chain.
  const u = new URL(database.url)
  const name = `${u.hostname}-${u.port || '5432'}${u.pathname}`.replace(/[^A-Za-z0-9.-]+/g, '_')
  return resolve(base, 'data', `${app}-audit`, name)
}

/**
 * The audit seal for a server start, from the environment:
 *
 * - the key: `VBE_AUDIT_KEY` (64+ hex digits or base64 of 32+ bytes) or `VBE_AUDIT_KEY_FILE`
 *   (a file of the same, mode 0600). Without either, a development start makes
 *   `<audit dir>/audit.key` once (mode 0600) and keeps using it; a production start
 *   refuses to run (`AuditKeyError`).
 * - the keys retired by rotations: `VBE_AUDIT_RETIRED_KEYS_FILE` (optional; a file of
 *   keys, one a line, mode 0600; see `readRetiredKeys`). Verification checks older events
 *   with them; new events are signed with the current key only.
 * - the checkpoints: `VBE_AUDIT_CHECKPOINT_FILE`, else `<audit dir>/checkpoint.json`.
 */
export function auditSealFromEnv(
  env: NodeJS.ProcessEnv,
  options: { readonly app: string; readonly database: DatabaseConfig; readonly production: boolean },
): AuditSeal {
  const inline = env['VBE_AUDIT_KEY']?.trim()
  const file = env['VBE_AUDIT_KEY_FILE']?.trim()
  if (inline && file) throw new AuditKeyError('Set VBE_AUDIT_KEY or VBE_AUDIT_KEY_FILE, not both.')
  const dir = auditDir(env, options.app, options.database)
  const checkpointFile = env['VBE_AUDIT_CHECKPOINT_FILE']?.trim() || (dir ? join(dir, 'checkpoint.json') : null)
  const checkpoints = checkpointFile ? fileCheckpoints(checkpointFile) : memoryCheckpoints()
  const retiredFile = env['VBE_AUDIT_RETIRED_KEYS_FILE']?.trim()
  const retired = retiredFile ? readRetiredKeys(retiredFile, 'VBE_AUDIT_RETIRED_KEYS_FILE') : []
  if (inline) return auditSeal(parseAuditKey(inline, 'VBE_AUDIT_KEY'), checkpoints, 'VBE_AUDIT_KEY', retired)
  if (file) return auditSeal(readKeyFile(file, 'VBE_AUDIT_KEY_FILE'), checkpoints, file, retired)
  if (options.production)
    throw new AuditKeyError(
      'A production start needs the audit key outside the database: set VBE_AUDIT_KEY_FILE to a file holding 64 hex digits (mode 0600), or VBE_AUDIT_KEY. See docs/security.md, "Audit and keys".',
    )
  if (!dir) return ephemeralAuditSeal()
  const keyFile = join(dir, 'audit.key')
  return auditSeal(devKeyFile(keyFile), checkpoints, `${keyFile} (development key)`, retired)
}

/**
 * The seal `openDatabase` uses when it is given none: the development key beside a
 * PGlite directory, or a key for this process only (an in-memory database, or a
 * PostgreSQL database opened by a test).
 */
export function defaultAuditSeal(database: DatabaseConfig): AuditSeal {
  if (database.kind === 'pglite' && database.dataDir) {
    const dir = `${database.dataDir}-audit`
    return auditSeal(devKeyFile(join(dir, 'audit.key')), fileCheckpoints(join(dir, 'checkpoint.json')), `${dir} (development key)`)
  }
  return ephemeralAuditSeal()
}
