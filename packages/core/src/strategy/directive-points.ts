import { rinkebyKista } from './sources.js'
import type { DirectivePoint } from './schemas.js'

/**
 * The twelve points of the City Executive Board's June 2017 directive, as listed in
 * reservation 2 (L) (and reservation 1 (M)) to Rinkeby-Kista's §10 of 2017-09-21.
 * They are one party's account of the directive: a checklist a plan can be held
 * against, not the only one.
 */
const point = (n: number) => rinkebyKista(`Reservation 2 (L), punkt ${n}`)

export const directivePointData: DirectivePoint[] = [
  {
    id: 'D1',
    title: {
      sv: 'Kompetens från FHS och dialog med polisen',
      en: 'Competence from the Swedish Defence University and dialogue with the police',
    },
    description: {
      sv: 'De lokala handlingsplanerna ska följa en central mall utformad med Försvarshögskolans expertis, utgå från lokala förutsättningar och tas fram i dialog med polisen.',
      en: 'Local action plans shall follow a central template drawn up with the Swedish Defence University’s expertise, start from local conditions and be made in dialogue with the police.',
    },
    planMustShow: {
      sv: 'Att planen följer den centrala mallen, utgår från lokala förutsättningar och är framtagen i dialog med polisen om läget i stadsdelen.',
      en: 'That the plan follows the central template, starts from local conditions and was made in dialogue with the police on the district’s situation.',
    },
    source: point(1),
  },
  {
    id: 'D2',
    title: { sv: 'Stadsövergripande förhållningssätt och lägesbild', en: 'City-wide approach and situation picture' },
    description: {
      sv: 'Ett gemensamt förhållningssätt för hur nämnderna agerar när personer med våldsbejakande tendenser identifieras; en årlig lägesbild; planerna revideras årligen och följs upp i ordinarie uppföljning.',
      en: 'A common way for committees to act when people with violent extremist tendencies are identified; a yearly situation picture; plans revised every year and followed up in ordinary follow-up.',
    },
    planMustShow: {
      sv: 'Det gemensamma förhållningssättet, en aktuell lägesbild, årlig revidering och uppföljningsbara mål kopplade till riktlinjerna.',
      en: 'The common approach, a current situation picture, yearly revision and measurable goals tied to the guidelines.',
    },
    source: point(2),
  },
  {
    id: 'D3',
    title: { sv: 'Utbildning, kompetensutveckling och kunskapsstöd', en: 'Training, competence development and knowledge support' },
    description: {
      sv: 'Adekvat utbildning och kontinuerligt kunskapsstöd till medarbetare som möter människor som riskerar att radikaliseras, i hela organisationen och inte bara centralt.',
      en: 'Adequate training and continuous knowledge support for staff who meet people at risk of radicalisation, across the whole organisation and not only centrally.',
    },
    planMustShow: {
      sv: 'En plan för kompetensutveckling i hela organisationen och behovet av medarbetare med särskild expertis.',
      en: 'A competence development plan for the whole organisation and the need for staff with special expertise.',
    },
    source: point(3),
  },
  {
    id: 'D4',
    title: { sv: 'Stärkt samarbete och samverkan', en: 'Stronger cooperation' },
    description: {
      sv: 'Tätare samarbete mellan polis, Säkerhetspolisen, skola och socialtjänst, med informationsdelning så långt lagen medger.',
      en: 'Closer cooperation between the police, the Security Service, schools and social services, sharing information as far as the law allows.',
    },
    planMustShow: {
      sv: 'Hur skola och socialtjänst tillsammans med polisen tar fram rutiner för gemensam hantering kring radikaliserade individer.',
      en: 'How schools and social services, together with the police, set up routines for jointly handling radicalised individuals.',
    },
    source: point(4),
  },
  {
    id: 'D5',
    title: { sv: 'Förebyggande och uppsökande arbete mot radikalisering', en: 'Preventive and outreach work against radicalisation' },
    description: {
      sv: 'Vilka insatser som erbjuds unga som riskerar att dras in i extremistiska miljöer och deras familjer, och uppsökande arbete även på nätet.',
      en: 'Which measures are offered to young people at risk of being drawn into extremist environments and to their families, with outreach online too.',
    },
    planMustShow: {
      sv: 'De insatser som erbjuds unga i riskzonen och deras familjer, och hur uppsökande arbete bedrivs, även på internet.',
      en: 'The measures offered to young people at risk and their families, and how outreach is done, online as well.',
    },
    source: point(5),
  },
  {
    id: 'D6',
    title: { sv: 'Informationsinsatser till medborgarna', en: 'Information to residents' },
    description: {
      sv: 'Invånare ska veta vart de kan vända sig om de misstänker att någon i deras närhet håller på att radikaliseras.',
      en: 'Residents shall know where to turn if they suspect that someone close to them is being radicalised.',
    },
    planMustShow: {
      sv: 'Vilka informationsinsatser som riktas till invånarna om vart man vänder sig vid oro.',
      en: 'Which information efforts tell residents where to turn when they are worried.',
    },
    source: point(6),
  },
  {
    id: 'D7',
    title: { sv: 'Avhopparverksamhet', en: 'Exit work' },
    description: {
      sv: 'Stöd till radikaliserade personer som vill lämna den extrema miljön, av enheter med rätt kompetens.',
      en: 'Support for radicalised people who want to leave the extremist environment, by units with the right competence.',
    },
    planMustShow: {
      sv: 'Vilken enhet som erbjuder avhopparstöd och med vilken kompetens.',
      en: 'Which unit offers exit support and with what competence.',
    },
    source: point(7),
  },
  {
    id: 'D8',
    title: { sv: 'Teologiskt skolade och civilsamhällets aktörer', en: 'Theologically trained people and civil society' },
    description: {
      sv: 'Utökad samverkan med civilsamhället; grupper som arbetar med avradikalisering består av företrädare för myndigheter och andra aktörer, bland dem trossamfund och idrottstränare.',
      en: 'Wider cooperation with civil society; groups working on deradicalisation include representatives of authorities and other actors, among them faith communities and sports coaches.',
    },
    planMustShow: {
      sv: 'Hur nämnden konkret samverkar med civilsamhällets aktörer i arbetet mot våldsbejakande extremism.',
      en: 'How the committee concretely cooperates with civil society actors in the work against violent extremism.',
    },
    source: point(8),
  },
  {
    id: 'D9',
    title: { sv: 'Inga bidrag till odemokratiska organisationer', en: 'No grants to undemocratic organisations' },
    description: {
      sv: 'Inga ekonomiska bidrag från staden till aktörer som inte står bakom den demokratiska rättsstatens principer, de mänskliga rättigheterna och jämställdhet mellan kvinnor och män. Föreningar som uppmuntrar till eller möjliggör våldsbejakande extremism ska fråntas allt stöd. Bidrag följs upp och utvärderas av den bidragsgivande nämnden.',
      en: 'No financial support from the city to any actor that does not stand behind the principles of the democratic rule of law, human rights and equality between women and men. Associations that encourage or enable violent extremism lose all support. Grants are followed up and evaluated by the committee that granted them.',
    },
    planMustShow: {
      sv: 'Hur nämnden granskar sina lokala bidrag så att inga medel går till organisationer som inte vilar på demokratins grundvalar, och hur bidragen följs upp.',
      en: 'How the committee reviews its local grants so that no money goes to organisations that do not rest on the foundations of democracy, and how grants are followed up.',
    },
    source: point(9),
  },
  {
    id: 'D10',
    title: { sv: 'Hotbilden', en: 'The threat picture' },
    description: {
      sv: 'Planerna ska spegla den aktuella nationella hotbedömningen (2017: Nationellt centrum för terrorhotbedömning och Säkerhetspolisen).',
      en: 'Plans shall reflect the current national threat assessment (2017: the National Centre for Terrorist Threat Assessment and the Security Service).',
    },
    planMustShow: {
      sv: 'Att planen utgår från den aktuella, daterade och källhänvisade nationella hotbedömningen och vad den kräver av staden, med fokus på våldshandlingar och utan att peka ut grupper av invånare.',
      en: 'That the plan starts from the current, dated and sourced national threat assessment and what it asks of the city, focusing on violent acts and without singling out groups of residents.',
    },
    source: point(10),
  },
  {
    id: 'D11',
    title: { sv: 'Hedersrelaterat våld och förtryck', en: 'Honour-related violence and oppression' },
    description: {
      sv: 'Arbetet mot våldsbejakande extremism ska beakta kopplingen till stadens program mot våld i nära relationer och hedersrelaterat våld och förtryck.',
      en: 'The work against violent extremism shall take into account the link to the city’s programme against violence in close relationships and honour-related violence and oppression.',
    },
    planMustShow: {
      sv: 'Hur planen kopplar till stadens program mot våld i nära relationer och hedersrelaterat våld och förtryck.',
      en: 'How the plan links to the city’s programme against violence in close relationships and honour-related violence and oppression.',
    },
    source: point(11),
  },
  {
    id: 'D12',
    title: { sv: 'Samverkan med bostadsbolagen', en: 'Cooperation with the housing companies' },
    description: {
      sv: 'Nämnderna ska samverka med stadens bostadsbolag och lokala aktörer för att underlätta integrering och motverka utanförskap.',
      en: 'Committees shall cooperate with the city’s housing companies and local actors to ease integration and counter exclusion.',
    },
    planMustShow: {
      sv: 'Konkreta åtgärder tillsammans med bostadsbolagen och lokala aktörer mot utanförskap.',
      en: 'Concrete measures with the housing companies and local actors against exclusion.',
    },
    source: point(12),
  },
]
