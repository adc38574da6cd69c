/**
 * `@vbe/core/strategy`: Stockholm's strategy against violent extremism as typed,
 * validated data. Every item carries `{ id, title, description, source }`, with
 * `title` and `description` in Swedish and English and `source` naming the seed
 * document, section and date it comes from.
 *
 * All data is parsed with its zod schema when this module loads, so malformed content
 * can never be imported.
 */
import { z } from 'zod'
import { collection, parseOrThrow, requireShapes, type Collection } from '../shared/index.js'
import { actorData } from './actors.js'
import { directivePointData } from './directive-points.js'
import { guidelineData } from './guidelines.js'
import { measureData } from './measures.js'
import { perspectiveData } from './perspectives.js'
import { responsibilityEntries } from './responsibilities.js'
import { riskData } from './risks.js'
import {
  actorSchema,
  directivePointSchema,
  guidelineSchema,
  measureSchema,
  perspectiveSchema,
  responsibilitySchema,
  responsibilityTargetSchema,
  riskSchema,
  threatEnvironmentSchema,
  type Actor,
  type DirectivePoint,
  type DirectivePointId,
  type Guideline,
  type GuidelineId,
  type Level,
  type Measure,
  type MeasureId,
  type Perspective,
  type Responsibility,
  type ResponsibilityRole,
  type ResponsibilityTarget,
  type Risk,
  type ThreatEnvironment,
} from './schemas.js'
import { threatEnvironmentData } from './threat-environments.js'

export * from './schemas.js'

const load = <S extends z.ZodType>(name: string, schema: S, data: unknown) => parseOrThrow(z.array(schema), data, `Strategy data "${name}"`)

export const guidelines: Collection<Guideline> = collection('guideline', load('guidelines', guidelineSchema, guidelineData))
export const perspectives: Collection<Perspective> = collection('perspective', load('perspectives', perspectiveSchema, perspectiveData))
export const risks: Collection<Risk> = collection('risk', load('risks', riskSchema, riskData))
export const measures: Collection<Measure> = collection('measure', load('measures', measureSchema, measureData))
export const directivePoints: Collection<DirectivePoint> = collection(
  'directive point',
  load('directivePoints', directivePointSchema, directivePointData),
)
export const actors: Collection<Actor> = collection('actor', load('actors', actorSchema, actorData))
export const threatEnvironments: Collection<ThreatEnvironment> = collection(
  'threat environment',
  load('threatEnvironments', threatEnvironmentSchema, threatEnvironmentData),
)

/** The strategy item a responsibility points at. */
export function targetOf(target: ResponsibilityTarget): Measure | Guideline | DirectivePoint {
  parseOrThrow(responsibilityTargetSchema, target, 'Responsibility target')
  switch (target.kind) {
    case 'measure':
      return measures.byId(target.id)
    case 'guideline':
      return guidelines.byId(target.id)
    case 'directive-point':
      return directivePoints.byId(target.id)
  }
}

const ROLE_TEXT = {
  owns: { sv: 'ansvarar för', en: 'owns' },
  contributes: { sv: 'bidrar till', en: 'contributes to' },
} as const

export const responsibilities: Collection<Responsibility> = collection(
  'responsibility',
  load(
    'responsibilities',
    responsibilitySchema,
    responsibilityEntries.map((entry) => {
      const actor = actors.byId(entry.actorId)
      const target = targetOf(entry.target)
      return {
        id: `${entry.actorId}-${entry.role}-${entry.target.id.toLowerCase()}`,
        actorId: entry.actorId,
        level: actor.level,
        role: entry.role,
        target: entry.target,
        title: {
          sv: `${actor.title.sv} ${ROLE_TEXT[entry.role].sv} ${target.id}: ${target.title.sv}`,
          en: `${actor.title.en} ${ROLE_TEXT[entry.role].en} ${target.id}: ${target.title.en}`,
        },
        description: entry.description,
        source: entry.source,
      }
    }),
  ),
)

// ---------------------------------------------------------------------------
// Relation queries
// ---------------------------------------------------------------------------

export interface ResponsibilityFilter {
  readonly level?: Level
  readonly role?: ResponsibilityRole
  readonly actorId?: string
  readonly kind?: ResponsibilityTarget['kind']
}

/** Responsibilities matching every given criterion. */
export function responsibilitiesWhere(filter: ResponsibilityFilter = {}): Responsibility[] {
  requireShapes('Responsibility filter', [['filter', filter, 'object']])
  return responsibilities.filter(
    (r) =>
      (filter.level === undefined || r.level === filter.level) &&
      (filter.role === undefined || r.role === filter.role) &&
      (filter.actorId === undefined || r.actorId === filter.actorId) &&
      (filter.kind === undefined || r.target.kind === filter.kind),
  )
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)]

/** Measures owned at a level (for example "measures owned at district level"), in id order. */
export function measuresOwnedAt(level: Level): Measure[] {
  const ids = new Set(responsibilitiesWhere({ level, role: 'owns', kind: 'measure' }).map((r) => r.target.id))
  return measures.filter((m) => ids.has(m.id))
}

/** Measures that no actor owns in the sources: a gap the strategy leaves open. */
export function unownedMeasures(): Measure[] {
  const owned = new Set(responsibilitiesWhere({ role: 'owns', kind: 'measure' }).map((r) => r.target.id))
  return measures.filter((m) => !owned.has(m.id))
}

/**
 * Directive points a district's local action plan must address: every point where
 * the district level owns or contributes, in id order.
 */
export function directivePointsForDistrict(): DirectivePoint[] {
  const ids = new Set(responsibilitiesWhere({ level: 'district', kind: 'directive-point' }).map((r) => r.target.id))
  return directivePoints.filter((d) => ids.has(d.id))
}

/** Who owns and who contributes to a measure, guideline or directive point. */
export function responsibilitiesFor(id: MeasureId | GuidelineId | DirectivePointId): {
  owners: Responsibility[]
  contributors: Responsibility[]
} {
  const matching = responsibilities.filter((r) => r.target.id === id)
  if (matching.length === 0 && !measures.has(id) && !guidelines.has(id) && !directivePoints.has(id)) {
    throw new Error(`Unknown strategy item id ${JSON.stringify(id)}`)
  }
  return {
    owners: matching.filter((r) => r.role === 'owns'),
    contributors: matching.filter((r) => r.role === 'contributes'),
  }
}

/** The actors with any responsibility at a level. */
export function actorsAt(level: Level): Actor[] {
  return actors.filter((a) => a.level === level)
}

/** Everything an actor owns or contributes to. */
export function responsibilitiesOf(actorId: Actor['id']): Responsibility[] {
  actors.byId(actorId)
  return unique(responsibilities.filter((r) => r.actorId === actorId))
}

/** The whole strategy as one value, for serialising (`vbe strategy --format json`). */
export const strategy = {
  guidelines,
  perspectives,
  risks,
  measures,
  directivePoints,
  actors,
  responsibilities,
  threatEnvironments,
} as const

export type Strategy = typeof strategy
