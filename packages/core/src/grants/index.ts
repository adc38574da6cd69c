/**
 * `@vbe/core/grants`: grant eligibility as rules as code. Parse an application at the
 * edge (`parseApplication`), screen it against the rules in force on a date
 * (`screen`), explain the result for a decision letter (`explain`), and re-screen
 * grantees when a rule changes (`rescreen`). Every rule is dated and sourced, and every
 * adverse result leaves the decision to a person.
 */
export * from './application.js'
export * from './rules.js'
export * from './screen.js'
export * from './rescreen.js'
export * from './explain.js'
export * from './appeal.js'
export * from './sources.js'
export { fullYearsBetween, covers, isRealIsoDate } from './dates.js'
export * from './csv.js'
export * from './stored.js'
export * from './lifecycle.js'
export * from './decisions.js'
export * from './examples.js'
