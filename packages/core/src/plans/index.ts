/**
 * `@vbe/core/plans`: local action plans. The plan schema, versioned templates
 * (`strategy-2016`, `directive-2017`, and a district plugin's own sections),
 * `analysePlan` (coverage and findings), `diffPlans` (a field-level redline) and
 * `cityOverview` (every district's current plan, situation pictures, the city's totals).
 */
export * from './schemas.js'
export * from './templates.js'
export * from './analyse.js'
export * from './staleness.js'
export * from './overview.js'
export * from './diff.js'
export * from './examples.js'
export * from './item-labels.js'
export * from './workflow.js'
export { parsePlan, safeParsePlan } from './parse.js'
