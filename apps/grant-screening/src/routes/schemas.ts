// The request schemas the grant-screening routes share, and how a route runs an effect (the answers' shapes are in responses.ts).
import { z } from '@hono/zod-openapi'
import { Effect } from 'effect'
import { coded } from '@vbe/core'
import { isRealIsoDate } from '@vbe/core/grants'
import type { Context } from 'hono'
import { jsonContent, run, type AppError, type Clock, type CurrentUser, type Db, type KitEnv, type Role } from '@vbe/server-kit'
import { Plugins } from '../cases/index.js'
import { PERSON_ROLES } from '../db/tables.js'
import type { ComposedPlugins } from '@vbe/core/plugins'

/** A JSON answer in a route's `responses` (server-kit's `jsonContent`). */
export const json = jsonContent
export const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } })

// Messages are codes of @vbe/core's catalogue (worded there in Swedish and English): named
// with `coded(code)` where a check needs its own words, otherwise given by the kind
// (a string's min(1) is "must not be empty", max(n) "must be at most n characters").
export const date = z.string().refine(isRealIsoDate, coded('date.real'))
export const text = (max: number) => z.string().trim().min(1).max(max)
export const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
})

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

export const OFFICERS = ['officer', 'approver', 'admin', 'auditor'] as const

/** Runs an effect as the logged-in user with the app's plugins (401/403 by `roles`). */
export type Go = <A>(
  c: Context<KitEnv>,
  e: Effect.Effect<A, AppError, Db | Clock | CurrentUser | Plugins>,
  roles?: readonly Role[],
) => Promise<A>
export const runner =
  (plugins: ComposedPlugins): Go =>
  (c, e, roles) =>
    run(c, Effect.provideService(e, Plugins, plugins), roles)
