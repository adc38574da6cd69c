import type { KitTables } from '@vbe/server-kit'

/** The plan editor's tables, beside server-kit's users, sessions and audit log. */
export interface PlanTables {
  pe_plans: {
    id: string
    district: string
    year: number
    status: string
    /** The plan document (planSchema), with `status` kept equal to the column. */
    document: unknown
    /** Starts at 1 and goes up by one on every write; the ETag. */
    version: number
    /** The plan this one is the yearly revision of. */
    revision_of: string | null
    created_at: Date | string
    updated_at: Date | string
    updated_by: string
  }
  pe_plan_versions: {
    plan_id: string
    version: number
    status: string
    document: unknown
    /** What made this version: create, revise-yearly, save, follow-up, follow-up-removed, submit, adopt, return, revise. */
    action: string
    /** For workflow steps: the committee decision reference and comment. */
    meta: unknown
    saved_by: string
    saved_at: Date | string
  }
}

export type Tables = KitTables & PlanTables
