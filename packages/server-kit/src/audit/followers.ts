import type { AuditSeal } from './seal.js'

/**
 * The checkpoint followers of each seal (see `follow.ts`), apart from it so that appends
 * can ask for a refresh without importing the follower, which imports them.
 */
export interface Follower {
  /** Asks for a refresh after the current append commits. */
  readonly appended: () => void
  /** Resolves once every append noted so far has been checkpointed (or its refresh failed). */
  readonly settled: () => Promise<void>
}

const followers = new WeakMap<AuditSeal, Set<Follower>>()

/** Registers `follower` for `seal`; the returned function unregisters it. */
export function addFollower(seal: AuditSeal, follower: Follower): () => void {
  const set = followers.get(seal) ?? new Set<Follower>()
  set.add(follower)
  followers.set(seal, set)
  return () => void followers.get(seal)?.delete(follower)
}

/** Called by every append, inside its transaction: asks the followers of `seal` for a refresh after it commits. */
export function noteAppended(seal: AuditSeal): void {
  for (const f of followers.get(seal) ?? []) f.appended()
}

/** Resolves once the checkpoints of `seal` have caught up with every append so far (tests; shutdown). */
export async function auditCheckpointsSettled(seal: AuditSeal): Promise<void> {
  await Promise.all([...(followers.get(seal) ?? [])].map((f) => f.settled()))
}
