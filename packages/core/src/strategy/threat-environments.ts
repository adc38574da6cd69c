import { rinkebyKista } from './sources.js'
import type { ThreatEnvironment } from './schemas.js'

/**
 * Reference data: the environments the Security Service named, as cited in
 * Rinkeby-Kista's minutes of 2017-09-21. Listed in alphabetical order of id and never
 * ranked, weighted or used by any rule (risks R1 and R3). A plan meets D10 by citing a
 * current, dated assessment, not by singling out a group of residents.
 */
const section = 'Reservation 2 (L), inledning'

export const threatEnvironmentData: ThreatEnvironment[] = [
  {
    id: 'autonomous-environment',
    title: { sv: 'Den autonoma miljön', en: 'The autonomous environment' },
    description: {
      sv: 'En av tre miljöer vars hot Säkerhetspolisen bedömer kan skada demokratin, enligt källan.',
      en: 'One of three environments whose threats the Security Service assesses can harm democracy, according to the source.',
    },
    namedBy: 'Säkerhetspolisen',
    asOf: '2017-09-21',
    source: rinkebyKista(section),
  },
  {
    id: 'violent-islamist-extremism',
    title: { sv: 'Våldsbejakande islamistisk extremism', en: 'Violent Islamist extremism' },
    description: {
      sv: 'En av tre miljöer vars hot Säkerhetspolisen bedömer kan skada demokratin, enligt källan.',
      en: 'One of three environments whose threats the Security Service assesses can harm democracy, according to the source.',
    },
    namedBy: 'Säkerhetspolisen',
    asOf: '2017-09-21',
    source: rinkebyKista(section),
  },
  {
    id: 'white-power-environment',
    title: { sv: 'Vit makt-miljön', en: 'The white power environment' },
    description: {
      sv: 'En av tre miljöer vars hot Säkerhetspolisen bedömer kan skada demokratin, enligt källan.',
      en: 'One of three environments whose threats the Security Service assesses can harm democracy, according to the source.',
    },
    namedBy: 'Säkerhetspolisen',
    asOf: '2017-09-21',
    source: rinkebyKista(section),
  },
]
