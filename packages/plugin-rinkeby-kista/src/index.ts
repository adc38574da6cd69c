/**
 * `@vbe/plugin-rinkeby-kista`: Rinkeby-Kista's local contacts, its association grant
 * programme and its plan sections.
 *
 * Real data only. Every contact has a public source URL and the date it was checked;
 * where a fact could not be sourced it is left out rather than guessed.
 */
import { defineDistrictPlugin, type DistrictPlugin } from '@vbe/core/plugins'

const GRANT_PAGE = 'https://foreningsservice.stockholm/stod-till-foreningar-och-kulturaktorer/lokalt-stod/foreningsstod-i-rinkeby-kista/'
const JARVA_GRANT_PAGE = 'https://foreningsservice.stockholm/stod-till-foreningar-och-kulturaktorer/lokalt-stod/foreningsstod-i-jarva/'
const MERGER_NEWS = 'https://www.nyhetsbyranjarva.se/stadsdelarna-spanga-tensta-och-rinkeby-kista-ar-nu-stadsdelen-jarva/'
const CITY_MERGER_PAGE =
  'https://start.stockholm/om-stockholms-stad/politik-och-demokrati/namnder-och-bolagsstyrelser/stadsdelsnamnder/spanga-tensta/'
const seed = (section: string) => ({ document: 'rinkeby-kista-protokoll-2017-09-21-par10.txt' as const, section, date: '2017-09-21' })

export const rinkebyKista: DistrictPlugin = defineDistrictPlugin({
  id: 'rinkeby-kista',
  name: { sv: 'Rinkeby-Kista', en: 'Rinkeby-Kista' },
  notice: {
    sv: 'Den 1 juli 2023 slogs stadsdelarna Rinkeby-Kista och Spånga-Tensta samman till stadsdelen Järva.',
    en: 'On 1 July 2023 the districts of Rinkeby-Kista and Spånga-Tensta were merged into the district of Järva.',
  },
  authority: {
    names: [
      {
        name: { sv: 'Rinkeby-Kista stadsdelsnämnd', en: 'Rinkeby-Kista District Committee' },
        to: '2023-06-30',
        caseNumberPrefix: 'RK',
        source: {
          title: 'Rinkeby-Kista stadsdelsnämnd, sammanträdesprotokoll 2017-09-21 § 10',
          reference: 'docs/sources/rinkeby-kista-protokoll-2017-09-21-par10.txt',
          date: '2017-09-21',
        },
        toVerify: {
          sv: 'Prefixet RK är inte belagt i källorna (protokollet 2017 använder formatet 1.2.1.-401-2017); bekräfta med registraturen.',
          en: 'The prefix RK is not attested in the sources (the 2017 minutes use the format 1.2.1.-401-2017); confirm with the registry.',
        },
      },
      {
        name: { sv: 'Järva stadsdelsnämnd', en: 'Järva District Committee' },
        from: '2023-07-01',
        caseNumberPrefix: 'JÄR',
        mentionFormerName: true,
        source: {
          title:
            'Spånga-Tensta stadsdelsnämnd: ny stadsdelsnämnd från 1 juli (kommunfullmäktiges beslut 24 april 2023 om sammanläggning till Järva)',
          reference: 'start.stockholm, stadens sida om stadsdelsnämnden (lagrad kopia); även Nyhetsbyrån Järva 2023-07-01',
          date: '2023-04-24',
          url: CITY_MERGER_PAGE,
        },
        toVerify: {
          sv: 'Diarieprefixet JÄR kommer från ärendebeskrivningen, inte från stadens egna handlingar; bekräfta med registraturen.',
          en: 'The case-number prefix JÄR comes from the issue description, not from the city’s own records; confirm with the registry.',
        },
      },
    ],
  },
  contacts: [
    {
      id: 'rinkeby-kista-district-administration',
      kind: 'municipal-entry',
      name: { sv: 'Järva stadsdelsförvaltning (tidigare Rinkeby-Kista)', en: 'Järva district administration (formerly Rinkeby-Kista)' },
      phone: '08-508 01 000',
      audience: {
        sv: 'Boende i Järva: Akalla, Husby, Kista, Rinkeby, Tensta med flera. Växeln kopplar vidare till socialtjänsten och stadsdelens samordnare.',
        en: 'Residents of Järva: Akalla, Husby, Kista, Rinkeby, Tensta and more. The switchboard puts you through to social services and the district’s coordinator.',
      },
      source: {
        url: MERGER_NEWS,
        verifiedOn: '2026-11-22',
        note: {
          sv: 'Växelnumret är återgivet av en lokal nyhetssida (juli 2023), kontrollerat mot en lagrad kopia. Bekräfta på stadens egen sida före publicering.',
          en: 'The switchboard number is reproduced by a local news site (July 2023), checked against a stored copy. Confirm on the city’s own page before publishing.',
        },
      },
    },
  ],
  grantProgrammes: [
    {
      id: 'rinkeby-kista/foreningsbidrag',
      name: { sv: 'Föreningsbidrag i Rinkeby-Kista', en: 'Association grant, Rinkeby-Kista' },
      description: {
        sv: 'Bidrag till ideella lokala föreningar i stadsdelsområdet. Söks en gång om året. Sedan sammanslagningen 2023 fördelas det av Järva stadsdelsförvaltning, fortfarande med högst 100 000 kronor per förening.',
        en: 'Grants to non-profit local associations in the district. Applied for once a year. Since the 2023 merger it is distributed by the Järva district administration, still at most 100,000 kronor per association.',
      },
      effective: { from: '2023-01-01' },
      parameters: { maxAmount: 100_000, minYearsOfActivity: 2 },
      requirements: [
        {
          id: 'organisation-number',
          text: {
            sv: 'Vara registrerad hos skattemyndigheten och ha organisationsnummer.',
            en: 'Be registered with the tax authority and have an organisation number.',
          },
        },
        {
          id: 'bank-account',
          text: {
            sv: 'Ha ett bankgiro eller plusgiro registrerat i föreningens namn.',
            en: 'Have a bankgiro or plusgiro account registered in the association’s name.',
          },
        },
        { id: 'statutes', text: { sv: 'Ha antagit stadgar på årsmöte.', en: 'Have adopted statutes at an annual meeting.' } },
        {
          id: 'democratic-election',
          text: {
            sv: 'Ha revisorer och styrelse som valts av medlemmarna enligt demokratiska principer.',
            en: 'Have auditors and a board elected by the members under democratic principles.',
          },
        },
        {
          id: 'two-years-activity',
          text: {
            sv: 'Ha en aktiv och dokumenterad verksamhet sedan minst två år tillbaka.',
            en: 'Have had active, documented activity for at least two years.',
          },
        },
        {
          id: 'democracy-condition',
          text: {
            sv: 'Uppfylla demokrativillkoret i enlighet med Stockholms stads riktlinjer.',
            en: 'Meet the democracy condition under the City of Stockholm’s guidelines.',
          },
        },
        {
          id: 'max-amount',
          text: { sv: 'Föreningar kan beviljas medel upp till 100 000 kronor.', en: 'Associations can be granted up to 100,000 kronor.' },
        },
      ],
      sources: [
        {
          level: 'district',
          title: 'Föreningsstöd i Rinkeby-Kista (ansökningsomgång 2023)',
          reference: 'foreningsservice.stockholm',
          date: '2023-03-17',
          url: GRANT_PAGE,
        },
        {
          level: 'district',
          title: 'Föreningsstöd i Järva',
          reference: 'foreningsservice.stockholm',
          date: '2023-11-01',
          url: JARVA_GRANT_PAGE,
        },
      ],
      appealRoute: 'legality-review',
      // What a grant letter sets as its conditions: the programme's published requirements that hold
      // for as long as the grant runs (the account, the democracy condition, democratic elections).
      conditions: {
        items: [
          {
            id: 'use',
            text: {
              sv: 'Bidraget får bara användas till den verksamhet som ansökan gäller.',
              en: 'The grant may only be used for the activity the application concerns.',
            },
          },
          {
            id: 'account',
            text: {
              sv: 'Bidraget betalas ut till föreningens bankgiro eller plusgiro, som ska vara registrerat i föreningens namn.',
              en: 'The grant is paid to the association’s bankgiro or plusgiro account, which must be registered in the association’s name.',
            },
          },
          {
            id: 'report',
            text: {
              sv: 'Föreningen ska redovisa hur bidraget har använts, på det sätt och inom den tid som Järva stadsdelsförvaltning anger.',
              en: 'The association must report how the grant was used, in the way and within the time the Järva district administration sets.',
            },
            withReportDue: {
              sv: 'Föreningen ska redovisa hur bidraget har använts senast {reportDue}.',
              en: 'The association must report how the grant was used no later than {reportDue}.',
            },
          },
          {
            id: 'democracy',
            text: {
              sv: 'Under hela tiden bidraget avser ska föreningen uppfylla demokrativillkoret i enlighet med Stockholms stads riktlinjer och ha en styrelse och revisorer som medlemmarna har valt enligt demokratiska principer. Om villkoren inte följs kan bidraget krävas tillbaka.',
              en: 'For the whole period the grant covers, the association must meet the democracy condition under the City of Stockholm’s guidelines and have a board and auditors elected by the members under democratic principles. If the conditions are not kept, the grant can be reclaimed.',
            },
          },
        ],
        source: { title: 'Föreningsstöd i Järva', reference: 'foreningsservice.stockholm', date: '2023-11-01', url: JARVA_GRANT_PAGE },
        verifiedOn: '2026-11-22',
        toVerify: {
          sv: 'Villkoren är hämtade ur programmets publicerade krav. Stäm av ordalydelsen mot förvaltningens egen mall för beslutsbrev.',
          en: 'The conditions are taken from the programme’s published requirements. Check the wording against the administration’s own decision-letter template.',
        },
      },
      url: JARVA_GRANT_PAGE,
      verifiedOn: '2026-11-22',
    },
  ],
  planSections: [
    {
      id: 'rinkeby-kista-effect-indicators',
      title: { sv: 'Indikatorer på effekt', en: 'Indicators of effect' },
      description: {
        sv: 'Reservationerna 2017 efterfrågade konkreta och uppföljningsbara indikatorer med avseende på effekt, inte genomförda aktiviteter.',
        en: 'The 2017 reservations asked for concrete, measurable indicators of effect, not of activities carried out.',
      },
      asks: {
        sv: 'Minst en effektindikator per riktlinje som planen arbetar mot, med utgångsvärde, målvärde och datakälla.',
        en: 'At least one effect indicator per guideline the plan works towards, with a baseline, a target and a data source.',
      },
      source: seed('Reservation 2 (L), inledning till de tolv punkterna'),
    },
    {
      id: 'rinkeby-kista-exit-unit',
      title: { sv: 'Avhopparstöd: enhet och kompetens', en: 'Exit support: unit and competence' },
      description: {
        sv: 'Reservationerna ifrågasatte om de sociala insatsgrupperna har rätt uppdrag och kompetens för avhopparverksamhet.',
        en: 'The reservations questioned whether the social intervention groups have the right mandate and competence for exit work.',
      },
      asks: {
        sv: 'Vilken enhet som ger avhopparstöd, med vilken kompetens, och hur den samverkar med den stadsövergripande avhopparverksamheten.',
        en: 'Which unit gives exit support, with what competence, and how it works with the city-wide exit programme.',
      },
      source: seed('Reservation 2 (L), punkt 7'),
    },
    {
      id: 'rinkeby-kista-directive-compliance',
      title: { sv: 'Hur planen uppfyller direktivet', en: 'How the plan meets the directive' },
      description: {
        sv: 'Handlingsplanen 2017 yrkades återremitterad för att den inte ansågs leva upp till kommunstyrelsens direktiv.',
        en: 'In 2017 a motion asked for the action plan to be sent back because it was not considered to meet the Executive Board’s directive.',
      },
      asks: {
        sv: 'För var och en av direktivets tolv punkter: var i planen den besvaras.',
        en: 'For each of the directive’s twelve points: where in the plan it is answered.',
      },
      source: seed('Reservation 2 (L), Återremiss'),
    },
  ],
})

export default rinkebyKista
export { rinkebyKistaTranslations } from './translations.js'
