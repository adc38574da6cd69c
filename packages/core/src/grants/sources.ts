import type { GrantSource } from '../plugins/index.js'

/**
 * The legal and administrative sources the city-wide grant rules and the decision
 * texts rest on. Each is a real document; document numbers are given only where the
 * document itself gives them.
 */

/** Förvaltningslagen 32 §: a decision that may affect someone's situation must state its reasons. */
export const FORVALTNINGSLAGEN_32: GrantSource = Object.freeze({
  level: 'law',
  title: 'Förvaltningslagen (2017:900) 32 § – motivering av beslut',
  reference: 'SFS 2017:900, 32 §',
  date: '2017-09-28',
})

/** Kommunallagen 13 kap.: legality review (laglighetsprövning) of municipal decisions. */
export const KOMMUNALLAGEN_13: GrantSource = Object.freeze({
  level: 'law',
  title: 'Kommunallagen (2017:725) 13 kap. – laglighetsprövning',
  reference: 'SFS 2017:725, 13 kap.',
  date: '2017-06-21',
})

/** The City Council's guidelines on the city's work against violent extremism. */
export const COUNCIL_GUIDELINES_2016: GrantSource = Object.freeze({
  level: 'council',
  title:
    'Stadens arbete mot våldsbejakande extremism – Riktlinjer till Stockholms stads trygghets- och säkerhetsprogram (antagna av kommunfullmäktige 2016-05-16)',
  reference: 'Dnr 155-943/2015',
  date: '2016-05-16',
})

/** The democracy condition (directive point D9) as recorded in the Rinkeby-Kista minutes. */
export const RINKEBY_KISTA_D9: GrantSource = Object.freeze({
  level: 'district',
  title: 'Rinkeby-Kista stadsdelsnämnd, protokoll 2017-09-21 §10, reservation 2 (L) punkt 9 – demokrativillkor för föreningsbidrag',
  reference: 'Dnr 1.2.1.-401-2017',
  date: '2017-09-21',
})

/**
 * The sports administration's general grant conditions. The page states no date of its
 * own; `date` is the day the page was checked (2026-11-22), against a stored copy.
 */
export const IDROTT_GENERAL_CONDITIONS: GrantSource = Object.freeze({
  level: 'committee',
  title:
    'Idrottsförvaltningen: Allmänna förutsättningar för idrottsförvaltningens stöd – ”Förening som uppmuntrar till, eller stödjer, våldsbejakande extremism ska fråntas allt stöd i den mån de har sådant.” (sidan saknar datum; kontrollerad 2026-11-22)',
  reference: 'foreningsservice.stockholm',
  date: '2026-11-22',
  url: 'https://foreningsservice.stockholm/stod-till-foreningar-och-kulturaktorer/generell-information/allmanna-forutsattningar-idrottsforvaltningens-stod/',
})

/** The sources of a decision letter: reasons (FL 32 §) and appeal (KL 13 kap.). */
export const DECISION_SOURCES: readonly GrantSource[] = Object.freeze([FORVALTNINGSLAGEN_32, KOMMUNALLAGEN_13])
