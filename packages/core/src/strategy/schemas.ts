import { z } from 'zod'
import { coded, given, localizedTextSchema, slugSchema as slug, sourcedItemShape } from '../shared/index.js'

export const GUIDELINE_IDS = ['G1', 'G2', 'G3', 'G4', 'G5'] as const
export const PERSPECTIVE_IDS = ['P1', 'P2', 'P3', 'P4'] as const
export const RISK_IDS = ['R1', 'R2', 'R3', 'R4', 'R5'] as const
export const MEASURE_IDS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11', 'M12'] as const
export const DIRECTIVE_POINT_IDS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12'] as const

export type GuidelineId = (typeof GUIDELINE_IDS)[number]
export type PerspectiveId = (typeof PERSPECTIVE_IDS)[number]
export type RiskId = (typeof RISK_IDS)[number]
export type MeasureId = (typeof MEASURE_IDS)[number]
export type DirectivePointId = (typeof DIRECTIVE_POINT_IDS)[number]

const idOf = <const T extends readonly [string, ...string[]]>(ids: T, what: string) =>
  z.enum(
    ids,
    coded('strategy.id', (input) => ({ kind: what, ids, got: given(input) })),
  )

export const guidelineIdSchema = idOf(GUIDELINE_IDS, 'guideline')
export const perspectiveIdSchema = idOf(PERSPECTIVE_IDS, 'perspective')
export const riskIdSchema = idOf(RISK_IDS, 'risk')
export const measureIdSchema = idOf(MEASURE_IDS, 'measure')
export const directivePointIdSchema = idOf(DIRECTIVE_POINT_IDS, 'directive point')

/** G1–G5: the five starting points of the city-wide strategy (riktlinjer). */
export const guidelineSchema = z.object({ id: guidelineIdSchema, ...sourcedItemShape }).strict()

/** P1–P4: the Social Welfare Committee's four perspectives (perspektiv). */
export const perspectiveSchema = z.object({ id: perspectiveIdSchema, ...sourcedItemShape }).strict()

/** R1–R5: risks the work must weigh (riskperspektiv), each with what it demands. */
export const riskSchema = z
  .object({
    id: riskIdSchema,
    ...sourcedItemShape,
    /** What the risk demands of anyone planning or carrying out work. */
    demands: localizedTextSchema,
  })
  .strict()

/** M1–M12: the new measures (åtgärder) in the sub-strategy. */
export const measureSchema = z.object({ id: measureIdSchema, ...sourcedItemShape }).strict()

/** D1–D12: the June 2017 directive's points for local action plans. */
export const directivePointSchema = z
  .object({
    id: directivePointIdSchema,
    ...sourcedItemShape,
    /** What a local action plan must show to meet the point. */
    planMustShow: localizedTextSchema,
  })
  .strict()

export const LEVELS = ['central', 'district', 'company', 'partner'] as const
export type Level = (typeof LEVELS)[number]
export const levelSchema = z.enum(
  LEVELS,
  coded('strategy.level', (input) => ({ levels: LEVELS, got: given(input) })),
)

export const ACTOR_KINDS = ['central-body', 'district-committee', 'housing-company', 'authority', 'civil-society', 'academia'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

/** Who does the work: central bodies, district committees, the housing companies and outside partners. */
export const actorSchema = z
  .object({
    id: slug('actor id'),
    kind: z.enum(ACTOR_KINDS),
    level: levelSchema,
    ...sourcedItemShape,
  })
  .strict()

export const RESPONSIBILITY_ROLES = ['owns', 'contributes'] as const
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number]

export const responsibilityTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('measure'), id: measureIdSchema }).strict(),
  z.object({ kind: z.literal('guideline'), id: guidelineIdSchema }).strict(),
  z.object({ kind: z.literal('directive-point'), id: directivePointIdSchema }).strict(),
])

/** Which actor, at which level, owns or contributes to a measure, guideline or directive point. */
export const responsibilitySchema = z
  .object({
    id: slug('responsibility id'),
    actorId: slug('actorId'),
    level: levelSchema,
    role: z.enum(
      RESPONSIBILITY_ROLES,
      coded('strategy.role', (input) => ({
        roles: { sv: RESPONSIBILITY_ROLES.join(' eller '), en: RESPONSIBILITY_ROLES.join(' or ') },
        got: given(input),
      })),
    ),
    target: responsibilityTargetSchema,
    ...sourcedItemShape,
  })
  .strict()

/**
 * A threat environment named by an authority, as reference data: dated and sourced.
 * Deliberately has no rank, priority or severity field: the toolkit never orders
 * threats in code (risks R1 and R3).
 */
export const threatEnvironmentSchema = z
  .object({
    id: slug('threat environment id'),
    ...sourcedItemShape,
    /** The authority that named the environment. */
    namedBy: z.string().trim().min(1),
    /** The date the naming is known to be current as of (the source's date). */
    asOf: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, coded('date.documentNamed', { field: 'asOf' })),
  })
  .strict()

export type Guideline = z.infer<typeof guidelineSchema>
export type Perspective = z.infer<typeof perspectiveSchema>
export type Risk = z.infer<typeof riskSchema>
export type Measure = z.infer<typeof measureSchema>
export type DirectivePoint = z.infer<typeof directivePointSchema>
export type Actor = z.infer<typeof actorSchema>
export type ResponsibilityTarget = z.infer<typeof responsibilityTargetSchema>
export type Responsibility = z.infer<typeof responsibilitySchema>
export type ThreatEnvironment = z.infer<typeof threatEnvironmentSchema>
