import { norrmalm } from './sources.js'
import type { Measure } from './schemas.js'

const section = 'Ärendet: delstrategins nya åtgärder'

export const measureData: Measure[] = [
  {
    id: 'M1',
    title: { sv: 'Säkerställa stadsövergripande koordinering', en: 'City-wide coordination' },
    description: {
      sv: 'Stadsledningskontoret ska säkerställa koordinering av arbetet i hela staden.',
      en: 'The City Executive Office shall ensure that the work is coordinated across the city.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M2',
    title: { sv: 'Utbildning av berörda tjänstemän och andra aktörer', en: 'Training of concerned officials and other actors' },
    description: {
      sv: 'En generell kunskapshöjning av berörda tjänstemän och aktörer i frågor om våldsbejakande extremism.',
      en: 'A general raising of knowledge about violent extremism among concerned officials and actors.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M3',
    title: { sv: 'Mobilisera stöd till anhöriga och berörda individer', en: 'Mobilise support to relatives and affected individuals' },
    description: {
      sv: 'Samordning, organisation och kommunikation kring anhörigstöd för ökad tydlighet och service till stadens invånare.',
      en: 'Coordination, organisation and communication of support to relatives, for clearer service to residents.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M4',
    title: { sv: 'Lokal information och kommunikation', en: 'Local information and communication with residents' },
    description: {
      sv: 'Tydlig och saklig information och kommunikation mellan staden och invånarna.',
      en: 'Clear and factual information and communication between the city and its residents.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M5',
    title: { sv: 'Utveckla samverkan och samverkansöverenskommelser', en: 'Develop cooperation and cooperation agreements' },
    description: {
      sv: 'Fungerande samverkan med tydlig ansvarsfördelning och information om vem som gör vad, eventuellt kopplad till samverkansavtalen med polisen.',
      en: 'Working cooperation with clear responsibilities and information on who does what, possibly linked to the cooperation agreements with the police.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M6',
    title: { sv: 'Stöd till verksamheterna i deras yrkesutövande', en: 'Support to the city’s services in their professional practice' },
    description: {
      sv: 'Varje berörd verksamhet behöver få klarhet i sitt ansvar och vid behov stöd för att kunna motsvara förväntningarna.',
      en: 'Each concerned service needs clarity about its responsibility and, where needed, support to meet expectations.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M7',
    title: { sv: 'Samarbete med andra myndigheter och civilsamhället', en: 'Cooperation with other authorities and civil society' },
    description: {
      sv: 'Andra myndigheter och civilsamhället kan vara en resurs både i det förebyggande arbetet och i akuta lägen.',
      en: 'Other authorities and civil society can be a resource both in preventive work and in acute situations.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M8',
    title: { sv: 'Internationellt samarbete och erfarenhetsutbyte', en: 'International cooperation and exchange' },
    description: {
      sv: 'Andra länder och städer inom EU som arbetat längre med frågan kan bidra med värdefull erfarenhet.',
      en: 'Other EU countries and cities that have worked on the issue longer can contribute valuable experience.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M9',
    title: { sv: 'Omvärldsbevaka sakområdet', en: 'Monitoring the field' },
    description: {
      sv: 'Händelseutvecklingen är snabb, så staden behöver en aktiv omvärldsbevakning.',
      en: 'Events move fast, so the city needs active monitoring of the field.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M10',
    title: { sv: 'Media och sociala medier', en: 'Media and social media' },
    description: {
      sv: 'En stor del av rekryteringen sker via sociala medier; kunskap genom omvärldsbevakning och samverkan med den nationella samordnaren, polisen och Säpo behövs.',
      en: 'Much recruitment happens through social media; knowledge through monitoring, and cooperation with the national coordinator, the police and the Security Service, are needed.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M11',
    title: { sv: 'Stöd till föreningar och andra aktörer lokalt', en: 'Support to local associations and actors' },
    description: {
      sv: 'Lokala föreningar ska stödjas och involveras, eftersom de når invånare som myndigheter inte når.',
      en: 'Local associations shall be supported and involved, because they reach residents whom authorities do not reach.',
    },
    source: norrmalm(section),
  },
  {
    id: 'M12',
    title: { sv: 'Metodutveckling av det förebyggande arbetet', en: 'Method development of preventive work' },
    description: {
      sv: 'Metodutvecklingen behöver befästas och implementeras.',
      en: 'Method development needs to be consolidated and put into practice.',
    },
    source: norrmalm(section),
  },
]
