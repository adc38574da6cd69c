/** Paths of the language files (relative to vbe-info.js, `i18n/<lang>.json`) → their `sha256-…` integrity. Set at build time. */
declare const __VBE_FILES__: Readonly<Record<string, string>>
/** Languages whose UI texts lack some keys (found at build time): they load their fallbacks too. */
declare const __VBE_INCOMPLETE__: readonly string[]
/** The public key district files are signed with: a raw P-256 point, base64. Set at build time. */
declare const __VBE_KEY__: string
