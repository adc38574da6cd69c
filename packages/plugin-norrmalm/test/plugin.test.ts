import { describe, expect, it } from 'vitest'
import { authorityOn, composePlugins, defineDistrictPlugin, districtPluginSchema } from '@vbe/core/plugins'
import plugin, { norrmalm } from '../src/index.js'

describe('@vbe/plugin-norrmalm', () => {
  it('is a valid district plugin, exported both ways', () => {
    expect(plugin).toBe(norrmalm)
    expect(districtPluginSchema.safeParse(plugin).success).toBe(true)
    expect(plugin.id).toBe('norrmalm')
  })

  it('has a municipal entry point with a public source and a check date', () => {
    const entry = plugin.contacts.filter((c) => c.kind === 'municipal-entry')
    expect(entry).toHaveLength(1)
    expect(entry[0]?.source.url).toMatch(/^https:\/\/start\.stockholm\//)
    expect(entry[0]?.source.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('invents no grant programme it could not source', () => {
    expect(plugin.grantProgrammes).toEqual([])
  })

  it('turns Norrmalm’s demands into plan sections sourced to its consultation response', () => {
    expect(plugin.planSections.map((s) => s.id)).toEqual([
      'norrmalm-single-entry-point',
      'norrmalm-existing-structures',
      'norrmalm-local-preparedness',
      'norrmalm-passing-on-knowledge',
    ])
    for (const s of plugin.planSections) {
      expect('document' in s.source && s.source.document).toBe('norrmalm-remissvar-strategi-vbe-2015.txt')
    }
  })

  it('composes with another district plugin, and a second copy of itself is rejected', () => {
    const other = defineDistrictPlugin({ id: 'other', name: { sv: 'Annan', en: 'Other' } })
    const all = composePlugins([plugin, other])
    expect(all.plugins.map((p) => p.id)).toEqual(['norrmalm', 'other'])
    expect(all.planSections.length).toBe(plugin.planSections.length)
    expect(() => composePlugins([plugin, plugin])).toThrow(/Duplicate plugin id "norrmalm"/)
  })
  it('names its issuing committee by date, with the former name after the merger, and marks what is unverified', () => {
    const authority = plugin.authority!
    expect(authorityOn(authority, '2023-06-30')?.name.sv).toBe('Norrmalms stadsdelsnämnd')
    const merged = authorityOn(authority, '2023-07-01')
    expect(merged?.name.sv).toBe('Norra innerstadens stadsdelsnämnd')
    expect(merged?.formerName?.sv).toBe('Norrmalms stadsdelsnämnd')
    for (const n of authority.names) {
      expect(n.source.title.length).toBeGreaterThan(0)
      // Every prefix and every date not taken from the city's own decision says so.
      expect(n.toVerify?.sv).toMatch(/bekräfta/)
    }
  })
})
