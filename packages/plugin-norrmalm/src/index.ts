/**
 * `@vbe/plugin-norrmalm`: Norrmalm's local contacts and plan sections.
 *
 * Real data only. Every contact has a public source URL and the date it was checked;
 * where a fact could not be sourced (a phone number, opening hours, a local grant
 * programme's rules) it is left out rather than guessed.
 */
import { defineDistrictPlugin, STORED_COPY_NOTE, type DistrictPlugin } from '@vbe/core/plugins'

const NORRA_INNERSTADEN = 'https://start.stockholm/om-stockholms-stad/organisation/stadsdelsforvaltningar/norra-innerstaden/'
const MERGER_NEWS = 'https://start.stockholm/aktuellt/nyheter/2023/04/ny-stadsdelsorganisation-norra-innerstaden/'
const seed = (section: string) => ({ document: 'norrmalm-remissvar-strategi-vbe-2015.txt' as const, section, date: '2015' })

export const norrmalm: DistrictPlugin = defineDistrictPlugin({
  id: 'norrmalm',
  name: { sv: 'Norrmalm', en: 'Norrmalm' },
  notice: {
    sv: 'Norrmalms stadsdelsförvaltning har slagits samman med Östermalms till Norra innerstadens stadsdelsförvaltning, som nu svarar för Norrmalm, Vasastaden och Skeppsholmen.',
    en: 'Norrmalm’s district administration has been merged with Östermalm’s into the Norra innerstaden district administration, which now serves Norrmalm, Vasastaden and Skeppsholmen.',
  },
  authority: {
    names: [
      {
        name: { sv: 'Norrmalms stadsdelsnämnd', en: 'Norrmalm District Committee' },
        to: '2023-06-30',
        caseNumberPrefix: 'NOR',
        source: {
          title: 'Norrmalms stadsdelsförvaltning, remissvar på Strategi mot våldsbejakande extremism',
          reference: 'docs/sources/norrmalm-remissvar-strategi-vbe-2015.txt',
        },
        toVerify: {
          sv: 'Prefixet NOR är inte belagt i källorna; bekräfta med registraturen. Sista dagen följer av stadens nyhet om sammanläggningen (se Norra innerstaden).',
          en: 'The prefix NOR is not attested in the sources; confirm with the registry. The last day follows from the city’s news item on the merger (see Norra innerstaden).',
        },
      },
      {
        name: { sv: 'Norra innerstadens stadsdelsnämnd', en: 'Norra innerstaden District Committee' },
        from: '2023-07-01',
        caseNumberPrefix: 'NIS',
        mentionFormerName: true,
        source: {
          title: 'Ny stadsdelsorganisation – Norra innerstaden (kommunfullmäktiges beslut 24 april 2023, gäller från 1 juli 2023)',
          reference: 'start.stockholm, stadens nyhet april 2023 (lagrad kopia)',
          date: '2023-04-24',
          url: MERGER_NEWS,
        },
        toVerify: {
          sv: 'Prefixet NIS är inte belagt i källorna; bekräfta med registraturen.',
          en: 'The prefix NIS is not attested in the sources; confirm with the registry.',
        },
      },
    ],
  },
  contacts: [
    {
      id: 'norrmalm-district-administration',
      kind: 'municipal-entry',
      name: { sv: 'Norra innerstadens stadsdelsförvaltning', en: 'Norra innerstaden district administration' },
      url: NORRA_INNERSTADEN,
      audience: {
        sv: 'Boende på Norrmalm, i Vasastaden och på Skeppsholmen. Förvaltningen ansvarar bland annat för individ- och familjeomsorgen.',
        en: 'Residents of Norrmalm, Vasastaden and Skeppsholmen. The administration is responsible for, among other things, individual and family care.',
      },
      source: { url: NORRA_INNERSTADEN, verifiedOn: '2026-11-22', note: STORED_COPY_NOTE },
    },
  ],
  grantProgrammes: [],
  planSections: [
    {
      id: 'norrmalm-single-entry-point',
      title: { sv: 'En ingång', en: 'One entry point' },
      description: {
        sv: 'Norrmalm efterfrågade en utpekad kontakt för stadsdelsförvaltningarna, både för akuta frågor och för generell kunskapshöjning.',
        en: 'Norrmalm asked for one named contact for the district administrations, both for acute questions and for raising general knowledge.',
      },
      asks: {
        sv: 'Vem som är stadsdelens kontaktpunkt i frågor om våldsbejakande extremism, och vilken central kontakt stadsdelen vänder sig till.',
        en: 'Who is the district’s contact point on violent extremism, and which central contact the district turns to.',
      },
      source: seed('Förvaltningens synpunkter'),
    },
    {
      id: 'norrmalm-existing-structures',
      title: { sv: 'Inom befintliga strukturer', en: 'Within existing structures' },
      description: {
        sv: 'Arbetet ska infogas i befintliga strukturer och inte bli ett eget parallellt system: samverkansöverenskommelsen mellan förskola, skola, fält- och fritid och socialtjänst, det lokala trygghets- och säkerhetsrådet och samverkansavtalet med polisen.',
        en: 'The work shall fit into existing structures rather than form a parallel system: the cooperation agreement between pre-school, school, field and leisure work and social services, the local safety council and the cooperation agreement with the police.',
      },
      asks: {
        sv: 'För varje aktivitet: vilken befintlig struktur den genomförs inom, eller varför en ny behövs.',
        en: 'For each activity: which existing structure it runs within, or why a new one is needed.',
      },
      source: seed('Förvaltningens synpunkter'),
    },
    {
      id: 'norrmalm-local-preparedness',
      title: { sv: 'Lokal beredskap och ansvar', en: 'Local preparedness and responsibility' },
      description: {
        sv: 'Vilken beredskap stadsdelen ska ha utifrån den lokala lägesbilden, och vilket ansvar som ligger på nämnden respektive de mest berörda verksamheterna.',
        en: 'What preparedness the district must have given its local situation picture, and which responsibility lies with the committee and which with the services most concerned.',
      },
      asks: {
        sv: 'Beredskapen utifrån lägesbilden och ansvarsfördelningen mellan nämnd och verksamheter.',
        en: 'The preparedness given the situation picture, and the split of responsibility between committee and services.',
      },
      source: seed('Förvaltningens synpunkter'),
    },
    {
      id: 'norrmalm-passing-on-knowledge',
      title: { sv: 'Att föra lokal kunskap vidare', en: 'Passing local knowledge on' },
      description: {
        sv: 'Hur och i vilka skeden den lokala kunskapen förmedlas till samverkanspartner som Säkerhetspolisen och den nationella samordnaren.',
        en: 'How and at which stages local knowledge is passed on to partners such as the Security Service and the national coordinator.',
      },
      asks: {
        sv: 'Rutinen för hur lokal kunskap förs vidare, till vem och när, inom ramen för sekretesslagstiftningen.',
        en: 'The routine for passing local knowledge on, to whom and when, within the limits of secrecy law.',
      },
      source: seed('Förvaltningens synpunkter'),
    },
  ],
})

export default norrmalm
export { norrmalmTranslations } from './translations.js'
