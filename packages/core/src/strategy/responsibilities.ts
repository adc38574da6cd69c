import type { Source } from '../shared/index.js'
import { norrmalm, rinkebyKista } from './sources.js'
import type { ResponsibilityRole, ResponsibilityTarget } from './schemas.js'

/**
 * Who owns or contributes to what, as the sources describe it. The title and level of
 * each responsibility are derived from its actor and target when the data is built
 * (see `index.ts`), so they cannot drift apart.
 *
 * Some measures have no owner in the sources; `unownedMeasures()` shows
 * that gap rather than the data papering over it.
 */
export interface ResponsibilityEntry {
  readonly actorId: string
  readonly role: ResponsibilityRole
  readonly target: ResponsibilityTarget
  readonly description: { readonly sv: string; readonly en: string }
  readonly source: Source
}

const M = (id: ResponsibilityTarget['id']) => ({ kind: 'measure', id }) as ResponsibilityTarget
const G = (id: ResponsibilityTarget['id']) => ({ kind: 'guideline', id }) as ResponsibilityTarget
const D = (id: ResponsibilityTarget['id']) => ({ kind: 'directive-point', id }) as ResponsibilityTarget

const split = norrmalm('Ärendet: delstrategins ansvarsfördelning')
const measures = norrmalm('Ärendet: delstrategins nya åtgärder')
const perspectives = norrmalm('Ärendet: socialnämndens delstrategi, fyra perspektiv')
const views = norrmalm('Förvaltningens synpunkter')
const point = (n: number) => rinkebyKista(`Reservation 2 (L), punkt ${n}`)

const r = (
  actorId: string,
  role: ResponsibilityRole,
  target: ResponsibilityTarget,
  sv: string,
  en: string,
  source: Source,
): ResponsibilityEntry => ({ actorId, role, target, description: { sv, en }, source })

export const responsibilityEntries: ResponsibilityEntry[] = [
  // Central: the City Executive Board and its office
  r(
    'kommunstyrelsen',
    'owns',
    M('M1'),
    'Stadsledningskontoret säkerställer stadsövergripande koordinering.',
    'The City Executive Office ensures city-wide coordination.',
    measures,
  ),
  r(
    'kommunstyrelsen',
    'owns',
    M('M9'),
    'Ett centralt nätverk för omvärldsbevakning.',
    'A central network for monitoring the field.',
    split,
  ),
  r(
    'kommunstyrelsen',
    'contributes',
    G('G3'),
    'Samverkan med polismyndigheten sker också genom Stadsledningskontoret.',
    'Cooperation with the police also runs through the City Executive Office.',
    split,
  ),
  r(
    'kommunstyrelsen',
    'contributes',
    M('M7'),
    'Samverkan med Säkerhetspolisen och den nationella samordnaren sker genom Stadsledningskontoret.',
    'Cooperation with the Security Service and the national coordinator runs through the City Executive Office.',
    split,
  ),
  r(
    'kommunstyrelsen',
    'owns',
    D('D2'),
    'Kommunstyrelsen tydliggör processen för revidering och redovisar en samlad lägesbild för staden.',
    'The Executive Board sets out the revision process and presents a combined situation picture for the city.',
    point(2),
  ),
  r(
    'kommunstyrelsen',
    'contributes',
    D('D3'),
    'En stadsövergripande utbildningsplan tas fram; den centrala samordnaren håller kontakt med forskningen.',
    'A city-wide training plan is being drawn up; the central coordinator keeps in touch with research.',
    point(3),
  ),
  r(
    'kommunstyrelsen',
    'contributes',
    D('D10'),
    'Stadsledningskontoret samverkar med Säkerhetspolisen, vars bedömningar ingår i hotbilden.',
    'The City Executive Office cooperates with the Security Service, whose assessments form part of the threat picture.',
    split,
  ),

  // Central: the Social Welfare Committee
  r(
    'socialnamnden',
    'owns',
    M('M3'),
    'Socialnämnden samordnar stadens sociala insatser, däribland anhörigstödet.',
    'The Social Welfare Committee coordinates the city’s social measures, support to relatives among them.',
    split,
  ),
  r(
    'socialnamnden',
    'contributes',
    D('D5'),
    'Socialnämnden anger hur den utvecklar uppsökande arbete, även på internet.',
    'The Social Welfare Committee states how it develops outreach work, online too.',
    point(5),
  ),

  // Central: the Education Committee
  r(
    'utbildningsnamnden',
    'contributes',
    G('G2'),
    'Kunskapsbank för lärare och arbete för källkritik i skolan.',
    'A knowledge bank for teachers and work on source criticism in schools.',
    point(6),
  ),
  r(
    'utbildningsnamnden',
    'contributes',
    D('D4'),
    'Alla skolor samverkar löpande med socialtjänst och polis med inarbetade rutiner.',
    'All schools cooperate continuously with social services and the police, with established routines.',
    point(6),
  ),
  r(
    'utbildningsnamnden',
    'contributes',
    D('D6'),
    'Skolornas del i informationen och samverkan kring radikaliserade individer.',
    'The schools’ part in information and cooperation around radicalised individuals.',
    point(6),
  ),

  // District committees
  r(
    'stadsdelsnamnd',
    'owns',
    D('D1'),
    'Den lokala handlingsplanen följer en central mall och tas fram i dialog med polisen.',
    'The local action plan follows a central template and is made in dialogue with the police.',
    point(1),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    D('D2'),
    'Handlingsplanen revideras årligen utifrån aktuell lokal lägesbild och följs upp i ordinarie uppföljning.',
    'The action plan is revised every year from a current local situation picture and followed up in ordinary follow-up.',
    point(2),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    D('D3'),
    'Varje nämnds handlingsplan visar hur kompetensutvecklingen åstadkoms.',
    'Each committee’s action plan shows how competence development is achieved.',
    point(3),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    D('D4'),
    'Rutiner för gemensam hantering kring radikaliserade individer med skola, socialtjänst och polis.',
    'Routines for joint handling of radicalised individuals with schools, social services and the police.',
    point(4),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    D('D5'),
    'Insatser för unga i riskzonen och deras familjer.',
    'Measures for young people at risk and their families.',
    point(5),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    D('D6'),
    'Information till invånarna om vart de kan vända sig vid oro.',
    'Information to residents on where to turn when worried.',
    point(6),
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    D('D7'),
    'Avhopparstöd inom sociala insatsgrupper, vid sidan av den stadsövergripande avhopparverksamheten.',
    'Exit support within social intervention groups, beside the city-wide exit programme.',
    point(7),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    D('D8'),
    'Utökad samverkan med civilsamhällets aktörer.',
    'Wider cooperation with civil society actors.',
    point(8),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    D('D9'),
    'Granskning och uppföljning av de lokala bidragen.',
    'Review and follow-up of local grants.',
    point(9),
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    D('D10'),
    'Handlingsplanen speglar den aktuella hotbedömningen.',
    'The action plan reflects the current threat assessment.',
    point(10),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    D('D11'),
    'Kopplingen till stadens program mot våld i nära relationer och hedersrelaterat våld och förtryck.',
    'The link to the city’s programme against violence in close relationships and honour-related violence and oppression.',
    point(11),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    D('D12'),
    'Konkreta åtgärder tillsammans med bostadsbolagen mot utanförskap.',
    'Concrete measures with the housing companies against exclusion.',
    point(12),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    M('M2'),
    'Utbildning av personal i alla stadsdelsförvaltningar, främst de som möter barn och unga.',
    'Training of staff in every district administration, first of all those who meet children and young people.',
    views,
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    M('M4'),
    'Lokal information och kommunikation med invånarna.',
    'Local information and communication with residents.',
    point(6),
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    M('M5'),
    'Lokalt samverkansavtal med polisen, med lokal problembild och handlingsplan.',
    'The local cooperation agreement with the police, with a local problem picture and action plan.',
    views,
  ),
  r(
    'stadsdelsnamnd',
    'owns',
    M('M11'),
    'Stöd till och samverkan med lokala föreningar, bland annat i det lokala trygghets- och säkerhetsrådet.',
    'Support to and cooperation with local associations, for example in the local safety council.',
    views,
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    M('M3'),
    'Socialtjänsten i stadsdelen ger stöd till familj och närstående.',
    'District social services support family and people close to the person.',
    perspectives,
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    M('M7'),
    'Samverkan med religiösa samfund och ideella föreningar inom befintliga strukturer.',
    'Cooperation with faith communities and voluntary associations within existing structures.',
    views,
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    M('M9'),
    'Den lokala nivån är en viktig informationskälla för Säkerhetspolisen.',
    'The local level is an important source of information for the Security Service.',
    split,
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    G('G1'),
    'Förebyggande arbete inom ordinarie verksamhet: förskola, skola, fält- och fritid, socialtjänst.',
    'Preventive work inside ordinary services: pre-school, school, field and leisure work, social services.',
    views,
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    G('G2'),
    'Utbildningsinsatser i alla stadsdelsförvaltningar.',
    'Training in every district administration.',
    views,
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    G('G3'),
    'Kontaktytor och samarbetsformer med kommunpolisen via de lokala samverkansavtalen.',
    'Contact points and forms of cooperation with the community police through the local cooperation agreements.',
    views,
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    G('G4'),
    'Avhopparstöd inom stadsdelens sociala insatser.',
    'Exit support within the district’s social measures.',
    point(7),
  ),
  r(
    'stadsdelsnamnd',
    'contributes',
    G('G5'),
    'Stöd till familj och närstående genom socialtjänsten.',
    'Support to family and people close to them through social services.',
    perspectives,
  ),

  // Housing companies
  r(
    'bostadsbolagen',
    'contributes',
    D('D12'),
    'Samverkan med nämnderna för integrering och mot utanförskap.',
    'Cooperation with the committees for integration and against exclusion.',
    point(12),
  ),
  r(
    'bostadsbolagen',
    'contributes',
    G('G4'),
    'Boende för den som lämnar en våldsbejakande miljö.',
    'Housing for people who leave a violent extremist environment.',
    perspectives,
  ),

  // Partners outside the city
  r(
    'polisen',
    'contributes',
    G('G3'),
    'Samverkan genom de lokala samverkansavtalen.',
    'Cooperation through the local cooperation agreements.',
    views,
  ),
  r(
    'polisen',
    'contributes',
    M('M5'),
    'Part i samverkansavtalen och den lokala problembilden.',
    'Party to the cooperation agreements and the local problem picture.',
    views,
  ),
  r(
    'polisen',
    'contributes',
    D('D1'),
    'Dialog med stadsdelen om läget i området.',
    'Dialogue with the district on the local situation.',
    point(1),
  ),
  r(
    'polisen',
    'contributes',
    D('D4'),
    'Rutiner för gemensam hantering kring radikaliserade individer.',
    'Routines for joint handling of radicalised individuals.',
    point(4),
  ),
  r('sakerhetspolisen', 'contributes', D('D4'), 'Tätare samarbete med staden.', 'Closer cooperation with the city.', point(4)),
  r(
    'sakerhetspolisen',
    'contributes',
    D('D10'),
    'Den nationella hotbedömningen, tillsammans med Nationellt centrum för terrorhotbedömning.',
    'The national threat assessment, together with the National Centre for Terrorist Threat Assessment.',
    point(10),
  ),
  r(
    'sakerhetspolisen',
    'contributes',
    M('M10'),
    'Samverkan om rekrytering via sociala medier.',
    'Cooperation on recruitment through social media.',
    measures,
  ),
  r(
    'nationell-samordnare',
    'contributes',
    M('M10'),
    'Samverkan om rekrytering via sociala medier.',
    'Cooperation on recruitment through social media.',
    measures,
  ),
  r(
    'nationell-samordnare',
    'contributes',
    M('M7'),
    'Samverkan med staden genom Stadsledningskontoret.',
    'Cooperation with the city through the City Executive Office.',
    split,
  ),
  r(
    'forsvarshogskolan',
    'contributes',
    D('D1'),
    'Expertis för en central mall för handlingsplanerna.',
    'Expertise for a central template for the action plans.',
    point(1),
  ),
  r(
    'forsvarshogskolan',
    'contributes',
    D('D3'),
    'Forskning och kunskapsstöd via den centrala samordnaren.',
    'Research and knowledge support through the central coordinator.',
    point(3),
  ),
  r(
    'civilsamhallet',
    'contributes',
    M('M11'),
    'Lokala föreningar når invånare som myndigheter inte når.',
    'Local associations reach residents whom authorities do not reach.',
    measures,
  ),
  r(
    'civilsamhallet',
    'contributes',
    M('M7'),
    'En resurs i förebyggande arbete och i akuta lägen.',
    'A resource in preventive work and in acute situations.',
    measures,
  ),
  r(
    'civilsamhallet',
    'contributes',
    D('D8'),
    'Trossamfund, idrottstränare och andra företrädare i grupper som arbetar med avradikalisering.',
    'Faith communities, sports coaches and other representatives in groups working on deradicalisation.',
    point(8),
  ),
]
