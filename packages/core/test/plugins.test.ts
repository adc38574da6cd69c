import { describe, expect, it } from 'vitest'
import {
  composePlugins,
  defineDistrictPlugin,
  DuplicateIdError,
  PluginValidationError,
  sharedContacts,
  type DistrictPluginInput,
} from '@vbe/core/plugins'
import { thrownBy } from './helpers.js'

const validInput = (): DistrictPluginInput => ({
  id: 'testby',
  name: { sv: 'Testby', en: 'Testby' },
  contacts: [
    {
      id: 'testby-entry',
      kind: 'municipal-entry',
      name: { sv: 'Testby stadsdelsförvaltning', en: 'Testby district administration' },
      phone: '08-508 00 000',
      url: 'https://example.org/testby',
      hours: {
        summary: { sv: 'Vardagar 8–16', en: 'Weekdays 8–16' },
        weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '16:00' }],
        closedOnPublicHolidays: true,
      },
      audience: { sv: 'Alla som bor i Testby', en: 'Everyone living in Testby' },
      source: { url: 'https://example.org/testby/kontakt', verifiedOn: '2026-11-01' },
    },
  ],
  grantProgrammes: [
    {
      id: 'testby/foreningsbidrag',
      name: { sv: 'Föreningsbidrag', en: 'Association grant' },
      description: { sv: 'Bidrag', en: 'Grant' },
      effective: { from: '2026-01-01' },
      parameters: { maxAmount: 50_000, minYearsOfActivity: 1 },
      requirements: [{ id: 'org-nr', text: { sv: 'Organisationsnummer', en: 'Organisation number' } }],
      sources: [{ level: 'district', title: 'Riktlinjer', reference: 'Dnr 1', date: '2026-01-01' }],
      verifiedOn: '2026-11-01',
    },
  ],
  planSections: [
    {
      id: 'local-council',
      title: { sv: 'Trygghetsråd', en: 'Safety council' },
      description: { sv: 'Rådet', en: 'The council' },
      asks: { sv: 'Hur rådet används', en: 'How the council is used' },
      source: { document: 'norrmalm-remissvar-strategi-vbe-2015.txt', section: 'Förvaltningens synpunkter', date: '2015' },
    },
  ],
})

const errorOf = (fn: () => unknown): PluginValidationError => thrownBy(PluginValidationError, fn)

describe('defineDistrictPlugin', () => {
  it('returns a typed, frozen plugin with defaults for missing lists', () => {
    const plugin = defineDistrictPlugin(validInput())
    expect(plugin.id).toBe('testby')
    expect(plugin.contacts[0]?.kind).toBe('municipal-entry')
    expect(Object.isFrozen(plugin)).toBe(true)
    expect(Object.isFrozen(plugin.contacts[0])).toBe(true)
    const bare = defineDistrictPlugin({ id: 'bare', name: { sv: 'Bar', en: 'Bare' } })
    expect(bare.contacts).toEqual([])
    expect(bare.grantProgrammes).toEqual([])
    expect(bare.planSections).toEqual([])
  })

  it('names the plugin, the field path and the problem', () => {
    const input = validInput()
    ;(input.contacts![0] as { kind: string }).kind = 'hotline'
    const e = errorOf(() => defineDistrictPlugin(input))
    expect(e.pluginId).toBe('testby')
    expect(e.message).toContain('District plugin "testby" is invalid')
    expect(e.problems).toMatchObject([
      {
        path: 'contacts[0].kind',
        code: 'value.oneOfGot',
        params: { got: 'hotline' },
        message:
          'must be one of emergency, police, municipal-entry, social-services, relatives-support, exit-support, victim-support, other, got "hotline"',
      },
    ])
  })

  it('lists every problem at once', () => {
    const input = validInput() as Record<string, unknown> & DistrictPluginInput
    const contact = input.contacts![0] as Record<string, unknown>
    delete contact['source']
    contact['phone'] = 'call us!'
    ;(input.grantProgrammes![0] as { parameters: { maxAmount: number } }).parameters.maxAmount = -5
    const e = errorOf(() => defineDistrictPlugin(input))
    expect(e.problems.map((p) => p.path).sort()).toEqual([
      'contacts[0].phone',
      'contacts[0].source',
      'grantProgrammes[0].parameters.maxAmount',
    ])
    expect(e.message).toMatch(/contacts\[0\]\.phone: must be a phone number/)
  })

  it('requires every contact to have a public source URL and the date it was checked', () => {
    const input = validInput()
    const contact = input.contacts![0] as { source: { url: string; verifiedOn: string } }
    contact.source = { url: 'not a url', verifiedOn: '22/11/2026' }
    const e = errorOf(() => defineDistrictPlugin(input))
    expect(e.problems).toMatchObject([
      { path: 'contacts[0].source.url', message: 'must be a public http(s) URL' },
      { path: 'contacts[0].source.verifiedOn', message: 'must be a real date written YYYY-MM-DD, got "22/11/2026"' },
    ])
  })

  it('rejects a contact nobody can reach', () => {
    const input = validInput()
    const contact = input.contacts![0] as Record<string, unknown>
    delete contact['phone']
    delete contact['url']
    expect(errorOf(() => defineDistrictPlugin(input)).problems[0]).toMatchObject({
      path: 'contacts[0].phone',
      message: 'a contact needs a phone number or a url, or people cannot reach it',
    })
  })

  it('rejects hours without a schedule, and closing before opening', () => {
    const input = validInput()
    const contact = input.contacts![0] as { hours: unknown }
    contact.hours = { summary: { sv: 'Ibland', en: 'Sometimes' } }
    expect(errorOf(() => defineDistrictPlugin(input)).problems[0]?.message).toBe('give either alwaysOpen: true or a weekly schedule')
    contact.hours = { summary: { sv: 'x', en: 'x' }, weekly: [{ days: ['mon'], opens: '16:00', closes: '08:00' }] }
    expect(errorOf(() => defineDistrictPlugin(input)).problems[0]).toMatchObject({
      path: 'contacts[0].hours.weekly[0].closes',
      message: 'opens must be before closes',
    })
  })

  it('rejects duplicate ids inside a plugin', () => {
    const input = validInput()
    input.contacts = [input.contacts![0]!, { ...input.contacts![0]! }]
    expect(errorOf(() => defineDistrictPlugin(input)).problems).toMatchObject([
      { path: 'contacts[1].id', message: 'duplicate id "testby-entry" (also at contacts[0])' },
    ])
  })

  it('requires programme ids to start with the plugin id', () => {
    const input = validInput()
    ;(input.grantProgrammes![0] as { id: string }).id = 'elsewhere/foreningsbidrag'
    expect(errorOf(() => defineDistrictPlugin(input)).problems).toMatchObject([
      { path: 'grantProgrammes[0].id', message: 'programme id must start with the plugin id, "testby/"' },
    ])
  })

  it('says "(no id)" when the plugin has no usable id', () => {
    const e = errorOf(() => defineDistrictPlugin({ name: { sv: 'x', en: 'x' } } as unknown as DistrictPluginInput))
    expect(e.message).toContain('District plugin "(no id)" is invalid')
    expect(e.problems).toMatchObject([{ path: 'id', message: 'plugin id is missing' }])
  })

  it('rejects unknown fields, so a typo is not silently ignored', () => {
    const input = { ...validInput(), contcts: [] } as unknown as DistrictPluginInput
    expect(errorOf(() => defineDistrictPlugin(input)).problems).toEqual([
      { path: 'contcts', code: 'field.unknown', params: {}, message: 'unknown field' },
    ])
  })
})

describe('composePlugins', () => {
  const a = defineDistrictPlugin(validInput())

  it('gathers contacts, programmes and plan sections with the plugin they come from', () => {
    const b = defineDistrictPlugin({ id: 'other', name: { sv: 'Annan', en: 'Other' } })
    const all = composePlugins([a, b])
    expect(all.plugins.map((p) => p.id)).toEqual(['testby', 'other'])
    expect(all.contacts.map((c) => [c.id, c.pluginId])).toEqual([['testby-entry', 'testby']])
    expect(all.programme('testby/foreningsbidrag')?.parameters.maxAmount).toBe(50_000)
    expect(all.programme('nope/x')).toBeUndefined()
    expect(all.plugin('other').name.en).toBe('Other')
    expect(() => all.plugin('nope')).toThrow(/Unknown district plugin "nope". Known: testby, other/)
  })

  it('rejects two plugins with the same id', () => {
    expect(() => composePlugins([a, a])).toThrowError(DuplicateIdError)
    expect(() => composePlugins([a, a])).toThrow(/Duplicate plugin id "testby"/)
  })

  it('rejects a contact id used by two plugins', () => {
    const twin = defineDistrictPlugin({ ...validInput(), id: 'twin', grantProgrammes: [] })
    expect(() => composePlugins([a, twin])).toThrow('Duplicate contact id "testby-entry" in plugins "testby" and "twin"')
  })
})

describe('shared contacts in core', () => {
  it('holds 112 and the police’s 114 14, always open', () => {
    const byKind = (kind: string) => sharedContacts.filter((c) => c.kind === kind)
    expect(byKind('emergency').map((c) => c.phone)).toEqual(['112'])
    expect(byKind('police').map((c) => c.phone)).toEqual(['114 14'])
    for (const c of [...byKind('emergency'), ...byKind('police')]) expect(c.hours?.alwaysOpen).toBe(true)
  })

  it('every shared contact is sourced, dated and bilingual', () => {
    for (const c of sharedContacts) {
      expect(c.source.url).toMatch(/^https:\/\//)
      expect(c.source.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(c.name.sv && c.name.en && c.audience.sv && c.audience.en).toBeTruthy()
    }
  })
})
