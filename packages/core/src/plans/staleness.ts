import { isMoreThanMonthsBefore } from '../shared/calendar/months.js'
import type { IsoDate } from '../shared/dates.js'

/**
 * How old a situation picture may be: the plan is revised every year from a current
 * situation picture (directive point D2).
 */
export const SITUATION_PICTURE_MAX_AGE_MONTHS = 12

/**
 * True when a situation picture dated `date` is stale on `on`: more than twelve months
 * old. It is current through the same day a year later (the last day of February for a
 * picture of 29 February) and stale from the day after. The analysis and the city
 * overview both ask this.
 */
export const isSituationPictureStale = (date: IsoDate, on: IsoDate): boolean =>
  isMoreThanMonthsBefore(date, SITUATION_PICTURE_MAX_AGE_MONTHS, on)
