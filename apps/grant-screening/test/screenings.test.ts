import { describe, expect, it } from 'vitest'
import type { LocalizedText } from '@vbe/core'
import { changedRules, encodeFindings, reasonKey, type FindingTuple } from '../src/screenings/store.js'

const shared = Object.freeze({ sv: 'Stadgarna är antagna på årsmöte.', en: 'The statutes were adopted at an annual meeting.' })
const oneOff = {
  sv: 'Sökt belopp, 120 000 kronor, är över maxbeloppet.',
  en: 'The amount requested, 120,000 kronor, is above the maximum.',
}

describe('stored findings', () => {
  it('stores shared (frozen) reasons by key and one-off reasons inline', () => {
    const reasons = new Map<string, LocalizedText>()
    const tuples = encodeFindings(
      [
        { ruleId: 'statutes', status: 'met', reason: shared, evidenceIds: [] },
        { ruleId: 'max-amount', status: 'not_met', reason: oneOff, evidenceIds: [] },
        { ruleId: 'democracy', status: 'needs_assessment', reason: shared, evidenceIds: ['e1'], kind: 'democracy' },
      ],
      reasons,
    )
    expect(tuples).toEqual([
      ['statutes', 'met', reasonKey(shared)],
      ['max-amount', 'not_met', oneOff],
      ['democracy', 'needs_assessment', reasonKey(shared), ['e1'], { kind: 'democracy' }],
    ])
    expect([...reasons]).toEqual([[reasonKey(shared), shared]])
    expect(reasonKey(shared)).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(reasonKey({ ...shared, en: `${shared.en} ` })).not.toBe(reasonKey(shared))
  })

  it('finds the rules whose status or reason changed, whether a reason is stored by key or inline', () => {
    const before: FindingTuple[] = [
      ['statutes', 'met', { ...shared }],
      ['max-amount', 'met', reasonKey(shared)],
      ['board', 'met', reasonKey(shared)],
      ['evidence', 'not_met', reasonKey(shared), ['e1']],
    ]
    const after: FindingTuple[] = [
      ['statutes', 'met', reasonKey(shared)],
      ['max-amount', 'not_met', oneOff],
      ['board', 'met', reasonKey(shared)],
      ['evidence', 'not_met', reasonKey(shared), ['e2']],
    ]
    expect(changedRules(before, after).sort()).toEqual(['evidence', 'max-amount'])
    expect(changedRules(before, before)).toEqual([])
  })
})
