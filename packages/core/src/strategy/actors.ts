import { norrmalm, rinkebyKista } from './sources.js'
import type { Actor } from './schemas.js'

const split = 'Ärendet: delstrategins ansvarsfördelning'

export const actorData: Actor[] = [
  {
    id: 'kommunstyrelsen',
    kind: 'central-body',
    level: 'central',
    title: { sv: 'Kommunstyrelsen / Stadsledningskontoret', en: 'City Executive Board / City Executive Office' },
    description: {
      sv: 'Ansvarar för stadsövergripande koordinering, samverkan med polisen, Säkerhetspolisen och den nationella samordnaren, och ett centralt nätverk för omvärldsbevakning. Kommunstyrelsen gav nämnderna direktivet i juni 2017 och redovisar en samlad lägesbild för staden.',
      en: 'Responsible for city-wide coordination, cooperation with the police, the Security Service and the national coordinator, and a central network for monitoring. The Board issued the June 2017 directive to the committees and presents a combined situation picture for the city.',
    },
    source: norrmalm(split),
  },
  {
    id: 'socialnamnden',
    kind: 'central-body',
    level: 'central',
    title: { sv: 'Socialnämnden', en: 'Social Welfare Committee' },
    description: {
      sv: 'Samordnar stadens sociala insatser och har beslutat delstrategin med de fyra perspektiven, riskerna och de nya åtgärderna.',
      en: 'Coordinates the city’s social measures and adopted the sub-strategy with the four perspectives, the risks and the new measures.',
    },
    source: norrmalm(split),
  },
  {
    id: 'utbildningsnamnden',
    kind: 'central-body',
    level: 'central',
    title: { sv: 'Utbildningsnämnden', en: 'Education Committee' },
    description: {
      sv: 'Har centralt ansvar för skolorna: kunskapsbank för lärare, källkritik och rutiner för samverkan mellan skola, socialtjänst och polis.',
      en: 'Holds central responsibility for schools: a knowledge bank for teachers, source criticism, and routines for cooperation between schools, social services and the police.',
    },
    source: rinkebyKista('Reservation 2 (L), punkt 6'),
  },
  {
    id: 'stadsdelsnamnd',
    kind: 'district-committee',
    level: 'district',
    title: { sv: 'Stadsdelsnämnderna', en: 'District committees' },
    description: {
      sv: 'Tar fram och reviderar årligen den lokala handlingsplanen utifrån lokal lägesbild, bedriver förebyggande arbete inom ordinarie verksamhet, har lokalt samverkansavtal med polisen och lokalt trygghets- och säkerhetsråd, utbildar personal, stödjer lokala föreningar och beslutar om lokala bidrag.',
      en: 'Write the local action plan and revise it every year from the local situation picture, do preventive work inside ordinary services, hold the local cooperation agreement with the police and the local safety council, train staff, support local associations and decide on local grants.',
    },
    source: norrmalm('Förvaltningens synpunkter'),
  },
  {
    id: 'norrmalms-stadsdelsnamnd',
    kind: 'district-committee',
    level: 'district',
    title: { sv: 'Norrmalms stadsdelsnämnd', en: 'Norrmalm district committee' },
    description: {
      sv: 'Stadsdelsnämnd som 2015 lämnade remissvar på förslaget till strategi mot våldsbejakande extremism.',
      en: 'District committee that responded in 2015 to the consultation on the draft strategy against violent extremism.',
    },
    source: norrmalm('Sammanfattning'),
  },
  {
    id: 'rinkeby-kista-stadsdelsnamnd',
    kind: 'district-committee',
    level: 'district',
    title: { sv: 'Rinkeby-Kista stadsdelsnämnd', en: 'Rinkeby-Kista district committee' },
    description: {
      sv: 'Stadsdelsnämnd vars reviderade handlingsplan behandlades 2017-09-21 i samband med tertialrapport 2.',
      en: 'District committee whose revised action plan was dealt with on 2017-09-21 together with four-month report 2.',
    },
    source: rinkebyKista('§10 Beslut'),
  },
  {
    id: 'bostadsbolagen',
    kind: 'housing-company',
    level: 'company',
    title: { sv: 'Stadens bostadsbolag', en: 'The city’s housing companies' },
    description: {
      sv: 'Bidrar med boende för den som lämnar en våldsbejakande miljö och med samverkan mot utanförskap.',
      en: 'Contribute housing for people leaving a violent extremist environment and cooperation against exclusion.',
    },
    source: rinkebyKista('Reservation 2 (L), punkt 12'),
  },
  {
    id: 'polisen',
    kind: 'authority',
    level: 'partner',
    title: { sv: 'Polismyndigheten (kommunpolis)', en: 'The Swedish Police (community police)' },
    description: {
      sv: 'Samverkar med stadsdelsförvaltningarna genom lokala samverkansavtal med lokal problembild och handlingsplan.',
      en: 'Cooperates with the district administrations through local cooperation agreements with a local problem picture and action plan.',
    },
    source: norrmalm('Förvaltningens synpunkter'),
  },
  {
    id: 'sakerhetspolisen',
    kind: 'authority',
    level: 'partner',
    title: { sv: 'Säkerhetspolisen (Säpo)', en: 'The Swedish Security Service (Säpo)' },
    description: {
      sv: 'Samverkar med staden genom Stadsledningskontoret; den lokala nivån är en viktig informationskälla för Säkerhetspolisen.',
      en: 'Cooperates with the city through the City Executive Office; the local level is an important source of information for the Security Service.',
    },
    source: norrmalm(split),
  },
  {
    id: 'nationell-samordnare',
    kind: 'authority',
    level: 'partner',
    title: { sv: 'Nationella samordnaren mot våldsbejakande extremism', en: 'The national coordinator against violent extremism' },
    description: {
      sv: 'Den av regeringen utsedda nationella samordnaren, som staden samverkar med genom Stadsledningskontoret.',
      en: 'The national coordinator appointed by the government, with whom the city cooperates through the City Executive Office.',
    },
    source: norrmalm(split),
  },
  {
    id: 'forsvarshogskolan',
    kind: 'academia',
    level: 'partner',
    title: { sv: 'Försvarshögskolan (FHS)', en: 'The Swedish Defence University (FHS)' },
    description: {
      sv: 'Granskade stadsdelsnämndernas handlingsplaner inför kommunstyrelsens direktiv i juni 2017; den centrala samordnaren har regelbunden kontakt med FHS.',
      en: 'Reviewed the districts’ action plans before the Executive Board’s June 2017 directive; the central coordinator keeps regular contact with the university.',
    },
    source: rinkebyKista('Reservation 2 (L), punkt 1'),
  },
  {
    id: 'civilsamhallet',
    kind: 'civil-society',
    level: 'partner',
    title: { sv: 'Civilsamhället', en: 'Civil society' },
    description: {
      sv: 'Trossamfund, frivilligorganisationer, föreningar och idrottstränare, som kan nå invånare som myndigheter inte når.',
      en: 'Faith communities, voluntary organisations, associations and sports coaches, who can reach residents whom authorities do not reach.',
    },
    source: norrmalm('Ärendet: delstrategins nya åtgärder'),
  },
]
