import { sql, type Kysely } from 'kysely'
import type { KitTables, MigrationSet } from '@vbe/server-kit'

export const CASE_STATUSES = ['new', 'in_review', 'awaiting_approval', 'decided'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'in_review', 'awaiting_approval']
export const DECISION_KINDS = ['approve', 'deny', 'partial'] as const
export type DecisionKind = (typeof DECISION_KINDS)[number]
export const PERSON_ROLES = ['contact', 'chair', 'treasurer', 'board-member'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]

export interface GrantTables {
  gs_cases: {
    id: string
    application_ref: string
    district: string
    programme: string
    association_name: string
    organisation_number: string
    amount_requested: number
    application: unknown
    screening: unknown
    outcome: string
    human_required: boolean
    ruleset: string
    status: CaseStatus
    report_due: string | null
    report_received_on: string | null
    created_by: string
    created_at: Date
    updated_at: Date
    version: number
  }
  gs_persons: {
    id: string
    case_id: string
    role: PersonRole
    name: string
    email: string | null
    phone: string | null
    erased_at: Date | null
  }
  gs_notes: { id: string; case_id: string; author: string; text: string; at: Date }
  gs_conflicts: { case_id: string; user_id: string; username: string; conflict: boolean; comment: string | null; at: Date }
  gs_decisions: {
    case_id: string
    kind: DecisionKind
    amount: number | null
    reasons: string
    letter_locale: 'sv' | 'en'
    decided_by: string
    decided_at: Date
    requires_second: boolean
    approved_by: string | null
    approved_at: Date | null
  }
  gs_reclaims: { case_id: string; amount: number; reasons: string; decided_by: string; decided_at: Date }
  gs_rescreen_runs: { id: string; at: Date; actor: string; checked: number; changed: number; flips: unknown }
}

export type Tables = GrantTables & KitTables
export type Db = Kysely<Tables>

export const grantMigrations: MigrationSet = {
  name: 'grants',
  migrations: {
    '001-cases': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('gs_cases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('application_ref', 'text', (c) => c.notNull())
          .addColumn('district', 'text', (c) => c.notNull())
          .addColumn('programme', 'text', (c) => c.notNull())
          .addColumn('association_name', 'text', (c) => c.notNull())
          .addColumn('organisation_number', 'text', (c) => c.notNull())
          .addColumn('amount_requested', 'integer', (c) => c.notNull())
          .addColumn('application', 'jsonb', (c) => c.notNull())
          .addColumn('screening', 'jsonb', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('human_required', 'boolean', (c) => c.notNull())
          .addColumn('ruleset', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('report_due', 'text')
          .addColumn('report_received_on', 'text')
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'timestamptz', (c) => c.notNull())
          .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
          .addUniqueConstraint('gs_cases_programme_ref', ['programme', 'application_ref'])
          .execute()
        await db.schema.createIndex('gs_cases_queue').on('gs_cases').columns(['district', 'status', 'created_at']).execute()
        await db.schema
          .createTable('gs_persons')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('email', 'text')
          .addColumn('phone', 'text')
          .addColumn('erased_at', 'timestamptz')
          .execute()
        await db.schema.createIndex('gs_persons_case').on('gs_persons').column('case_id').execute()
        await db.schema
          .createTable('gs_notes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('at', 'timestamptz', (c) => c.notNull())
          .execute()
        await db.schema
          .createTable('gs_conflicts')
          .addColumn('case_id', 'text', (c) => c.notNull().references('gs_cases.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('username', 'text', (c) => c.notNull())
          .addColumn('conflict', 'boolean', (c) => c.notNull())
          .addColumn('comment', 'text')
          .addColumn('at', 'timestamptz', (c) => c.notNull())
          .addPrimaryKeyConstraint('gs_conflicts_pk', ['case_id', 'user_id'])
          .execute()
        await db.schema
          .createTable('gs_decisions')
          .addColumn('case_id', 'text', (c) => c.primaryKey().references('gs_cases.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('amount', 'integer')
          .addColumn('reasons', 'text', (c) => c.notNull())
          .addColumn('letter_locale', 'text', (c) => c.notNull())
          .addColumn('decided_by', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
          .addColumn('requires_second', 'boolean', (c) => c.notNull())
          .addColumn('approved_by', 'text')
          .addColumn('approved_at', 'timestamptz')
          .execute()
        await db.schema
          .createTable('gs_reclaims')
          .addColumn('case_id', 'text', (c) => c.primaryKey().references('gs_cases.id').onDelete('cascade'))
          .addColumn('amount', 'integer', (c) => c.notNull())
          .addColumn('reasons', 'text', (c) => c.notNull())
          .addColumn('decided_by', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
          .execute()
        await db.schema
          .createTable('gs_rescreen_runs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('checked', 'integer', (c) => c.notNull())
          .addColumn('changed', 'integer', (c) => c.notNull())
          .addColumn('flips', 'jsonb', (c) => c.notNull())
          .execute()
      },
    },
  },
}
