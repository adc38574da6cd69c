import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { z } from 'zod'
import { composePlugins } from '@vbe/core/plugins'
import { FINDING_STATUSES, safeParseApplication, screen, type Finding, type ScreeningResult } from '@vbe/core/grants'
import { PLUGINS } from './grants/fixtures.js'

/**
 * Runs every golden case in test/cases/*.cases.yaml. Each case gives an input (a patch
 * on base.yaml, or a full input), a screening date and the plugins, and the expected
 * outcome, findings, error or invalid fields. See test/cases/base.yaml for the format.
 */

const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases')
const text = z.object({ sv: z.string().optional(), en: z.string().optional() }).strict()

const caseSchema = z
  .object({
    name: z.string().min(1),
    on: z.string().default('2026-11-22'),
    plugins: z.array(z.enum(Object.keys(PLUGINS) as [string, ...string[]])).default(['rinkeby-kista']),
    input: z.unknown().optional(),
    patch: z.record(z.string(), z.unknown()).optional(),
    expect: z.union([
      z
        .object({
          outcome: z.enum(['eligible', 'ineligible', 'requires_assessment']),
          humanDecisionRequired: z.boolean(),
          /** Findings that must be present (matched by rule and evidence) with this status. Every finding that is not `met` must be listed. */
          findings: z
            .array(
              z
                .object({
                  ruleId: z.string(),
                  status: z.enum(FINDING_STATUSES),
                  evidenceIds: z.array(z.string()).optional(),
                  reason: text.optional(),
                  reasonExcludes: text.optional(),
                })
                .strict(),
            )
            .default([]),
          /** The exact rules that produced findings, in order (each listed once). */
          ruleIds: z.array(z.string()).optional(),
          /** Rules that must not apply. */
          absent: z.array(z.string()).optional(),
        })
        .strict(),
      z.object({ error: z.object({ name: z.string(), message: z.string() }).strict() }).strict(),
      z.object({ invalid: z.array(z.object({ path: z.string(), message: z.string() }).strict()).min(1) }).strict(),
    ]),
  })
  .strict()
  .refine((c) => !(c.input !== undefined && c.patch !== undefined), { error: 'give input or patch, not both' })

type Case = z.infer<typeof caseSchema>

const base: unknown = parse(readFileSync(join(casesDir, 'base.yaml'), 'utf8'))

/** Objects merge field by field, lists and values replace, null removes. */
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

const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.cases.yaml'))
  .sort()
const allCases = files.flatMap((file) => {
  const raw = parse(readFileSync(join(casesDir, file), 'utf8')) as unknown[]
  return raw.map((c, i) => {
    const parsed = caseSchema.safeParse(c)
    if (!parsed.success) throw new Error(`${file} case ${i + 1} is malformed: ${parsed.error.message}`)
    return { file, ...parsed.data }
  })
})

const keyOf = (f: { ruleId: string; evidenceIds?: readonly string[] | undefined }) => `${f.ruleId}|${(f.evidenceIds ?? []).join(',')}`

function checkFindings(result: ScreeningResult, expected: Extract<Case['expect'], { outcome: unknown }>) {
  const byKey = new Map<string, Finding>()
  for (const f of result.findings) byKey.set(keyOf(f), f)
  for (const e of expected.findings) {
    const found = e.evidenceIds ? byKey.get(keyOf(e)) : result.findings.find((f) => f.ruleId === e.ruleId)
    expect(found, `finding ${e.ruleId} ${e.evidenceIds?.join(',') ?? ''}`).toBeDefined()
    expect(found!.status, `status of ${e.ruleId}`).toBe(e.status)
    if (e.evidenceIds) expect(found!.evidenceIds).toEqual(e.evidenceIds)
    for (const l of ['sv', 'en'] as const) {
      if (e.reason?.[l] !== undefined) expect(found!.reason[l]).toContain(e.reason[l])
      if (e.reasonExcludes?.[l] !== undefined) expect(found!.reason[l]).not.toContain(e.reasonExcludes[l])
    }
  }
  // Every finding that is not met must be expected: no surprise findings.
  for (const f of result.findings) {
    if (f.status === 'met') continue
    const listed = expected.findings.some(
      (e) => e.ruleId === f.ruleId && e.status === f.status && (e.evidenceIds === undefined || keyOf(e) === keyOf(f)),
    )
    expect(listed, `unexpected finding ${f.ruleId} ${f.status}: ${f.reason.en}`).toBe(true)
  }
  if (expected.ruleIds) expect([...new Set(result.findings.map((f) => f.ruleId))]).toEqual(expected.ruleIds)
  for (const id of expected.absent ?? []) expect(result.findings.map((f) => f.ruleId)).not.toContain(id)
}

describe('golden cases', () => {
  it('has at least 40 cases, with unique names', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(40)
    expect(new Set(allCases.map((c) => c.name)).size).toBe(allCases.length)
  })

  describe.each(files)('%s', (file) => {
    it.each(allCases.filter((c) => c.file === file).map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const input = c.input ?? merge(base, c.patch ?? {})
      const plugins = composePlugins(c.plugins.map((id) => PLUGINS[id]!))
      const parsed = safeParseApplication(input)
      const expected = c.expect
      if ('invalid' in expected) {
        expect(parsed.ok).toBe(false)
        const problems = parsed.ok ? [] : parsed.problems
        for (const p of expected.invalid) {
          expect(
            problems.some((q) => q.path === p.path && q.message.includes(p.message)),
            `problem at ${p.path}: ${p.message}\ngot: ${JSON.stringify(problems)}`,
          ).toBe(true)
        }
        expect(problems).toHaveLength(expected.invalid.length)
        return
      }
      if (!parsed.ok) throw parsed.error
      if ('error' in expected) {
        let error: unknown
        try {
          screen(parsed.value, { on: c.on, plugins })
        } catch (e) {
          error = e
        }
        expect(error).toBeInstanceOf(Error)
        expect((error as Error).name).toBe(expected.error.name)
        expect((error as Error).message).toContain(expected.error.message)
        return
      }
      const result = screen(parsed.value, { on: c.on, plugins })
      expect(result.outcome).toBe(expected.outcome)
      expect(result.humanDecisionRequired).toBe(expected.humanDecisionRequired)
      expect(result.ruleset.on).toBe(c.on)
      checkFindings(result, expected)
    })
  })
})
