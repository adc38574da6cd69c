import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { z } from 'zod'
import { ValidationError } from '@vbe/core'
import { composePlugins } from '@vbe/core/plugins'
import {
  communicationGate,
  DECISION_BASES,
  DECISION_KINDS,
  EVIDENCE_ASSESSMENTS,
  findingStanding,
  guardDecision,
  parseApplication,
  screen,
} from '@vbe/core/grants'
import { PLUGINS } from './grants/fixtures.js'

/**
 * The decision domain's golden cases, test/decisions/*.cases.yaml: a decision judged
 * against a screened application (overrides, citations, four eyes, partial grants), or
 * the kommunicering gate on a day. The application is a patch on test/cases/base.yaml.
 */

const here = dirname(fileURLToPath(import.meta.url))
const dir = join(here, 'decisions')
const base: unknown = parse(readFileSync(join(here, 'cases', 'base.yaml'), 'utf8'))

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const decisionCase = z
  .object({
    name: z.string().min(1),
    on: day.default('2026-11-22'),
    patch: z.record(z.string(), z.unknown()).default({}),
    assessments: z.record(z.string(), z.enum(EVIDENCE_ASSESSMENTS)).default({}),
    /** Judge without telling the guard the programme maximum (as a caller that leaves it out). */
    withoutMaximum: z.boolean().default(false),
    decision: z
      .object({
        kind: z.enum(DECISION_KINDS),
        amount: z.number().int().optional(),
        overrides: z.record(z.string(), z.string()).optional(),
      })
      .strict(),
    expect: z
      .object({
        failedRules: z.array(z.string()).optional(),
        overridesNeeded: z.array(z.string()).optional(),
        citedRules: z.array(z.string()).optional(),
        carriedEvidence: z.array(z.string()).optional(),
        secondSignature: z.boolean().optional(),
        adverse: z.boolean().optional(),
        problems: z.array(z.object({ path: z.string(), code: z.string() }).strict()).optional(),
      })
      .strict(),
  })
  .strict()
const gateCase = z
  .object({
    name: z.string().min(1),
    gate: z
      .object({
        adverse: z.boolean(),
        basis: z.enum(DECISION_BASES),
        communications: z.array(z.object({ deadline: day, repliedOn: day.nullable() }).strict()),
        today: day,
      })
      .strict(),
    expect: z.union([
      z.object({ ok: z.literal(true) }).strict(),
      z.object({ ok: z.literal(false), reason: z.enum(['not-communicated', 'before-deadline']), deadline: day.optional() }).strict(),
    ]),
  })
  .strict()
const anyCase = z.union([gateCase, decisionCase])

/** Objects merge field by field, lists and values replace, null removes (as in grants.cases.test.ts). */
function merge(target: unknown, patch: unknown): unknown {
  if (
    patch === null ||
    typeof patch !== 'object' ||
    Array.isArray(patch) ||
    target === null ||
    typeof target !== 'object' ||
    Array.isArray(target)
  )
    return patch
  const out: Record<string, unknown> = { ...(target as Record<string, unknown>) }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = merge(out[k], v)
  }
  return out
}

// YAML reads unquoted dates as strings only with the core schema; keep them strings.
const read = (file: string) => parse(readFileSync(join(dir, file), 'utf8'), { schema: 'core' }) as unknown[]
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.cases.yaml'))
  .sort()
const cases = files.flatMap((file) =>
  read(file).map((c, i) => {
    const parsed = anyCase.safeParse(c)
    if (!parsed.success) throw new Error(`${file} case ${i + 1} is malformed: ${parsed.error.message}`)
    return { file, c: parsed.data }
  }),
)

const plugins = composePlugins([PLUGINS['rinkeby-kista']!])

describe('decision golden cases', () => {
  it('covers overrides, partial grants, kommunicering deadlines and reconsideration, with unique names', () => {
    expect(files).toEqual(['kommunicering.cases.yaml', 'overrides.cases.yaml', 'partial.cases.yaml', 'reconsideration.cases.yaml'])
    expect(new Set(cases.map((x) => x.c.name)).size).toBe(cases.length)
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  describe.each(files)('%s', (file) => {
    it.each(cases.filter((x) => x.file === file).map((x) => [x.c.name, x.c] as const))('%s', (_name, c) => {
      if ('gate' in c) {
        expect(communicationGate(c.gate)).toEqual(c.expect)
        return
      }
      const application = parseApplication(merge(base, c.patch))
      if (application instanceof ValidationError) throw application
      const result = screen(application, { on: c.on, plugins })
      const assessments = Object.entries(c.assessments).map(([evidenceId, status]) => ({ evidenceId, status }))
      const guard = guardDecision(result, assessments, {
        ...c.decision,
        amountRequested: application.amountRequested,
        maxAmount: c.withoutMaximum ? undefined : plugins.programme(application.programme)?.parameters.maxAmount,
      })
      const { problems, ...rest } = c.expect
      expect(guard).toMatchObject(rest)
      if (problems) expect(guard.problems.map((p) => ({ path: p.path, code: p.code }))).toEqual(problems)
    })
  })
})

describe('findingStanding', () => {
  const democracy = { kind: 'democracy' as const, status: 'needs_assessment' as const }
  it('holds a democracy finding on several items unresolved while any is unassessed, and clears it only when all are dismissed', () => {
    const marks = new Map([
      ['a', 'dismissed'],
      ['b', 'relevant'],
    ] as const)
    expect(findingStanding({ ...democracy, evidenceIds: ['a', 'c'] }, marks)).toBe('unresolved')
    expect(findingStanding({ ...democracy, evidenceIds: ['a', 'b'] }, marks)).toBe('against')
    expect(findingStanding({ ...democracy, evidenceIds: ['a'] }, marks)).toBe('clear')
    expect(findingStanding({ kind: 'formal', status: 'not_met', evidenceIds: [] }, marks)).toBe('against')
    expect(findingStanding({ kind: 'formal', status: 'met', evidenceIds: [] }, marks)).toBe('clear')
  })
})
