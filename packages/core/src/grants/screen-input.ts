// The shape checks of screening's arguments: a ValidationError naming the field, never a TypeError further on.
import { diagnoseWith, fieldProblem, isRecord, requireShapes, ValidationError } from '../shared/index.js'
import { applicationSchema, safeParseApplication } from './application.js'

/** Throws a ValidationError naming the field when the plugins are neither a list nor composed plugins. */
export function checkPlugins(plugins: unknown, path: string): void {
  if (
    !Array.isArray(plugins) &&
    !(isRecord(plugins) && Array.isArray(plugins['grantProgrammes']) && typeof plugins['programme'] === 'function')
  ) {
    throw new ValidationError('Screening options', [fieldProblem(path, plugins === undefined ? 'value.missing' : 'screening.plugins')])
  }
}

/** Throws a ValidationError naming the field when screening options have the wrong shape. */
export function checkOptions(options: unknown, path: string): void {
  requireShapes('Screening options', [[path, options, 'object']])
  const o = options as Record<string, unknown>
  requireShapes('Screening options', [[`${path}.on`, o['on'], 'string']])
  checkPlugins(o['plugins'], `${path}.plugins`)
}

/** Throws the application's ValidationError, when it has one. */
export function diagnoseApplication(application: unknown, path: string): void {
  const parsed = safeParseApplication(application)
  if (!parsed.ok)
    throw new ValidationError(
      parsed.error.subject,
      parsed.problems.map((p) => ({ ...p, path: p.path === '(root)' ? path : `${path}.${p.path}` })),
    )
  diagnoseWith(applicationSchema, application, 'Application', path)
}
