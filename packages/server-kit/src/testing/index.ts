// Test helpers the apps share: the authorisation matrix, and an app's main() as a process.
export * from './authz-matrix.js'
export * from './app-process.js'
export * from './session-rows.js'
export * from './edge-probe.js'
