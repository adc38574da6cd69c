import { norrmalm } from './sources.js'
import type { Guideline } from './schemas.js'

const section = 'Ärendet: de fem riktlinjerna i remissunderlaget'

export const guidelineData: Guideline[] = [
  {
    id: 'G1',
    title: { sv: 'Rekrytering till våldsbejakande extremism ska motarbetas', en: 'Recruitment to violent extremism shall be countered' },
    description: {
      sv: 'Staden ska motarbeta att personer rekryteras till våldsbejakande extremism, bland annat genom att ge alla barn och unga en bra uppväxt och minska utanförskapet som ger grogrund för extrema rörelser.',
      en: 'The city shall counter the recruitment of people to violent extremism, among other things by giving every child a good upbringing and reducing the exclusion that gives extremist movements a breeding ground.',
    },
    source: norrmalm(section),
  },
  {
    id: 'G2',
    title: {
      sv: 'Kunskap om våldsbejakande extremism ska öka i hela staden',
      en: 'Knowledge of violent extremism shall increase across the city',
    },
    description: {
      sv: 'Kunskapen om vad som leder till våldsbejakande extremism, hur tendenser upptäcks och hur det kan förebyggas ska öka i alla stadens verksamheter, även där frågan i dag inte är aktuell.',
      en: 'Knowledge of what leads to violent extremism, how tendencies are noticed and how it can be prevented shall increase in all of the city’s services, including where the question is not pressing today.',
    },
    source: norrmalm(section),
  },
  {
    id: 'G3',
    title: { sv: 'Staden ska utveckla samarbete med polisen', en: 'The city shall develop its cooperation with the police' },
    description: {
      sv: 'Samarbetet med polisen ska utvecklas, gärna inom ramen för de lokala samverkansavtalen mellan stadsdelsförvaltning och kommunpolis.',
      en: 'Cooperation with the police shall be developed, preferably within the local cooperation agreements between each district administration and its community police.',
    },
    source: norrmalm(section),
  },
  {
    id: 'G4',
    title: {
      sv: 'Stöd ska ges för att hoppa av och långvarigt lämna destruktiva miljöer',
      en: 'Support shall be given to leave destructive environments for good',
    },
    description: {
      sv: 'Den som vill lämna en våldsbejakande extremistisk miljö ska få stöd att hoppa av och att stanna utanför miljön på lång sikt.',
      en: 'Anyone who wants to leave a violent extremist environment shall get support to leave it and to stay out of it in the long term.',
    },
    source: norrmalm(section),
  },
  {
    id: 'G5',
    title: { sv: 'Drabbade av extremism ska få stöd och trygghet', en: 'Those affected by extremism shall get support and safety' },
    description: {
      sv: 'Personer som drabbas av våldsbejakande extremism ska få stöd och känna trygghet.',
      en: 'People who are affected by violent extremism shall get support and feel safe.',
    },
    source: norrmalm(section),
  },
]
