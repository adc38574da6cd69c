import { createHmac, randomBytes, timingSafeEqual, hash } from 'node:crypto'
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * What makes the audit chain tamper-evident against someone who can write to the
 * database: a secret key that lives outside it (every event's hash is an HMAC under
 * it), and a store outside the database for signed checkpoints of the chain head.
 */
export interface AuditSeal {
  /** The current HMAC-SHA256 key, which signs every new event and checkpoint: 32 bytes or more. */
  readonly key: Buffer
  /** A fingerprint of the key (not the key), recorded on each event it signs and shown in logs. */
  readonly keyId: string
  /** Keys retired by a rotation, by key id: verification checks the older events with them; nothing new is signed with them. */
  readonly retired: ReadonlyMap<string, Buffer>
  readonly checkpoints: CheckpointStore
  /** Where the key came from, for the start banner: never the key itself. */
  readonly describe: string
}

/** A signed record of the chain head: the event `seq` had `hash` at `at`. */
export interface Checkpoint {
  readonly seq: number
  readonly hash: string
  readonly at: string
  /** The key that signed it; absent on checkpoints written before key rotation (005-audit-keys). */
  readonly keyId?: string
  /** HMAC of `seq`, `hash`, `at` (and `keyId`) under that key. */
  readonly mac: string
}

/** Where checkpoints are kept: a file (or another store) outside the database. */
export interface CheckpointStore {
  read(): Checkpoint | null
  write(checkpoint: Checkpoint): void
  readonly describe: string
}

export const hmacHex = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('hex')

export const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

const checkpointText = (c: Omit<Checkpoint, 'mac'>) =>
  `vbe-audit-checkpoint\n${c.seq}\n${c.hash}\n${c.at}${c.keyId === undefined ? '' : `\n${c.keyId}`}`

/** A checkpoint of `c` signed with the seal's current key, naming it. */
export function signCheckpoint(seal: Pick<AuditSeal, 'key' | 'keyId'>, c: Omit<Checkpoint, 'mac' | 'keyId'>): Checkpoint {
  const withKey = { ...c, keyId: seal.keyId }
  return { ...withKey, mac: hmacHex(seal.key, checkpointText(withKey)) }
}

/** The key an event or checkpoint names: the current one, a retired one, or `null` when the seal does not hold it. */
export const keyFor = (seal: Pick<AuditSeal, 'key' | 'keyId' | 'retired'>, keyId: string): Buffer | null =>
  keyId === seal.keyId ? seal.key : (seal.retired.get(keyId) ?? null)

/**
 * Whether `c` carries a valid signature: under the key it names, or (a checkpoint from
 * before key ids) under the current or any retired key. `'unknown key'` when it names a
 * key the seal does not hold.
 */
export function checkpointSigned(seal: Pick<AuditSeal, 'key' | 'keyId' | 'retired'>, c: Checkpoint): boolean | 'unknown key' {
  const keys = c.keyId === undefined ? [seal.key, ...seal.retired.values()] : [keyFor(seal, c.keyId)]
  if (keys[0] === null) return 'unknown key'
  return keys.some((k) => k !== null && sameHex(c.mac, hmacHex(k, checkpointText(c))))
}

/** Checkpoints kept in memory: for an in-memory database, which dies with the process too. */
export function memoryCheckpoints(): CheckpointStore {
  let current: Checkpoint | null = null
  return {
    describe: 'in memory',
    read: () => current,
    write: (c) => {
      current = c
    },
  }
}

function isCheckpoint(v: unknown): v is Checkpoint {
  if (typeof v !== 'object' || v === null) return false
  const c = v as Record<string, unknown>
  return (
    typeof c['seq'] === 'number' &&
    typeof c['hash'] === 'string' &&
    typeof c['at'] === 'string' &&
    typeof c['mac'] === 'string' &&
    (c['keyId'] === undefined || typeof c['keyId'] === 'string')
  )
}

/**
 * The newest checkpoint in a JSON file (written to a temporary file and renamed, mode
 * 0600). A file that is there but unreadable reads as a checkpoint that fails its
 * signature, so that verification reports it rather than forgetting it.
 */
export function fileCheckpoints(path: string): CheckpointStore {
  return {
    describe: path,
    read: () => {
      if (!existsSync(path)) return null
      try {
        const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
        return isCheckpoint(parsed) ? parsed : { seq: 0, hash: '', at: '', mac: 'unreadable' }
      } catch {
        return { seq: 0, hash: '', at: '', mac: 'unreadable' }
      }
    },
    write: (c) => {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
      const tmp = `${path}.${process.pid}.tmp`
      writeFileSync(tmp, `${JSON.stringify(c)}\n`, { mode: 0o600 })
      renameSync(tmp, path)
    },
  }
}

export const keyIdOf = (key: Buffer) => hash('sha256', Buffer.concat([Buffer.from('vbe-audit-key-id\n'), key]), 'hex').slice(0, 16)

/** A seal from the current key, a checkpoint store and the keys retired by earlier rotations. */
export function auditSeal(key: Buffer, checkpoints: CheckpointStore, describe = 'given', retired: readonly Buffer[] = []): AuditSeal {
  if (key.length < 32) throw new AuditKeyError('The audit key must be at least 32 bytes (64 hex digits).')
  const keyId = keyIdOf(key)
  const old = new Map<string, Buffer>()
  for (const k of retired) if (keyIdOf(k) !== keyId) old.set(keyIdOf(k), k)
  const keys = old.size === 0 ? '' : ` (key ${keyId}; ${old.size} retired key${old.size === 1 ? '' : 's'}: ${[...old.keys()].join(', ')})`
  return { key, keyId, retired: old, checkpoints, describe: `${describe}${keys}` }
}

/** A seal with a fresh random key and checkpoints in memory: for a database that lives in memory only. */
export const ephemeralAuditSeal = (): AuditSeal => auditSeal(randomBytes(32), memoryCheckpoints(), 'a key for this process only')

/** The audit key could not be found or read; the message says what to set. */
export class AuditKeyError extends Error {
  override readonly name = 'AuditKeyError'
}

/** A key as text: 64+ hex digits, or base64 of 32+ bytes. */
export function parseAuditKey(text: string, where: string): Buffer {
  const t = text.trim()
  const key = /^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0 ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64')
  if (key.length < 32) throw new AuditKeyError(`${where} must hold a key of at least 32 bytes: 64 hex digits, or base64.`)
  return key
}

/** Reads a key file; refuses one that others than its owner may read. */
export function readKeyFile(path: string, where: string): Buffer {
  if (!existsSync(path)) throw new AuditKeyError(`${where}: the key file ${path} does not exist.`)
  const mode = statSync(path).mode & 0o777
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new AuditKeyError(`${where}: the key file ${path} may be read by others (mode ${mode.toString(8)}); chmod 600 it.`)
  return parseAuditKey(readFileSync(path, 'utf8'), where)
}

/** The key in `path`, created (32 random bytes, hex, mode 0600) if it does not exist yet. */
export function devKeyFile(path: string): Buffer {
  if (!existsSync(path)) {
    // Written whole under another name and linked into place, so that two processes
    // starting at once agree on one key (the second link fails, and it reads the first).
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 })
    chmodSync(tmp, 0o600)
    try {
      linkSync(tmp, path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      unlinkSync(tmp)
    }
  }
  return readKeyFile(path, 'the development audit key')
}

/**
 * The keys retired by rotations, from a file (mode 0600): one key a line (64+ hex digits
 * or base64), optionally after its key id and a colon (`3f9c…:a1b2…`), which is then
 * checked against the key; blank lines and lines starting with `#` are skipped.
 */
export function readRetiredKeys(path: string, where: string): Buffer[] {
  if (!existsSync(path)) throw new AuditKeyError(`${where}: the file ${path} does not exist.`)
  const mode = statSync(path).mode & 0o777
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new AuditKeyError(`${where}: the file ${path} may be read by others (mode ${mode.toString(8)}); chmod 600 it.`)
  const keys: Buffer[] = []
  for (const [i, raw] of readFileSync(path, 'utf8').split('\n').entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const colon = line.indexOf(':')
    const key = parseAuditKey(colon < 0 ? line : line.slice(colon + 1), `${where}, line ${i + 1}`)
    const id = colon < 0 ? null : line.slice(0, colon).trim()
    if (id !== null && id !== keyIdOf(key))
      throw new AuditKeyError(`${where}, line ${i + 1}: the key id ${id} does not match its key (whose id is ${keyIdOf(key)}).`)
    keys.push(key)
  }
  return keys
}
