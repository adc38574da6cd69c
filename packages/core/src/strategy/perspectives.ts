import { norrmalm } from './sources.js'
import type { Perspective } from './schemas.js'

const section = 'Ärendet: socialnämndens delstrategi, fyra perspektiv'

export const perspectiveData: Perspective[] = [
  {
    id: 'P1',
    title: { sv: 'Främjande', en: 'Promotive' },
    description: {
      sv: 'Ett Stockholm som håller samman, med jämlika levnadsvillkor för barn och unga i alla stadsdelar, är en grund för att inte dras till våldsbejakande miljöer. Perspektivet betonar strukturellt arbete med demokratiutveckling, antirasism och mänskliga rättigheter.',
      en: 'A Stockholm that holds together, with equal living conditions for children and young people in every district, is a basis for not being drawn to violent extremist environments. The perspective stresses structural work on democracy, anti-racism and human rights.',
    },
    source: norrmalm(section),
  },
  {
    id: 'P2',
    title: { sv: 'Förebyggande', en: 'Preventive' },
    description: {
      sv: 'Staden ska fokusera på de stadsdelsområden där våldsbejakande extremism fått fäste, agera tidigt vid misstanke om att personer deltar i våldsbejakande grupperingar och samverka för att fånga upp signaler om att unga befinner sig i riskzonen.',
      en: 'The city shall focus on the districts where violent extremism has taken hold, act early when it is suspected that someone takes part in violent extremist groups, and cooperate to catch signals that young people are at risk.',
    },
    source: norrmalm(section),
  },
  {
    id: 'P3',
    title: { sv: 'Anhörigstöd', en: 'Support to relatives' },
    description: {
      sv: 'Om en person blivit aktiv i en våldsbejakande extremistisk gruppering, eller rest utomlands för att strida, ska familj, vänner och närstående få stöd från socialtjänst och ideell sektor.',
      en: 'When someone has become active in a violent extremist group, or travelled abroad to fight, family, friends and people close to them shall get support from social services and the non-profit sector.',
    },
    source: norrmalm(section),
  },
  {
    id: 'P4',
    title: { sv: 'Efterperspektiv', en: 'After and exit' },
    description: {
      sv: 'När en person vill lämna våldsbejakande grupperingar, eller kommer hem från strider utomlands, behövs anpassade och inkluderande insatser: samverkan med socialpsykiatri, missbruksenheter, vårdcentraler och psykiatri, med försörjningsstöd, Jobbtorg och arbetsmarknadsförvaltningen, samt kring boende med bostadsbolagen.',
      en: 'When someone wants to leave violent extremist groups, or returns from fighting abroad, adapted and inclusive measures are needed: cooperation with social psychiatry, addiction units, health centres and psychiatry, with income support, Jobbtorg and the labour-market administration, and on housing with the housing companies.',
    },
    source: norrmalm(section),
  },
]
