/**
 * `@vbe/core/plugins`: the contract district plugins implement. A plugin adds local
 * contacts, local grant programmes and local plan sections without forking core.
 */
export * from './schemas.js'
export * from './authority.js'
export * from './grant-conditions.js'
export * from './define.js'
export * from './shared-contacts.js'
export * from './translations.js'
export * from './shared-contact-translations.js'
