import type { ApplicationInput } from './application.js'

/**
 * A complete application to Rinkeby-Kista's association grant that meets every rule in
 * force on 2026-11-22: for documentation, tests and the grant-screening demo database,
 * which vary it through `patch`. Fictional: the organisation number and bankgiro merely
 * pass their check digits.
 *
 * @example
 * screen(parseApplicationOrThrow(exampleApplication({ amountRequested: 150_000 })), rules, '2026-11-22')
 */
export function exampleApplication(patch: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    id: 'app-2026-0042',
    programme: 'rinkeby-kista/foreningsbidrag',
    amountRequested: 50_000,
    association: {
      name: 'Kista Ungdomsförening',
      organisationNumber: '802400-1235',
      registeredOn: '2019-03-01',
      activitySince: '2019-03-01',
      bankAccount: { kind: 'bankgiro', number: '5050-1055', holderIsAssociation: true },
    },
    statutes: { adoptedOn: '2019-03-01', adoptedAtAnnualMeeting: true },
    board: { electedOn: '2026-03-10', electedAtAnnualMeeting: true, auditorElected: true },
    members: { total: 120, residentInCityShare: 0.8 },
    previousGrants: [{ year: 2025, amount: 40_000, reportDue: '2026-03-31', reportSubmittedOn: '2026-03-20' }],
    declaration: { democraticPrinciples: true, humanRights: true, genderEquality: true, signedOn: '2026-09-01' },
    evidence: [],
    ...patch,
  }
}
