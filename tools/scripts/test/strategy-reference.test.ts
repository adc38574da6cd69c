import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { DIRECTIVE_POINT_IDS, GUIDELINE_IDS, MEASURE_IDS, PERSPECTIVE_IDS, RISK_IDS } from '@vbe/core/strategy'
import { REGENERATE_COMMAND, renderStrategyReference, repoRoot, STRATEGY_REFERENCE_PATH } from '../src/generate-strategy-reference.js'

const committedPath = resolve(repoRoot, STRATEGY_REFERENCE_PATH)
const outOfDate = `${STRATEGY_REFERENCE_PATH} is out of date with @vbe/core/strategy. Run \`${REGENERATE_COMMAND}\` from the repository root and commit the result; do not edit the file by hand.`

/** The first line where two texts differ, to point at the change. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n')
  const b = actual.split('\n')
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `first difference at line ${i + 1}:\n  committed: ${JSON.stringify(b[i] ?? '(end of file)')}\n  generated: ${JSON.stringify(a[i] ?? '(end of file)')}`
  }
  return 'no difference'
}

describe(STRATEGY_REFERENCE_PATH, () => {
  const rendered = renderStrategyReference()

  test('is committed', () => {
    expect(existsSync(committedPath), `${STRATEGY_REFERENCE_PATH} is missing. ${outOfDate}`).toBe(true)
  })

  test('matches a fresh render of @vbe/core/strategy', () => {
    const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : ''
    if (committed !== rendered) expect.fail(`${outOfDate}\n${firstDifference(rendered, committed)}`)
  })

  test('says it is generated and how to regenerate it', () => {
    const top = rendered.split('\n').slice(0, 6).join('\n')
    expect(top).toMatch(/generated/i)
    expect(top).toMatch(/do not edit/i)
    expect(top).toContain(REGENERATE_COMMAND)
  })

  test.each([
    ['guideline', GUIDELINE_IDS],
    ['perspective', PERSPECTIVE_IDS],
    ['risk', RISK_IDS],
    ['measure', MEASURE_IDS],
    ['directive point', DIRECTIVE_POINT_IDS],
  ] as const)('mentions every %s id', (_kind, ids) => {
    const missing = ids.filter((id) => !new RegExp(`^### ${id}: `, 'm').test(rendered) || !new RegExp(`\\b${id}\\b`).test(rendered))
    expect(missing).toEqual([])
  })

  test('mentions G1..G5, P1..P4, R1..R5, M1..M12 and D1..D12 by name', () => {
    const expected = [
      ...Array.from({ length: 5 }, (_, i) => `G${i + 1}`),
      ...Array.from({ length: 4 }, (_, i) => `P${i + 1}`),
      ...Array.from({ length: 5 }, (_, i) => `R${i + 1}`),
      ...Array.from({ length: 12 }, (_, i) => `M${i + 1}`),
      ...Array.from({ length: 12 }, (_, i) => `D${i + 1}`),
    ]
    expect(expected.filter((id) => !new RegExp(`\\b${id}\\b`).test(rendered))).toEqual([])
  })

  test('is deterministic', () => {
    expect(renderStrategyReference()).toBe(rendered)
  })
})
