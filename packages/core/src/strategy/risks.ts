import { norrmalm } from './sources.js'
import type { Risk } from './schemas.js'

const section = 'Ärendet: delstrategins riskperspektiv'

export const riskData: Risk[] = [
  {
    id: 'R1',
    title: { sv: 'Värna mänskliga och demokratiska rättigheter', en: 'Protect human and democratic rights' },
    description: {
      sv: 'Arbetet mot våldsbejakande extremism kan inkräkta på grundläggande fri- och rättigheter.',
      en: 'Work against violent extremism can encroach on fundamental rights and freedoms.',
    },
    demands: {
      sv: 'Fokus ska ligga på våldshandlingen och inte handla om att styra eller kontrollera åsikts- och yttrandefriheten.',
      en: 'Focus on the violent act; never steer or control freedom of opinion and expression.',
    },
    source: norrmalm(section),
  },
  {
    id: 'R2',
    title: { sv: 'Social oro', en: 'Social unrest' },
    description: {
      sv: 'Frågan kan skapa eller förstärka social oro i staden.',
      en: 'The issue can create or deepen social unrest in the city.',
    },
    demands: {
      sv: 'Omvärldsbevakning och proaktiva insatser som motverkar social oro.',
      en: 'Monitoring and proactive measures that counter social unrest.',
    },
    source: norrmalm(section),
  },
  {
    id: 'R3',
    title: { sv: 'Risk att grupper stigmatiseras', en: 'Stigmatisation of groups' },
    description: {
      sv: 'Förebyggande arbete kan leda till att invånare stigmatiseras, till exempel att religiösa grupper kopplas till våldsbejakande extremism.',
      en: 'Preventive work can stigmatise residents, for example by linking religious groups to violent extremism.',
    },
    demands: {
      sv: 'Förebyggande arbete får inte stigmatisera invånare; stadens sätt att kommunicera frågan har en viktig roll.',
      en: 'Preventive work must not stigmatise residents; how the city communicates about the issue matters.',
    },
    source: norrmalm(section),
  },
  {
    id: 'R4',
    title: { sv: 'Risk att undergräva myndigheters legitimitet', en: 'Undermining the legitimacy of public authorities' },
    description: {
      sv: 'Otydligt ansvar och bristande öppenhet kan undergräva förtroendet för myndigheterna.',
      en: 'Unclear responsibilities and a lack of openness can undermine trust in public authorities.',
    },
    demands: {
      sv: 'Ansvarsfördelning och befogenheter ska vara tydliga och följas; transparens i arbetet är viktig för trovärdigheten.',
      en: 'Responsibilities and powers must be clear and followed; transparency is essential for credibility.',
    },
    source: norrmalm(section),
  },
  {
    id: 'R5',
    title: { sv: 'Risk för kontraproduktivitet', en: 'Counter-productivity' },
    description: {
      sv: 'Arbetssätt kan vara felaktiga eller motverka sitt syfte.',
      en: 'Methods can be wrong or work against their own purpose.',
    },
    demands: {
      sv: 'Arbetssätt måste kvalitetssäkras, följas upp och utvärderas.',
      en: 'Methods must be quality-assured, followed up and evaluated.',
    },
    source: norrmalm(section),
  },
]
