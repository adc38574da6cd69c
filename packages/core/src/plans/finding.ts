import type { LocalizedText } from '../shared/index.js'

export type Severity = 'error' | 'warning' | 'info'

/** One thing the analysis noticed, with where it is and what to do, in Swedish and English. */
export interface PlanFinding {
  readonly code: string
  readonly severity: Severity
  readonly message: LocalizedText
  readonly activityId?: string
  readonly indicatorId?: string
  /** The template item, guideline, measure or risk the finding is about. */
  readonly itemId?: string
}

/** A finding in both languages, with where it is. */
export const finding = (
  code: string,
  severity: Severity,
  sv: string,
  en: string,
  where: { activityId?: string; indicatorId?: string; itemId?: string } = {},
): PlanFinding => ({ code, severity, message: { sv, en }, ...where })
