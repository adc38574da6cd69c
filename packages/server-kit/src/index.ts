/**
 * `@vbe/server-kit`: what the VBE server apps share — database (PGlite or PostgreSQL)
 * with migrations, login and sessions, roles, the hash-chained audit log, Effect
 * services and typed errors mapped to problem+json in one place.
 */
export * from './errors.js'
export * from './language.js'
export * from './messages.js'
export * from './password.js'
export * from './db.js'
export * from './schema.js'
export * from './services.js'
export * from './audit/index.js'
export * from './auth.js'
export * from './http.js'
export * from './ui.js'
export * from './access/index.js'
export * from './main.js'
export * from './concurrency.js'
export * from './routes/audit.js'
export { listSessions, endSession, endAllSessionsOf, type SessionInfo } from './sessions/store.js'
export { clientInfo, parseTrustedProxies, type ClientInfo } from './sessions/client.js'
export { claimAttempt, type ThrottleRule } from './sessions/throttle.js'
export * from './security-log/index.js'
export { securityEvent, logRefusals } from './security-log/request.js'
export { findDemoUsers, type DemoUserFound } from './sessions/demo-users.js'
export * from './oidc/index.js'
export { newPasswordProblems, PASSWORD_POLICY } from './accounts/policy.js'
export { listAccounts, type AccountSummary } from './accounts/store.js'
