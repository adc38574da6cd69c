import fc from 'fast-check'
import {
  ACTORS,
  BANK_ACCOUNT_KINDS,
  CONDUCTS,
  EVIDENCE_SOURCE_KINDS,
  type Application,
  type Evidence,
  type PreviousGrant,
} from '@vbe/core/grants'

const DAY = 86_400_000
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)

/** True with probability `p`. */
const likely = (p: number) => fc.integer({ min: 0, max: 999 }).map((n) => n < p * 1000)

/** A real calendar date between two ISO dates, both included. */
export const dateArb = (from: string, to: string) => fc.integer({ min: dayOf(from), max: dayOf(to) }).map(isoOf)

/** A valid organisation number (third digit ≥ 2, Luhn check digit), with or without the hyphen. */
export const organisationNumberArb = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }), fc.integer({ min: 2, max: 9 }), fc.boolean())
  .map(([rest, third, hyphen]) => {
    const nine = [rest[0]!, rest[1]!, third, ...rest.slice(2, 8)]
    const sum = nine.reduce((s, d, i) => {
      const v = d * (i % 2 === 0 ? 2 : 1)
      return s + (v > 9 ? v - 9 : v)
    }, 0)
    const digits = `${nine.join('')}${(10 - (sum % 10)) % 10}`
    return hyphen ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits
  })

/** Free text as people write it: any characters, never blank. */
export const freeTextArb = (max: number) =>
  fc
    .string({ minLength: 1, maxLength: Math.min(max, 60), unit: 'grapheme' })
    .filter((s) => s.trim().length > 0 && s.trim().length <= max)
    .map((s) => s.trim())

export const evidenceArb = (id: string): fc.Arbitrary<Evidence> =>
  fc
    .record(
      {
        conduct: fc.constantFrom(...CONDUCTS),
        actor: fc.constantFrom(...ACTORS),
        representativeAge: fc.integer({ min: 10, max: 80 }),
        withinActivities: fc.boolean(),
        verified: fc.boolean(),
        date: dateArb('2020-01-01', '2027-12-31'),
        source: fc.record({ kind: fc.constantFrom(...EVIDENCE_SOURCE_KINDS), reference: freeTextArb(200) }, { requiredKeys: ['kind'] }),
        summary: freeTextArb(4000),
      },
      { requiredKeys: ['conduct', 'actor', 'withinActivities', 'verified', 'date', 'source'] },
    )
    .map((e) => {
      const { representativeAge, ...rest } = e
      return e.actor === 'representative' && representativeAge !== undefined ? { id, ...rest, representativeAge } : { id, ...rest }
    })

const previousGrantArb: fc.Arbitrary<PreviousGrant> = fc.record(
  {
    year: fc.integer({ min: 2018, max: 2026 }),
    amount: fc.integer({ min: 0, max: 200_000 }),
    reportDue: dateArb('2019-01-01', '2027-12-31'),
    reportSubmittedOn: dateArb('2019-01-01', '2027-12-31'),
  },
  { requiredKeys: ['year', 'amount', 'reportDue'] },
)

export const evidenceListArb = fc
  .integer({ min: 0, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => evidenceArb(`e${i + 1}`))))

/** A parsed application to the Rinkeby-Kista programme, with every kind of finding possible. */
export const applicationArb: fc.Arbitrary<Application> = fc
  .record(
    {
      id: fc.stringMatching(/^app-[0-9]{4}-[0-9]{4}$/),
      amountRequested: fc.oneof(fc.integer({ min: 1, max: 120_000 }), fc.constantFrom(100_000, 100_001)),
      association: fc.record(
        {
          name: freeTextArb(200),
          organisationNumber: organisationNumberArb.map((n) => (n.length === 10 ? `${n.slice(0, 6)}-${n.slice(6)}` : n)),
          registeredOn: dateArb('2000-01-01', '2026-12-31'),
          activitySince: dateArb('2000-01-01', '2027-06-30'),
          bankAccount: fc.record({
            kind: fc.constantFrom(...BANK_ACCOUNT_KINDS),
            number: fc.constantFrom('5050-1055', '123-4567', '90 20 01-7'),
            holderIsAssociation: likely(0.85),
          }),
        },
        { requiredKeys: ['name', 'organisationNumber', 'activitySince', 'bankAccount'] },
      ),
      statutes: fc.record({ adoptedOn: dateArb('2000-01-01', '2027-06-30'), adoptedAtAnnualMeeting: likely(0.9) }),
      board: fc.record({
        electedOn: dateArb('2020-01-01', '2027-06-30'),
        electedAtAnnualMeeting: likely(0.9),
        auditorElected: likely(0.9),
      }),
      members: fc.record({ total: fc.integer({ min: 0, max: 5000 }), residentInCityShare: fc.double({ min: 0, max: 1, noNaN: true }) }),
      previousGrants: fc.array(previousGrantArb, { maxLength: 3 }),
      declaration: fc.record(
        {
          democraticPrinciples: likely(0.95),
          humanRights: likely(0.95),
          genderEquality: likely(0.95),
          signedOn: dateArb('2020-01-01', '2027-06-30'),
        },
        { requiredKeys: ['democraticPrinciples', 'humanRights', 'genderEquality'] },
      ),
      evidence: evidenceListArb,
    },
    { requiredKeys: ['id', 'amountRequested', 'association', 'board', 'previousGrants', 'evidence'] },
  )
  .map((a) => ({ programme: 'rinkeby-kista/foreningsbidrag', ...a }))

/** A screening date while the Rinkeby-Kista programme is in force. */
export const onArb = dateArb('2023-01-01', '2027-12-31')
