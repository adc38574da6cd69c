/**
 * Swedish public holidays (allmänna helgdagar, lagen (1989:253) om allmänna helgdagar),
 * computed, plus the three eves that the Working Hours Act (arbetstidslagen 1982:673,
 * 3 §) treats like Sundays and on which offices are closed: Midsummer Eve, Christmas Eve
 * and New Year's Eve.
 *
 * Dates are civil dates written YYYY-MM-DD; no time zone is involved.
 */
export type HolidayId =
  | 'new-years-day'
  | 'epiphany'
  | 'good-friday'
  | 'easter-sunday'
  | 'easter-monday'
  | 'may-day'
  | 'ascension-day'
  | 'whit-sunday'
  | 'national-day'
  | 'midsummer-eve'
  | 'midsummer-day'
  | 'all-saints-day'
  | 'christmas-eve'
  | 'christmas-day'
  | 'boxing-day'
  | 'new-years-eve'

export interface Holiday {
  readonly id: HolidayId
  readonly date: string
}

/** Eves that the Working Hours Act treats like Sundays; all other entries are public holidays by law. */
export const SUNDAY_LIKE_EVES: readonly HolidayId[] = ['midsummer-eve', 'christmas-eve', 'new-years-eve']

/** Names, for people. Kept apart from the dates so the widget bundle does not carry them. */
export const HOLIDAY_NAMES: Readonly<Record<HolidayId, { readonly sv: string; readonly en: string }>> = {
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

const pad = (n: number) => String(n).padStart(2, '0')
export const isoDate = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`

/** Adds days to a civil date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** Day of the week of a civil date: 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
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
  return isoDate(year, month, day)
}

/** The Saturday that falls from `from` to six days after it (Midsummer Day, All Saints' Day). */
function saturdayFrom(from: string): string {
  const offset = (5 - weekdayIndex(from) + 7) % 7
  return addDays(from, offset)
}

/** The holidays in the order holidayDates() gives their dates. */
export const HOLIDAY_IDS: readonly HolidayId[] = [
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
]

/** The dates of the year's public holidays and Sunday-like eves, in HOLIDAY_IDS order. */
export function holidayDates(year: number): string[] {
  const easter = easterSunday(year)
  const midsummerDay = saturdayFrom(isoDate(year, 6, 20))
  return [
    isoDate(year, 1, 1),
    isoDate(year, 1, 6),
    addDays(easter, -2),
    easter,
    addDays(easter, 1),
    isoDate(year, 5, 1),
    addDays(easter, 39),
    addDays(easter, 49),
    isoDate(year, 6, 6),
    addDays(midsummerDay, -1),
    midsummerDay,
    saturdayFrom(isoDate(year, 10, 31)),
    isoDate(year, 12, 24),
    isoDate(year, 12, 25),
    isoDate(year, 12, 26),
    isoDate(year, 12, 31),
  ]
}

/** The year's public holidays and Sunday-like eves, by date. */
export function swedishHolidays(year: number): Holiday[] {
  return holidayDates(year)
    .map((date, i) => ({ id: HOLIDAY_IDS[i] as HolidayId, date }))
    .sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0))
}

const cache = new Map<number, ReadonlySet<string>>()
/** True when offices are closed for a public holiday or a Sunday-like eve on this civil date. */
export function isSwedishHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4))
  let set = cache.get(year)
  if (!set) {
    set = new Set(holidayDates(year))
    cache.set(year, set)
  }
  return set.has(date)
}
