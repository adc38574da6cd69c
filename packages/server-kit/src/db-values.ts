// Values and rows for the kit's databases: the untyped Kysely handle, jsonb and dates,
// and bulk inserts (JSON on PostgreSQL, COPY on PGlite). Apart from db.ts so that what
// writes rows (the audit chain, services) does not import the opening of a database.
import type { PGlite } from '@electric-sql/pglite'
import { sql, type Kysely, type RawBuilder } from 'kysely'

/**
 * The tables of a database whose tables each caller names (`(db: Kysely<Tables>) => …`).
 * Kysely's own convention for such a handle, and for migrations, is `Kysely<any>`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above; the one place the kit spells it
export type AnyTables = any
/** A Kysely instance whose tables each caller names. */
export type AnyKysely = Kysely<AnyTables>

/** A JSON value for a jsonb column, passed as text so both drivers treat it the same. */
export function jsonb(value: unknown): RawBuilder<unknown> {
  return sql`cast(${JSON.stringify(value)} as text)::jsonb`
}

/** A timestamp from either driver as an ISO string. */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString()
}

/** True for PostgreSQL's unique-violation error (SQLSTATE 23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}

/** A column of a bulk insert: its name and SQL type, e.g. `['findings', 'text']`. */
export type BulkColumn = readonly [name: string, type: string]

/**
 * Inserts many rows into one table in one statement, inside the transaction `db` is in
 * (or on its own). For a json or jsonb column the value is any JSON value (`null` is
 * JSON's null; `undefined` is SQL NULL); for other columns `null` is SQL NULL, and an
 * object or array given to a text column is stored as its JSON text.
 */
export type BulkInsert = (
  db: AnyKysely,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
) => Promise<void>

const isJsonType = (type: string) => type === 'json' || type === 'jsonb'

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/
function checkIdentifiers(table: string, columns: readonly BulkColumn[]) {
  for (const name of [table, ...columns.map((c) => c[0])])
    if (!IDENTIFIER.test(name)) throw new Error(`bulk insert: ${JSON.stringify(name)} is not a plain lower-case identifier`)
  for (const [, type] of columns)
    if (!/^[a-z][a-z0-9 _]*(\[\])?$/.test(type)) throw new Error(`bulk insert: ${JSON.stringify(type)} is not a column type`)
}

/** PostgreSQL, or any driver: INSERT … SELECT FROM jsonb_to_recordset, in chunks. */
export const insertFromJson: BulkInsert = async (db, table, columns, rows) => {
  checkIdentifiers(table, columns)
  const names = columns.map((c) => c[0]).join(', ')
  // JSON columns travel as their JSON text and are cast back, so that JSON's null stays a value.
  const select = columns.map(([n, t]) => (isJsonType(t) ? `cast(r.${n} as ${t})` : `r.${n}`)).join(', ')
  const types = columns.map(([n, t]) => `${n} ${isJsonType(t) ? 'text' : t}`).join(', ')
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000).map((r) => Object.fromEntries(columns.map(([n, t], j) => [n, recordValue(r[j], t)])))
    await sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select ${sql.raw(select)} from jsonb_to_recordset(cast(${JSON.stringify(chunk)} as text)::jsonb) as r(${sql.raw(types)})`.execute(
      db,
    )
  }
}

function recordValue(v: unknown, type: string): unknown {
  if (isJsonType(type)) return v === undefined ? null : JSON.stringify(v)
  if (v === undefined || v === null) return null
  return typeof v === 'object' && !(v instanceof Date) && type === 'text' ? JSON.stringify(v) : v
}

/**
 * PGlite: COPY … FROM a blob in PostgreSQL's text format, several times faster than
 * the INSERT for big batches, as nothing is parsed twice. PGlite has one session, so
 * outside a transaction the copy holds Kysely's connection while it runs.
 */
export function copyIntoPglite(pglite: PGlite): BulkInsert {
  return async (db, table, columns, rows) => {
    checkIdentifiers(table, columns)
    if (rows.length === 0) return
    const statement = `copy ${table} (${columns.map((c) => c[0]).join(', ')}) from '/dev/blob'`
    const lines: string[] = []
    for (const r of rows)
      lines.push(columns.map(([, t], j) => copyField(isJsonType(t) && r[j] !== undefined ? JSON.stringify(r[j]) : r[j])).join('\t'))
    const blob = new Blob([`${lines.join('\n')}\n`])
    const copy = () => pglite.query(statement, [], { blob })
    if (db.isTransaction) await copy()
    else await db.connection().execute(copy)
  }
}

/** One field in COPY's text format: \N for null, backslash escapes for \, newline, CR and tab. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N'
  const text =
    typeof value === 'string'
      ? value
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'boolean'
          ? value
            ? 't'
            : 'f'
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value)
  return /[\\\n\r\t]/.test(text)
    ? text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'))
    : text
}
