/**
 * `@vbe/core/plans`: local action plans. The plan schema, versioned templates
 * (`strategy-2016`, `directive-2017`, and a district plugin's own sections),
 * `analysePlan` (coverage and findings) and `diffPlans` (a field-level redline).
 */
export * from './schemas.js'
export * from './templates.js'
export * from './analyse.js'
export * from './diff.js'
export * from './examples.js'
export { parsePlan } from './parse.js'
