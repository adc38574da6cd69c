import { parse } from 'csv-parse/sync'
import { Effect } from 'effect'
import { csvColumns, csvRowToInput } from '@vbe/core/grants'
import { sql } from 'kysely'
import {
  Invalid,
  problemText,
  query,
  toProblemTexts,
  transaction,
  type AppError,
  type DatabaseError,
  type FieldProblemText,
  type Text,
} from '@vbe/server-kit'
import { createCase } from './create.js'
import type { PersonInput } from './store.js'

/** The import's answer; each error's message in both languages until the route picks the request's. */
export interface ImportReport {
  imported: { row: number; id: string }[]
  errors: { row: number; path: string; message: Text }[]
}

/** Core's words point to the docs; an officer has the import page's column guide in front of them. */
const UNKNOWN_COLUMN: Text = {
  sv: 'okänd kolumn. Kolumnerna som går att läsa in står under ”Kolumner i filen” på sidan Importera (och i docs/grants.md).',
  en: 'unknown column; the columns that can be read are listed under “Columns in the file” on the Import page (and in docs/grants.md)',
}

type Item = { row: number; input: unknown; persons: PersonInput[]; problems: FieldProblemText[] }

/** Splits a CSV body into rows with their line numbers (the header is row 1). */
export function csvItems(text: string): Effect.Effect<Item[], Invalid> {
  let records: string[][]
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][]
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return Effect.fail(
      new Invalid({
        detail: { sv: 'CSV-filen gick inte att läsa.', en: 'The CSV file could not be read.' },
        problems: [{ path: '(body)', message: { sv: `är inte giltig CSV (${reason})`, en: reason } }],
      }),
    )
  }
  const [header, ...rows] = records
  if (!header)
    return Effect.fail(
      new Invalid({
        detail: { sv: 'CSV-filen är tom.', en: 'The CSV file is empty.' },
        problems: [{ path: '(body)', message: { sv: 'saknar rubrikrad', en: 'has no header row' } }],
      }),
    )
  const { columns, problems } = csvColumns(header)
  if (problems.length > 0)
    return Effect.fail(
      new Invalid({
        detail: {
          sv: 'Rubrikraden i CSV-filen innehåller fel. Ingenting importerades.',
          en: 'The CSV header is invalid; nothing was imported.',
        },
        problems: problems.map((p) => ({
          path: `header: ${p.path}`,
          message: p.code === 'csv.unknownColumn' ? UNKNOWN_COLUMN : problemText(p),
        })),
      }),
    )
  return Effect.succeed(
    rows.map((cells, i) => {
      // NUL cannot be stored: the row is refused up front, naming each column, like any bad field.
      const nul = cells.flatMap((cell, j) =>
        cell.includes('\u0000') ? [{ path: header[j] ?? `column ${j + 1}`, message: problemText({ code: 'text.nul', params: {} }) }] : [],
      )
      if (nul.length > 0) return { row: i + 2, input: null, persons: [], problems: nul }
      const r = csvRowToInput(columns, cells)
      return {
        row: i + 2,
        input: r.input,
        persons: r.persons.map((p) => ({ role: p.role, name: p.name, email: p.email, phone: p.phone })),
        problems: r.problems.map((p) => ({ path: p.path, message: problemText(p) })),
      }
    }),
  )
}

/** JSON import: an array of `{ application, persons? }`, numbered from 1. */
export function jsonItems(body: unknown): Effect.Effect<Item[], Invalid> {
  if (!Array.isArray(body)) {
    return Effect.fail(
      new Invalid({
        detail: {
          sv: 'En JSON-import är en lista av { application, persons? }.',
          en: 'A JSON import is an array of { application, persons? }.',
        },
        problems: [{ path: '(body)', message: { sv: 'måste vara en lista', en: 'must be an array' } }],
      }),
    )
  }
  return Effect.succeed(
    body.map((item, i) => {
      const ok = item !== null && typeof item === 'object' && !Array.isArray(item)
      const persons = ok && Array.isArray((item as { persons?: unknown }).persons) ? (item as { persons: PersonInput[] }).persons : []
      return {
        row: i + 1,
        input: ok ? (item as { application?: unknown }).application : undefined,
        persons,
        problems: ok
          ? []
          : [
              {
                path: '(item)',
                message: { sv: 'måste vara ett objekt { application, persons? }', en: 'must be an object { application, persons? }' },
              },
            ],
      }
    }),
  )
}

/**
 * Imports rows in one transaction: good rows become cases, and each bad row is reported
 * with its row number, field and problem. A database failure rolls every row back, so
 * "nothing was changed" is true.
 */
export function importItems<R>(
  items: readonly Item[],
  validatePersons: (persons: unknown) => FieldProblemText[],
): Effect.Effect<ImportReport, DatabaseError, R | Effect.Effect.Context<ReturnType<typeof createCase>>> {
  const rows = Effect.gen(function* () {
    const report: ImportReport = { imported: [], errors: [] }
    for (const item of items) {
      const personProblems = validatePersons(item.persons)
      const pre = [...item.problems, ...personProblems]
      if (pre.length > 0 || item.input === null) {
        for (const p of pre) report.errors.push({ row: item.row, ...p })
        continue
      }
      const result = yield* Effect.either(createCase(item.input, item.persons))
      if (result._tag === 'Right') report.imported.push({ row: item.row, id: result.right.id })
      else {
        const e = result.left as AppError
        if (e._tag === 'DatabaseError') return yield* e
        if (e._tag === 'Invalid')
          for (const p of e.problems) report.errors.push({ row: item.row, path: p.path.replace(/^application\./, ''), message: p.message })
        else report.errors.push({ row: item.row, path: e._tag === 'Conflict' ? 'id' : '(row)', message: toProblemTexts(e).problem.detail })
      }
    }
    return report
  })
  return Effect.gen(function* () {
    const report = yield* transaction(rows)
    // After a large import, fresh planner statistics keep the queue on its index.
    if (report.imported.length >= 100) yield* query('import.analyze', (k) => sql`analyze gs_cases, gs_screenings`.execute(k))
    return report
  })
}
