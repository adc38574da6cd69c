import { describe, expect, it } from 'vitest'
import { authorityOn, composePlugins, districtPluginSchema, sharedContacts } from '@vbe/core/plugins'
import plugin, { rinkebyKista } from '../src/index.js'

describe('@vbe/plugin-rinkeby-kista', () => {
  it('is a valid district plugin, exported both ways', () => {
    expect(plugin).toBe(rinkebyKista)
    expect(districtPluginSchema.safeParse(plugin).success).toBe(true)
    expect(plugin.id).toBe('rinkeby-kista')
  })

  it('has the association grant programme with its published basics', () => {
    const programme = plugin.grantProgrammes.find((g) => g.id === 'rinkeby-kista/foreningsbidrag')
    expect(programme?.parameters).toEqual({ maxAmount: 100_000, minYearsOfActivity: 2 })
    expect(programme?.requirements.map((r) => r.id)).toEqual([
      'organisation-number',
      'bank-account',
      'statutes',
      'democratic-election',
      'two-years-activity',
      'democracy-condition',
      'max-amount',
    ])
    for (const s of programme?.sources ?? []) expect(s.url).toMatch(/^https:\/\/foreningsservice\.stockholm\//)
  })

  it('every contact has a public source URL and the date it was checked', () => {
    expect(plugin.contacts.length).toBeGreaterThan(0)
    for (const c of plugin.contacts) {
      expect(c.source.url).toMatch(/^https:\/\//)
      expect(c.source.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('says that the district has been merged into Järva', () => {
    expect(plugin.notice?.sv).toMatch(/Järva/)
    expect(plugin.notice?.en).toMatch(/Järva/)
  })

  it('plan sections cite the seed minutes', () => {
    for (const s of plugin.planSections) {
      expect('document' in s.source && s.source.document).toBe('rinkeby-kista-protokoll-2017-09-21-par10.txt')
    }
  })

  it('composes with core’s shared contacts without id clashes', () => {
    const all = composePlugins([plugin])
    const ids = [...all.contacts.map((c) => c.id), ...sharedContacts.map((c) => c.id)]
    expect(new Set(ids).size).toBe(ids.length)
    expect(all.programme('rinkeby-kista/foreningsbidrag')?.pluginId).toBe('rinkeby-kista')
  })
  it('names its issuing committee by date, with the former name after the merger, and marks what is unverified', () => {
    const authority = plugin.authority!
    expect(authorityOn(authority, '2023-06-30')?.name.sv).toBe('Rinkeby-Kista stadsdelsnämnd')
    const merged = authorityOn(authority, '2023-07-01')
    expect(merged?.name.sv).toBe('Järva stadsdelsnämnd')
    expect(merged?.formerName?.sv).toBe('Rinkeby-Kista stadsdelsnämnd')
    for (const n of authority.names) {
      expect(n.source.title.length).toBeGreaterThan(0)
      // Every prefix and every date not taken from the city's own decision says so.
      expect(n.toVerify?.sv).toMatch(/bekräfta/)
    }
  })
})
