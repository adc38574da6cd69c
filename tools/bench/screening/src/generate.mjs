// @ts-check
/**
 * Realistic synthetic grant applications from a seeded PRNG: the same seed always gives
 * the same applications. Most are eligible; the rest fail formal requirements, have
 * overdue reports, ask for too much, or carry evidence under the democracy condition,
 * in proportions that give every outcome.
 */

/** @typedef {import('@vbe/core/grants').Application} Application */

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PLACES = ['Kista', 'Rinkeby', 'Husby', 'Akalla', 'Tensta', 'Järva', 'Hjulsta', 'Spånga', 'Bromsten', 'Sörgården']
const KINDS = [
  'Ungdomsförening',
  'Idrottsklubb',
  'Kulturförening',
  'Schackklubb',
  'Föräldraförening',
  'Fotbollsklubb',
  'Läxhjälpsförening',
  'Seniorförening',
  'Musikförening',
  'Boxningsklubb',
]
const CONDUCTS = /** @type {const} */ ([
  'violence',
  'threat',
  'coercion',
  'rights-violation',
  'encouraging-violence',
  'discrimination',
  'anti-democratic-activity',
  'enabling-violent-extremism',
])
const SOURCES = /** @type {const} */ (['court-judgment', 'police-report', 'authority-statement', 'media', 'own-observation', 'tip'])

const pad = (n, w = 2) => String(n).padStart(w, '0')

/**
 * @param {() => number} rnd
 * @param {number} n
 * @param {string} on the screening date the mix is aimed at, YYYY-MM-DD
 * @returns {Application}
 */
export function generateApplication(rnd, n, on) {
  const int = (min, max) => min + Math.floor(rnd() * (max - min + 1))
  const pick = (list) => list[Math.floor(rnd() * list.length)]
  const chance = (p) => rnd() < p
  const onYear = Number(on.slice(0, 4))
  const date = (fromYear, toYear) => `${int(fromYear, toYear)}-${pad(int(1, 12))}-${pad(int(1, 28))}`

  // A valid organisation number: 80 for non-profit associations, Luhn check digit.
  const digits = [8, 0, int(2, 9), int(0, 9), int(0, 9), int(0, 9), int(0, 9), int(0, 9), int(0, 9)]
  let sum = 0
  digits.forEach((d, i) => {
    const v = d * (i % 2 === 0 ? 2 : 1)
    sum += v > 9 ? v - 9 : v
  })
  const orgNr = `${digits.slice(0, 6).join('')}-${digits.slice(6).join('')}${(10 - (sum % 10)) % 10}`

  const young = chance(0.03)
  const activitySince = young ? date(onYear - 1, onYear - 1) : date(1975, onYear - 3)
  const amountRequested = chance(0.03) ? int(100_001, 160_000) : int(10, 200) * 500

  /** @type {Application['previousGrants']} */
  const previousGrants = []
  const grants = young ? 0 : int(0, 3)
  for (let g = 0; g < grants; g++) {
    const year = onYear - 1 - g
    const reportDue = `${year + 1}-03-31`
    const r = rnd()
    if (r < 0.92)
      previousGrants.push({
        year,
        amount: int(5, 100) * 1000,
        reportDue,
        reportSubmittedOn: `${year + 1}-${pad(int(1, 3))}-${pad(int(1, 28))}`,
      })
    else if (r < 0.98)
      previousGrants.push({
        year,
        amount: int(5, 100) * 1000,
        reportDue,
        reportSubmittedOn: `${year + 1}-${pad(int(4, 9))}-${pad(int(1, 28))}`,
      })
    else previousGrants.push({ year, amount: int(5, 100) * 1000, reportDue })
  }

  /** @type {Application['evidence']} */
  const evidence = []
  if (chance(0.12)) {
    const items = int(1, 2)
    for (let e = 0; e < items; e++) {
      const representative = chance(0.6)
      const verified = chance(0.35)
      /** @type {Application['evidence'][number]} */
      const item = {
        id: `e${e + 1}`,
        conduct: pick(CONDUCTS),
        actor: representative ? 'representative' : 'organisation',
        withinActivities: chance(0.8),
        verified,
        date: date(onYear - 3, onYear),
        source: {
          kind: verified ? pick(['court-judgment', 'authority-statement', 'police-report']) : pick(SOURCES),
          reference: `ref-${n}-${e}`,
        },
        summary: 'Uppgift registrerad av handläggare.',
      }
      if (representative) item.representativeAge = chance(0.1) ? int(15, 17) : int(18, 70)
      evidence.push(item)
    }
  }

  /** @type {Application} */
  const app = {
    id: `app-${onYear}-${pad(n, 7)}`,
    programme: 'rinkeby-kista/foreningsbidrag',
    amountRequested,
    association: {
      name: `${pick(PLACES)} ${pick(KINDS)}`,
      organisationNumber: orgNr,
      registeredOn: activitySince,
      activitySince,
      bankAccount: {
        kind: chance(0.8) ? 'bankgiro' : 'plusgiro',
        number: `${int(100, 9999)}-${int(1000, 9999)}`,
        holderIsAssociation: chance(0.97),
      },
    },
    board: { electedOn: date(onYear - 1, onYear - 1), electedAtAnnualMeeting: chance(0.98), auditorElected: chance(0.98) },
    members: { total: int(5, 800), residentInCityShare: Math.round(rnd() * 100) / 100 },
    previousGrants,
    evidence,
  }
  if (!chance(0.02)) app.statutes = { adoptedOn: activitySince, adoptedAtAnnualMeeting: chance(0.98) }
  if (!chance(0.01)) {
    const all = !chance(0.01)
    app.declaration = { democraticPrinciples: true, humanRights: all, genderEquality: true }
    if (!chance(0.01)) app.declaration.signedOn = `${onYear}-${pad(int(1, 9))}-${pad(int(1, 28))}`
  }
  return app
}

/** `count` applications from `seed`. */
export function generateApplications(count, seed, on) {
  const rnd = prng(seed)
  const out = new Array(count)
  for (let i = 0; i < count; i++) out[i] = generateApplication(rnd, i + 1, on)
  return out
}

/** The CSV columns, in order (see docs/grants.md). */
export const CSV_HEADER = [
  'id',
  'programme',
  'amountRequested',
  'association.name',
  'association.organisationNumber',
  'association.registeredOn',
  'association.activitySince',
  'association.bankAccount.kind',
  'association.bankAccount.number',
  'association.bankAccount.holderIsAssociation',
  'statutes.adoptedOn',
  'statutes.adoptedAtAnnualMeeting',
  'board.electedOn',
  'board.electedAtAnnualMeeting',
  'board.auditorElected',
  'members.total',
  'members.residentInCityShare',
  'previousGrants',
  'declaration.democraticPrinciples',
  'declaration.humanRights',
  'declaration.genderEquality',
  'declaration.signedOn',
  'evidence',
]

const cell = (v) => {
  if (v === undefined) return ''
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One application as a CSV row. */
export function csvRow(a) {
  const s = a.statutes
  const d = a.declaration
  return [
    a.id,
    a.programme,
    a.amountRequested,
    a.association.name,
    a.association.organisationNumber,
    a.association.registeredOn,
    a.association.activitySince,
    a.association.bankAccount.kind,
    a.association.bankAccount.number,
    a.association.bankAccount.holderIsAssociation,
    s?.adoptedOn,
    s?.adoptedAtAnnualMeeting,
    a.board.electedOn,
    a.board.electedAtAnnualMeeting,
    a.board.auditorElected,
    a.members?.total,
    a.members?.residentInCityShare,
    a.previousGrants,
    d?.democraticPrinciples,
    d?.humanRights,
    d?.genderEquality,
    d?.signedOn,
    a.evidence,
  ]
    .map(cell)
    .join(',')
}
