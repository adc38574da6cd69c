/**
 * `@vbe/core`: the VBE domain library. Import from the subpaths for the parts:
 * `@vbe/core/strategy` and `@vbe/core/plugins`. This root entry re-exports the shared
 * building blocks (localized text, sources, validation errors).
 */
export * from './shared/index.js'
