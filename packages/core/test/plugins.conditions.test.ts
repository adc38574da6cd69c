import { describe, expect, it } from 'vitest'
import {
  DEFAULT_GRANT_CONDITIONS,
  defineDistrictPlugin,
  grantConditionsFor,
  grantConditionsSchema,
  grantConditionText,
  PluginValidationError,
  type DistrictPluginInput,
  type GrantConditions,
} from '@vbe/core/plugins'

type GrantProgrammeInput = NonNullable<DistrictPluginInput['grantProgrammes']>[number]

/* A programme's grant conditions as data: validated, with the city-wide defaults where a programme gives none. */

const source = { title: 'Riktlinjer för föreningsbidrag', reference: 'Stadsdelsnämnden', date: '2026-01-15' }
const conditions: GrantConditions = grantConditionsSchema.parse({
  items: [
    { id: 'use', text: { sv: 'Bidraget går till läxhjälpen.', en: 'The grant goes to the homework club.' } },
    {
      id: 'report',
      text: { sv: 'Redovisa när nämnden ber om det.', en: 'Report when the committee asks.' },
      withReportDue: { sv: 'Redovisa senast {reportDue}.', en: 'Report by {reportDue}.' },
    },
  ],
  source,
  verifiedOn: '2026-11-22',
})

const programme: GrantProgrammeInput = {
  id: 'testby/bidrag',
  name: { sv: 'Bidrag i Testby', en: 'Grant in Testby' },
  description: { sv: 'Ett bidrag.', en: 'A grant.' },
  effective: { from: '2026-01-01' },
  parameters: {},
  requirements: [],
  sources: [{ level: 'district', title: 'Riktlinjer', reference: 'Testby', date: '2026-01-15' }],
  verifiedOn: '2026-11-22',
}
const plugin = (extra: Partial<GrantProgrammeInput>) =>
  defineDistrictPlugin({ id: 'testby', name: { sv: 'Testby', en: 'Testby' }, grantProgrammes: [{ ...programme, ...extra }] })

describe('grant conditions', () => {
  it('a programme gives its own, and grantConditionsFor returns them', () => {
    const own = plugin({ conditions }).grantProgrammes[0]
    expect(grantConditionsFor(own?.conditions).map((c) => c.id)).toEqual(['use', 'report'])
  })

  it('a programme without conditions gets the city-wide defaults', () => {
    const plain = plugin({}).grantProgrammes[0]
    expect(plain?.conditions).toBeUndefined()
    expect(grantConditionsFor(plain?.conditions)).toBe(DEFAULT_GRANT_CONDITIONS)
    expect(grantConditionsFor(undefined).map((c) => c.id)).toEqual(['use', 'report', 'keep'])
    for (const c of DEFAULT_GRANT_CONDITIONS) expect(grantConditionsSchema.shape.items.element.parse(c)).toEqual(c)
  })

  it('words a condition in either language, with the report day where there is one', () => {
    const [use, report] = conditions.items
    expect(grantConditionText(report!, 'sv', '31 mars 2027')).toBe('Redovisa senast 31 mars 2027.')
    expect(grantConditionText(report!, 'en', '31 March 2027')).toBe('Report by 31 March 2027.')
    expect(grantConditionText(report!, 'sv', null)).toBe('Redovisa när nämnden ber om det.')
    expect(grantConditionText(use!, 'en', '31 March 2027')).toBe('The grant goes to the homework club.')
  })

  it('refuses a report text without the {reportDue} placeholder, naming the field', () => {
    const r = grantConditionsSchema.safeParse({
      items: [{ id: 'report', text: { sv: 'a', en: 'b' }, withReportDue: { sv: 'Redovisa senast {reportDue}.', en: 'Report soon.' } }],
      source,
      verifiedOn: '2026-11-22',
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual(['items', 0, 'withReportDue'])
    expect(r.error?.issues[0]?.message).toContain('conditions.reportDue')
  })

  it('refuses no conditions, a repeated id, a missing source or an untranslated text', () => {
    const bad = [
      { items: [], source, verifiedOn: '2026-11-22' },
      { items: [conditions.items[0], conditions.items[0]], source, verifiedOn: '2026-11-22' },
      { items: conditions.items },
      { items: [{ id: 'use', text: { sv: 'Bara svenska' } }], source, verifiedOn: '2026-11-22' },
    ]
    for (const b of bad) expect(grantConditionsSchema.safeParse(b).success).toBe(false)
    const duplicate = grantConditionsSchema.safeParse(bad[1])
    expect(duplicate.error?.issues[0]?.path).toEqual(['items', 1, 'id'])
  })

  it('a bad one in a plugin names the plugin and the field', () => {
    try {
      plugin({ conditions: { items: [], source, verifiedOn: '2026-11-22' } })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(PluginValidationError)
      expect((e as PluginValidationError).problems[0]?.path).toBe('grantProgrammes[0].conditions.items')
    }
  })
})
