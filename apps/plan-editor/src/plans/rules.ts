// What a user may do with a plan, by core's plan workflow table; the plan editor's shared types.
import { stockholmDay } from '@vbe/core/calendar'
import { planAuthors, PLAN_TRANSITIONS, PLAN_WORKFLOW, type PlanStatus, type PlanTransition } from '@vbe/core/plans'
import { actorOf, Clock, CurrentUser, type Db, type SessionUser } from '@vbe/server-kit'
import { allowedActions, type LocalizedText } from '@vbe/core'
import { districtName } from '@vbe/districts'
import { type Tables } from '../db/tables.js'

export type R = Db | Clock | CurrentUser
export type Row = Tables['pe_plans']

/** The workflow's steps; core's plan workflow table (PLAN_WORKFLOW) says who may take which, from which status. */
export type Action = PlanTransition
export const ACTIONS: readonly Action[] = PLAN_TRANSITIONS

/** The 409 of a second plan for a district and year: the plan by its name (the district's name and the year), in words. */
export const alreadyPlanned = (document: { district: string; year: number }): LocalizedText => ({
  sv: `Det finns redan en plan för ${districtName(document.district, 'sv')} ${document.year}. Välj ett annat år eller öppna den planen.`,
  en: `There is already a plan for ${districtName(document.district, 'en')} ${document.year}. Choose another year or open that plan.`,
})

/** Today: the calendar day in Stockholm on the clock (not the UTC date, which lags from midnight to 01:00/02:00). */
export const today = (clock: { now: () => Date }) => stockholmDay(clock.now())

/** The plan as core's workflow sees it: its district, and who wrote and submitted it (from its history). */
export const subjectOf = (row: Row, history: ReadonlyArray<{ readonly action: string; readonly by: string }>) => ({
  district: row.district,
  authors: planAuthors(history),
})

/** What the user may do with the plan now, by core's plan workflow table: edit, enter follow-up, and which steps. */
export function permissions(user: SessionUser, row: Row, history: ReadonlyArray<{ readonly action: string; readonly by: string }>) {
  const may = allowedActions(PLAN_WORKFLOW, { status: row.status as PlanStatus, actor: actorOf(user), subject: subjectOf(row, history) })
  return { edit: may.includes('edit'), followUp: may.includes('follow-up'), actions: PLAN_TRANSITIONS.filter((a) => may.includes(a)) }
}
