/**
 * The audit log: every state change (and every read of personal data) is appended as an
 * event that carries the keyed hash of the event before it, so the log forms a chain that
 * someone with write access to the database cannot rewrite unseen. See docs/security.md,
 * "Audit and keys".
 */
export { canonicalJson } from './canonical.js'
export {
  ANCHOR_ACTION,
  ERASE_ACTION,
  GENESIS_HASH,
  keyedHasher,
  legacyHasher,
  type AuditEvent,
  type AuditInput,
  type ChainHasher,
} from './chain.js'
export { appendAudit, appendAuditAs, appendAuditBatchAs } from './append.js'
export { listAudit, type AuditQuery } from './list.js'
export { verifyAudit, type FullVerification, type VerifyOptions } from './verify.js'
export {
  AUDIT_PROBLEM_CODES,
  auditProblemText,
  verificationFor,
  verificationIn,
  type AuditProblem,
  type AuditProblemCode,
  type AuditVerification,
} from './problems.js'
export { eraseFromAudit, vacuumAfterErasure } from './erase.js'
export { anchorAuditChain, type AuditAnchorResult } from './anchor.js'
export { followCheckpoints, type CheckpointFollower } from './follow.js'
export { auditCheckpointsSettled } from './followers.js'
export type { AuditReconciler, Unreconciled } from './reconcile.js'
export {
  AuditKeyError,
  auditSeal,
  ephemeralAuditSeal,
  fileCheckpoints,
  memoryCheckpoints,
  readRetiredKeys,
  type AuditSeal,
  type Checkpoint,
  type CheckpointStore,
} from './seal.js'
export { auditSealFromEnv, defaultAuditSeal } from './config.js'
