import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { DISTRICT_PLUGINS, districtName, districtPlugin, districtTemplates, installedPlugins } from '@vbe/districts'

describe('the installed districts', () => {
  it('are Norrmalm and Rinkeby-Kista, composed once for everyone', () => {
    expect(DISTRICT_PLUGINS).toEqual([norrmalm, rinkebyKista])
    expect(installedPlugins.plugins).toBe(DISTRICT_PLUGINS)
    expect(installedPlugins.grantProgrammes.map((p) => p.pluginId)).toContain('rinkeby-kista')
  })

  it("find a district's plugin and name it for people, in either language", () => {
    expect(districtPlugin('rinkeby-kista')).toBe(rinkebyKista)
    expect(districtPlugin('gotham')).toBeUndefined()
    expect(districtName('rinkeby-kista')).toBe(rinkebyKista.name.sv)
    expect(districtName('norrmalm', 'en')).toBe(norrmalm.name.en)
    // A district no plugin serves keeps its id: there is no name to show.
    expect(districtName('gotham', 'en')).toBe('gotham')
  })

  it("hold a district's plan against the city's templates and its plugin's own sections", () => {
    const ids = (district: string) => districtTemplates(district).map((t) => t.id)
    expect(ids('gotham')).toEqual(expect.arrayContaining(['strategy-2016', 'directive-2017']))
    expect(ids('rinkeby-kista').length).toBe(ids('gotham').length + 1)
  })

  it('import only the domain and the plugins, so that the browser bundles can import them', () => {
    const src = join(import.meta.dirname, '../src')
    const specifiers = readdirSync(src).flatMap((f) => [...readFileSync(join(src, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]))
    expect(specifiers.length).toBeGreaterThan(0)
    for (const s of specifiers) expect(s).toMatch(/^(@vbe\/core(\/[a-z]+)?|@vbe\/plugin-[a-z-]+|\.\/.+)$/)
  })
})
