/** Plans: the workflow rules, storage, creation, saving, follow-up, versions and the city overview. */
export * from './create.js'
export * from './follow-up.js'
export * from './overview.js'
export * from './rules.js'
export * from './store.js'
export * from './versions.js'
export * from './workflow.js'
