import { composePlugins, defineDistrictPlugin, type DistrictPlugin } from '@vbe/core/plugins'
import { exampleApplication, type ApplicationInput } from '@vbe/core/grants'

/**
 * Core may not depend on the district plugins (they depend on core), so the tests use
 * a copy of the Rinkeby-Kista programme's rules: the same id, parameters (at most
 * 100 000 kr, at least 2 years of activity) and effective date as
 * packages/plugin-rinkeby-kista. The CLI tests screen with the real plugin.
 */
export const rinkebyKistaFixture: DistrictPlugin = defineDistrictPlugin({
  id: 'rinkeby-kista',
  name: { sv: 'Rinkeby-Kista', en: 'Rinkeby-Kista' },
  grantProgrammes: [
    {
      id: 'rinkeby-kista/foreningsbidrag',
      name: { sv: 'Föreningsbidrag i Rinkeby-Kista', en: 'Association grant, Rinkeby-Kista' },
      description: { sv: 'Bidrag till ideella lokala föreningar.', en: 'Grants to local non-profit associations.' },
      effective: { from: '2023-01-01' },
      parameters: { maxAmount: 100_000, minYearsOfActivity: 2 },
      requirements: [],
      sources: [
        {
          level: 'district',
          title: 'Föreningsstöd i Rinkeby-Kista (ansökningsomgång 2023)',
          reference: 'foreningsservice.stockholm',
          date: '2023-03-17',
          url: 'https://foreningsservice.stockholm/stod-till-foreningar-och-kulturaktorer/lokalt-stod/foreningsstod-i-rinkeby-kista/',
        },
      ],
      verifiedOn: '2026-11-22',
    },
  ],
})

/**
 * A made-up second district: a programme that ends, with a lower maximum, one year of
 * activity and its own appeal text; and an older programme without parameters, in force
 * since 2015 so that the city-wide rules' effective dates can be tested.
 */
export const testbyFixture: DistrictPlugin = defineDistrictPlugin({
  id: 'testby',
  name: { sv: 'Testby', en: 'Testby' },
  grantProgrammes: [
    {
      id: 'testby/aktivitetsbidrag',
      name: { sv: 'Aktivitetsbidrag', en: 'Activity grant' },
      description: { sv: 'Bidrag till aktiviteter.', en: 'Grants for activities.' },
      effective: { from: '2024-01-01', to: '2026-12-31' },
      parameters: { maxAmount: 20_000, minYearsOfActivity: 1 },
      requirements: [],
      sources: [{ level: 'district', title: 'Testbys riktlinjer för aktivitetsbidrag', reference: 'Dnr T-1', date: '2023-12-01' }],
      appeal: {
        sv: 'Testby: överklaga hos Testby stadsdelsnämnd inom tre veckor.',
        en: 'Testby: appeal to the Testby district committee within three weeks.',
      },
      verifiedOn: '2026-11-22',
    },
    {
      id: 'testby/utan-parametrar',
      name: { sv: 'Bidrag utan parametrar', en: 'Grant without parameters' },
      description: { sv: 'Inga belopps- eller åldersgränser.', en: 'No amount or age limits.' },
      effective: { from: '2015-01-01' },
      parameters: {},
      requirements: [],
      sources: [{ level: 'district', title: 'Testbys riktlinjer', reference: 'Dnr T-2', date: '2019-12-01' }],
      verifiedOn: '2026-11-22',
    },
  ],
})

export const PLUGINS: Record<string, DistrictPlugin> = { 'rinkeby-kista': rinkebyKistaFixture, testby: testbyFixture }

export const allPlugins = composePlugins([rinkebyKistaFixture, testbyFixture])

/** The example from the issue, which meets every rule on 2026-11-22; tests add its evidence. */
export const baseApplication = (): ApplicationInput => exampleApplication()
