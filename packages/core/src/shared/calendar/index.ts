/**
 * `@vbe/core/calendar`: the one calendar of the toolkit. The Stockholm day for an instant
 * (`stockholmDay`, `stockholmTime`), civil-date arithmetic (`addDays`, `addMonths`,
 * `monthsBetween`, `isMoreThanMonthsBefore`) and Swedish public holidays
 * (`swedishHolidays`, `isSwedishHoliday`). Pure, no I/O; only `Intl` for the time zone.
 */
export * from './days.js'
export * from './months.js'
export * from './stockholm.js'
export * from './holidays.js'
