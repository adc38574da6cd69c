import { describe, expect, it } from 'vitest'
import {
  authorityOn,
  authoritySchema,
  defineDistrictPlugin,
  formatCaseNumber,
  PluginValidationError,
  type AuthorityNameInput,
} from '@vbe/core/plugins'
import { appealFor, ADMINISTRATIVE_APPEAL, DEFAULT_APPEAL } from '@vbe/core/grants'

const source = { title: 'Beslut om stadsdelsnämndernas indelning', reference: 'Kommunfullmäktige' }
const old: AuthorityNameInput = { name: { sv: 'Gamla nämnden', en: 'Old Committee' }, to: '2024-12-31', caseNumberPrefix: 'GN', source }
const merged: AuthorityNameInput = {
  name: { sv: 'Nya nämnden', en: 'New Committee' },
  from: '2025-01-01',
  caseNumberPrefix: 'NN',
  mentionFormerName: true,
  source,
}
const authority = authoritySchema.parse({ names: [old, merged] })

describe('authorityOn', () => {
  it('chooses the name in force on the day, both ends of an interval included', () => {
    expect(authorityOn(authority, '2024-12-31')).toEqual({
      name: { sv: 'Gamla nämnden', en: 'Old Committee' },
      formerName: null,
      caseNumberPrefix: 'GN',
      caseNumberFormat: '{prefix} {year}/{number}',
    })
    expect(authorityOn(authority, '2025-01-01')?.name.sv).toBe('Nya nämnden')
    expect(authorityOn(authority, '2030-06-01')?.caseNumberPrefix).toBe('NN')
  })

  it('gives the former name only where the data says so', () => {
    expect(authorityOn(authority, '2026-11-22')?.formerName).toEqual({ sv: 'Gamla nämnden', en: 'Old Committee' })
    const quiet = authoritySchema.parse({ names: [old, { ...merged, mentionFormerName: false }] })
    expect(authorityOn(quiet, '2026-11-22')?.formerName).toBeNull()
  })

  it('is undefined on a day no name covers', () => {
    const late = authoritySchema.parse({ names: [{ ...merged, mentionFormerName: false }] })
    expect(authorityOn(late, '2024-06-01')).toBeUndefined()
  })
})

describe('the authority schema', () => {
  it('rejects overlapping or unordered intervals, naming the field', () => {
    const r = authoritySchema.safeParse({ names: [old, { ...merged, from: '2024-12-31' }] })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual(['names', 1, 'from'])
    const open = authoritySchema.safeParse({ names: [{ ...old, to: undefined }, merged] })
    expect(open.success).toBe(false)
  })

  it('rejects a case-number format without the sequence number', () => {
    const r = authoritySchema.safeParse({ names: [{ ...old, caseNumberFormat: '{prefix} {year}' }] })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual(['names', 0, 'caseNumberFormat'])
  })

  it('is part of a district plugin, and a bad one names the plugin', () => {
    const base = { id: 'testby', name: { sv: 'Testby', en: 'Testby' } }
    expect(defineDistrictPlugin({ ...base, authority: { names: [old, merged] } }).authority?.names).toHaveLength(2)
    expect(() => defineDistrictPlugin({ ...base, authority: { names: [] } })).toThrow(PluginValidationError)
  })
})

describe('formatCaseNumber', () => {
  it('fills the format', () => {
    expect(formatCaseNumber('{prefix} {year}/{number}', { prefix: 'JÄR', year: 2026, number: 123 })).toBe('JÄR 2026/123')
    expect(formatCaseNumber('{number}-{year}', { prefix: 'X', year: 2026, number: 7 })).toBe('7-2026')
  })
  it('refuses a number that is not a positive integer', () => {
    expect(() => formatCaseNumber('{number}', { prefix: 'X', year: 2026, number: 0 })).toThrow(RangeError)
  })
})

describe('appealFor', () => {
  it('is legality review unless the programme says otherwise, and a programme’s own text wins', () => {
    expect(appealFor(undefined)).toEqual({ route: 'legality-review', text: DEFAULT_APPEAL })
    expect(appealFor({ appealRoute: 'administrative-appeal' })).toEqual({ route: 'administrative-appeal', text: ADMINISTRATIVE_APPEAL })
    const own = { sv: 'Egen text.', en: 'Own text.' }
    expect(appealFor({ appealRoute: 'administrative-appeal', appeal: own }).text).toBe(own)
    expect(DEFAULT_APPEAL.sv).toContain('13 kap. kommunallagen')
    expect(ADMINISTRATIVE_APPEAL.sv).toContain('förvaltningsbesvär')
  })
})
