/**
 * Swedish public holidays (allmänna helgdagar, lagen (1989:253) om allmänna helgdagar),
 * computed, plus the three eves that the Working Hours Act (arbetstidslagen (1982:673),
 * 3 §) treats like Sundays and on which offices are closed: Midsummer Eve, Christmas Eve
 * and New Year's Eve. Dates are civil dates written YYYY-MM-DD; no time zone is involved.
 *
 * The dates are data computed from the year; the names are kept apart, so a bundle that
 * only asks "is this day a holiday?" (the resident widget) does not carry them.
 */
import type { IsoDate } from '../dates.js'
import type { LocalizedText } from '../text.js'
import { addDays, isoDateOf, weekdayIndex } from './days.js'

/** The holidays, in the order `holidayDates()` gives their dates. */
export const HOLIDAY_IDS = [
  'new-years-day',
  'epiphany',
  'good-friday',
  'easter-sunday',
  'easter-monday',
  'may-day',
  'ascension-day',
  'whit-sunday',
  'national-day',
  'midsummer-eve',
  'midsummer-day',
  'all-saints-day',
  'christmas-eve',
  'christmas-day',
  'boxing-day',
  'new-years-eve',
] as const
export type HolidayId = (typeof HOLIDAY_IDS)[number]

export interface Holiday {
  readonly id: HolidayId
  readonly date: IsoDate
}

/** Eves that the Working Hours Act treats like Sundays; all other entries are public holidays by law. */
export const SUNDAY_LIKE_EVES: readonly HolidayId[] = ['midsummer-eve', 'christmas-eve', 'new-years-eve']

/** Names, for people, in Swedish and English. */
export const HOLIDAY_NAMES: Readonly<Record<HolidayId, LocalizedText>> = {
  'new-years-day': { sv: 'Nyårsdagen', en: "New Year's Day" },
  epiphany: { sv: 'Trettondedag jul', en: 'Epiphany' },
  'good-friday': { sv: 'Långfredagen', en: 'Good Friday' },
  'easter-sunday': { sv: 'Påskdagen', en: 'Easter Sunday' },
  'easter-monday': { sv: 'Annandag påsk', en: 'Easter Monday' },
  'may-day': { sv: 'Första maj', en: 'May Day' },
  'ascension-day': { sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day' },
  'whit-sunday': { sv: 'Pingstdagen', en: 'Whit Sunday' },
  'national-day': { sv: 'Sveriges nationaldag', en: 'National Day of Sweden' },
  'midsummer-eve': { sv: 'Midsommarafton', en: 'Midsummer Eve' },
  'midsummer-day': { sv: 'Midsommardagen', en: 'Midsummer Day' },
  'all-saints-day': { sv: 'Alla helgons dag', en: "All Saints' Day" },
  'christmas-eve': { sv: 'Julafton', en: 'Christmas Eve' },
  'christmas-day': { sv: 'Juldagen', en: 'Christmas Day' },
  'boxing-day': { sv: 'Annandag jul', en: 'Boxing Day' },
  'new-years-eve': { sv: 'Nyårsafton', en: "New Year's Eve" },
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return isoDateOf(year, month, day)
}

/** The Saturday that falls from `from` to six days after it (Midsummer Day, All Saints' Day). */
const saturdayFrom = (from: IsoDate): IsoDate => addDays(from, (5 - weekdayIndex(from) + 7) % 7)

/** The dates of the year's public holidays and Sunday-like eves, in `HOLIDAY_IDS` order. */
export function holidayDates(year: number): IsoDate[] {
  const easter = easterSunday(year)
  const midsummerDay = saturdayFrom(isoDateOf(year, 6, 20))
  return [
    isoDateOf(year, 1, 1),
    isoDateOf(year, 1, 6),
    addDays(easter, -2),
    easter,
    addDays(easter, 1),
    isoDateOf(year, 5, 1),
    addDays(easter, 39),
    addDays(easter, 49),
    isoDateOf(year, 6, 6),
    addDays(midsummerDay, -1),
    midsummerDay,
    saturdayFrom(isoDateOf(year, 10, 31)),
    isoDateOf(year, 12, 24),
    isoDateOf(year, 12, 25),
    isoDateOf(year, 12, 26),
    isoDateOf(year, 12, 31),
  ]
}

/** The year's public holidays and Sunday-like eves, by date. */
export function swedishHolidays(year: number): Holiday[] {
  return holidayDates(year)
    .map((date, i) => ({ id: HOLIDAY_IDS[i]!, date }))
    .sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0))
}

const byYear = new Map<number, ReadonlySet<IsoDate>>()

/** True when offices are closed for a public holiday or a Sunday-like eve on this civil date. */
export function isSwedishHoliday(date: IsoDate): boolean {
  const year = Number(date.slice(0, 4))
  let dates = byYear.get(year)
  if (!dates) {
    dates = new Set(holidayDates(year))
    byYear.set(year, dates)
  }
  return dates.has(date)
}
