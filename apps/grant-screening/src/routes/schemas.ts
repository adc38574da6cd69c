// The request schemas the grant-screening routes share, and how a route runs an effect (the answers' shapes are in responses.ts).
import { z } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { isRealIsoDate } from '@vbe/core/grants'
import type { Context } from 'hono'
import { bilingual, run, type AppError, type Clock, type CurrentUser, type Db, type KitEnv, type Role } from '@vbe/server-kit'
import { Plugins } from '../cases/index.js'
import { PERSON_ROLES } from '../db/tables.js'
import type { ComposedPlugins } from '@vbe/core/plugins'

export const json = <S extends z.ZodType>(schema: S, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
export const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } })

// Messages that core's phrases (must not be empty, must be at most N characters, must be
// at least N) do not cover are declared here in both languages.
export const date = z.string().refine(isRealIsoDate, { message: bilingual({ sv: 'måste vara ett giltigt datum skrivet ÅÅÅÅ-MM-DD', en: 'must be a real date written YYYY-MM-DD' }) })
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
export const idParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) })

export const personSchema = z
  .object({
    role: z.enum(PERSON_ROLES),
    name: text(200),
    email: z
      .string()
      .trim()
      .max(254)
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s.][^@\s]*$/, bilingual({ sv: 'måste vara en e-postadress', en: 'must be an e-mail address' }))
      .optional(),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[\d +\-()]+$/, bilingual({ sv: 'måste vara ett telefonnummer med siffror, mellanslag, +, - och parenteser', en: 'must be a phone number of digits, spaces, +, - and parentheses' }))
      .optional(),
  })
  .strict()
  .openapi('Person')
export const personsSchema = z.array(personSchema).max(50, bilingual({ sv: 'högst 50 personer', en: 'at most 50 persons' }))
export const wholeKronor = bilingual({ sv: 'måste vara hela kronor', en: 'must be whole kronor' })

export const OFFICERS = ['officer', 'approver', 'admin', 'auditor'] as const


/** Runs an effect as the logged-in user with the app's plugins (401/403 by `roles`). */
export type Go = <A>(c: Context<KitEnv>, e: Effect.Effect<A, AppError, Db | Clock | CurrentUser | Plugins>, roles?: readonly Role[]) => Promise<A>
export const runner =
  (plugins: ComposedPlugins): Go =>
  (c, e, roles) =>
    run(c, Effect.provideService(e, Plugins, plugins), roles)
