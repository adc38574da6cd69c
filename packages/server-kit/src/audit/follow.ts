import type { AnyKysely } from '../db-values.js'
import { lockedHead } from './append.js'
import { addFollower, type Follower } from './followers.js'
import type { AuditSeal } from './seal.js'

/**
 * The checkpoint follows the chain: after every append commits, the head is checkpointed
 * (signed, outside the database), so deleting the newest events is reported as
 * truncation however recent they are. The refresh runs after the commit, on its own
 * connection: it takes the audit lock, which the appending transaction holds until it
 * commits or rolls back, so it sees only committed events, and never checkpoints an event
 * that a rollback then removes. Refreshes are coalesced: while one runs, any number of
 * appends ask for one more, so under load a refresh costs one transaction per burst of
 * appends, not per append (docs/security.md, "Audit and keys", has the measured cost).
 *
 * A database that loses its newest commits in a crash therefore holds fewer events than
 * its checkpoint, and verification says so: "events missing after the checkpoint".
 */
export interface CheckpointFollower {
  /** Resolves once every append noted so far has been checkpointed (or its refresh failed). */
  readonly settled: () => Promise<void>
  /** Settles, then stops following: for closing the database. */
  readonly stop: () => Promise<void>
}

/** Follows the chain of the database `kysely` (not a transaction) sealed by `seal`, until `stop`. */
export function followCheckpoints(kysely: AnyKysely, seal: AuditSeal): CheckpointFollower {
  let running: Promise<void> | null = null
  let again = false
  let stopped = false
  const refresh = () =>
    kysely
      .transaction()
      .execute((db) => lockedHead(db, seal, new Date().toISOString(), { checkpoint: true }))
      // A failed refresh (the database closing, a lost connection) is retried by the next append or
      // verification; the checkpoint then only lags, which verification cannot mistake for tampering.
      .catch(() => undefined)
  let remove = () => {}
  const follower: Follower & CheckpointFollower = {
    appended: () => {
      if (stopped) return
      if (running) {
        again = true
        return
      }
      running = (async () => {
        do {
          again = false
          // Let the appending transaction go on to its commit before this one queues for the lock.
          await new Promise<void>((resolve) => setImmediate(resolve))
          await refresh()
        } while (again && !stopped)
        running = null
      })()
    },
    settled: async () => {
      while (running) await running
    },
    stop: async () => {
      await follower.settled()
      stopped = true
      remove()
    },
  }
  remove = addFollower(seal, follower)
  return follower
}
