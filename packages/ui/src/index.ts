/**
 * `@vbe/ui`: shared React components. Written against the React API; the `<vbe-info>`
 * widget bundles them with Preact's core, so they use only JSX, Fragment and plain DOM
 * props (no hooks).
 */
export * from './i18n.js'
export * from './contacts.js'
export * from './bidi.js'
export * from './phone.js'
export * from './styles.js'
export * from './text.js'
export * from './time/opening.js'
export * from './quick-exit.js'
export { ContactCard } from './components/ContactCard.js'
export { OpenStatus } from './components/OpenStatus.js'
export { LanguagePicker } from './components/LanguagePicker.js'
export { QuickExit } from './components/QuickExit.js'
export { InfoPanel, type InfoPanelProps } from './components/InfoPanel.js'
export { PhoneNumber, CallLink } from './components/PhoneNumber.js'
