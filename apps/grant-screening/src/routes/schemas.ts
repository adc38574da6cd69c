// The request and response schemas the grant-screening routes share, and how a route runs an effect.
import { z } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { coded } from '@vbe/core'
import { isRealIsoDate } from '@vbe/core/grants'
import type { Context } from 'hono'
import { run, type AppError, type Clock, type CurrentUser, type Db, type KitEnv, type Role } from '@vbe/server-kit'
import { Plugins } from '../cases/index.js'
import { CASE_STATUSES, PERSON_ROLES } from '../db/tables.js'
import type { ComposedPlugins } from '@vbe/core/plugins'

export const json = <S extends z.ZodType>(schema: S, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
export const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } })

// Messages are codes of @vbe/core's catalogue (worded there in Swedish and English): named
// with `coded(code)` where a check needs its own words, otherwise given by the kind
// (a string's min(1) is "must not be empty", max(n) "must be at most n characters").
export const date = z.string().refine(isRealIsoDate, coded('date.real'))
export const text = (max: number) => z.string().trim().min(1).max(max)
export const idParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) })

export const personSchema = z
  .object({
    role: z.enum(PERSON_ROLES),
    name: text(200),
    email: z
      .string()
      .trim()
      .max(254)
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s.][^@\s]*$/, coded('api.email'))
      .optional(),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[\d +\-()]+$/, coded('api.phone'))
      .optional(),
  })
  .strict()
  .openapi('Person')
export const personsSchema = z.array(personSchema).max(50, coded('api.personsMax', { max: 50 }))
export const wholeKronor = coded('api.wholeKronor')

export const outcome = z.enum(['eligible', 'ineligible', 'requires_assessment'])
export const caseSummarySchema = z
  .object({
    id: z.string(),
    applicationRef: z.string(),
    district: z.string(),
    programme: z.string(),
    associationName: z.string(),
    amountRequested: z.number().int(),
    outcome,
    humanDecisionRequired: z.boolean(),
    status: z.enum(CASE_STATUSES),
    reportDue: z.string().nullable(),
    reportReceivedOn: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CaseSummary')
export const caseDetailSchema = caseSummarySchema
  .extend({
    application: z.record(z.string(), z.unknown()).openapi({ description: 'The application in the exchange format (docs/grants.md)' }),
    screening: z.record(z.string(), z.unknown()).openapi({ description: 'The ScreeningResult: outcome, findings with reasons and sources, ruleset' }),
    rules: z.array(z.object({ id: z.string(), heading: z.object({ sv: z.string(), en: z.string() }) })),
    persons: z.array(z.record(z.string(), z.unknown())),
    notes: z.array(z.object({ id: z.string(), author: z.string(), text: z.string(), at: z.string() })),
    decision: z.record(z.string(), z.unknown()).nullable(),
    reclaim: z.record(z.string(), z.unknown()).nullable(),
    conflict: z.object({ declared: z.boolean(), conflict: z.boolean() }),
    version: z.number().int(),
  })
  .openapi('CaseDetail')
export const rescreenRunSchema = z.object({ id: z.string(), at: z.string(), actor: z.string(), checked: z.number(), changed: z.number(), flips: z.array(z.record(z.string(), z.unknown())), rules: z.array(z.object({ id: z.string(), heading: z.object({ sv: z.string(), en: z.string() }) })) }).openapi('RescreenRun')

export const OFFICERS = ['officer', 'approver', 'admin', 'auditor'] as const


/** Runs an effect as the logged-in user with the app's plugins (401/403 by `roles`). */
export type Go = <A>(c: Context<KitEnv>, e: Effect.Effect<A, AppError, Db | Clock | CurrentUser | Plugins>, roles?: readonly Role[]) => Promise<A>
export const runner =
  (plugins: ComposedPlugins): Go =>
  (c, e, roles) =>
    run(c, Effect.provideService(e, Plugins, plugins), roles)
