import { diagnosed, diagnoseWith, fieldProblems, requireShapes, ValidationError } from '../shared/index.js'
import {
  contactSchema,
  districtPluginSchema,
  type Contact,
  type DistrictPlugin,
  type DistrictPluginInput,
  type GrantProgramme,
  type PlanSection,
} from './schemas.js'

/** Thrown when a plugin's input is invalid; names the plugin and each field path and problem. */
export class PluginValidationError extends ValidationError {
  override readonly name = 'PluginValidationError'
  readonly pluginId: string
  constructor(pluginId: string, problems: ConstructorParameters<typeof ValidationError>[1]) {
    super(`District plugin "${pluginId}"`, problems)
    this.pluginId = pluginId
  }
}

const describeId = (input: unknown): string => {
  if (typeof input === 'object' && input !== null && 'id' in input && typeof input.id === 'string' && input.id !== '') {
    return input.id
  }
  return '(no id)'
}

/**
 * Validates a district plugin and returns it typed and frozen. Throws
 * PluginValidationError naming the plugin, each field path and its problem.
 *
 * @example
 * export default defineDistrictPlugin({ id: 'norrmalm', name: { sv: 'Norrmalm', en: 'Norrmalm' }, contacts: [...] })
 */
export function defineDistrictPlugin(input: DistrictPluginInput): DistrictPlugin {
  const result = districtPluginSchema.safeParse(input)
  if (!result.success) throw new PluginValidationError(describeId(input), fieldProblems(result.error))
  return deepFreeze(result.data)
}

/** Validates a list of contacts shared by every district (core's own national contacts). */
export function defineContacts(subject: string, input: readonly Contact[]): readonly Contact[] {
  requireShapes(subject, [['(root)', input, 'array']])
  const problems = input.flatMap((contact, index) => {
    const r = contactSchema.safeParse(contact)
    return r.success ? [] : fieldProblems(r.error).map((p) => ({ ...p, path: `[${index}].${p.path}` }))
  })
  if (problems.length > 0) throw new ValidationError(subject, problems)
  return deepFreeze(input.map((c) => contactSchema.parse(c)))
}

export class DuplicateIdError extends Error {
  override readonly name = 'DuplicateIdError'
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly owners: readonly string[],
  ) {
    super(`Duplicate ${kind} id ${JSON.stringify(id)} in plugins ${owners.map((o) => `"${o}"`).join(' and ')}`)
  }
}

export interface ComposedPlugins {
  readonly plugins: readonly DistrictPlugin[]
  /** Every district contact, each with the plugin it comes from. */
  readonly contacts: ReadonlyArray<Contact & { readonly pluginId: string }>
  readonly grantProgrammes: ReadonlyArray<GrantProgramme & { readonly pluginId: string }>
  readonly planSections: ReadonlyArray<PlanSection & { readonly pluginId: string }>
  /** The plugin with this id; throws listing the known ids when there is none. */
  plugin(id: string): DistrictPlugin
  /** The grant programme with this id, or undefined. */
  programme(id: string): (GrantProgramme & { readonly pluginId: string }) | undefined
}

/**
 * Puts several district plugins together. Rejects two plugins with the same id, and
 * contacts, programmes or plan sections whose ids clash across plugins.
 */
export function composePlugins(plugins: readonly DistrictPlugin[]): ComposedPlugins {
  requireShapes('Plugins', [['plugins', plugins, 'array']])
  return diagnosed(
    () => compose(plugins),
    () => {
      plugins.forEach((plugin, index) => {
        const result = districtPluginSchema.safeParse(plugin)
        if (!result.success)
          throw new PluginValidationError(
            describeId(plugin),
            fieldProblems(result.error).map((p) => ({ ...p, path: `plugins[${index}]${p.path === '(root)' ? '' : `.${p.path}`}` })),
          )
        diagnoseWith(districtPluginSchema, plugin, `District plugin ${JSON.stringify(describeId(plugin))}`, `plugins[${index}]`)
      })
    },
  )
}

function compose(plugins: readonly DistrictPlugin[]): ComposedPlugins {
  const byId = new Map<string, DistrictPlugin>()
  for (const p of plugins) {
    if (byId.has(p.id)) throw new DuplicateIdError('plugin', p.id, [p.id, p.id])
    byId.set(p.id, p)
  }
  const gather = <K extends 'contacts' | 'grantProgrammes' | 'planSections'>(key: K, kind: string) => {
    const owner = new Map<string, string>()
    const out: Array<DistrictPlugin[K][number] & { pluginId: string }> = []
    for (const p of plugins) {
      for (const item of p[key] as ReadonlyArray<DistrictPlugin[K][number]>) {
        const other = owner.get(item.id)
        if (other !== undefined) throw new DuplicateIdError(kind, item.id, [other, p.id])
        owner.set(item.id, p.id)
        out.push({ ...item, pluginId: p.id })
      }
    }
    return Object.freeze(out)
  }
  const grantProgrammes = gather('grantProgrammes', 'grant programme')
  const programmeIndex = new Map(grantProgrammes.map((g) => [g.id, g]))
  return Object.freeze({
    plugins: Object.freeze([...plugins]),
    contacts: gather('contacts', 'contact'),
    grantProgrammes,
    planSections: gather('planSections', 'plan section'),
    plugin(id: string) {
      const p = byId.get(id)
      if (!p) throw new Error(`Unknown district plugin ${JSON.stringify(id)}. Known: ${[...byId.keys()].join(', ') || '(none)'}`)
      return p
    },
    programme: (id: string) => programmeIndex.get(id),
  })
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}
