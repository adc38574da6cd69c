// .tsx, not .ts: the lint config applies the rules of hooks to .tsx files.
import { useMemo, useState } from 'react'
import { stockholmDay } from '@vbe/core/calendar'
import { analysePlan, planSchema, type Plan, type PlanAnalysis } from '@vbe/core/plans'
import { formatMessage, issueMessage } from '@vbe/core'
import { districtPlugin, districtTemplates } from '@vbe/districts'
import { useI18n } from '../../i18n'
import type { FieldIssue } from './Panel'
import { issueField } from './issue-fields'

const todayIso = () => stockholmDay(new Date())

/**
 * What the panel shows for the document as typed: the fields to correct before it can be
 * saved, and the coverage and findings (the last analysis that could run, while a field is
 * half typed).
 */
export function usePlanAnalysis(doc: Plan | null, district: string | undefined): { issues: FieldIssue[]; analysis: PlanAnalysis | null } {
  const { t, lang } = useI18n()
  const parsed = useMemo(() => (doc ? planSchema.safeParse(doc) : null), [doc])
  // The same messages, in the same words, as the server's 400 for these fields.
  // Each issue is worded from its message code by core's catalogue, in the UI's language.
  const issues: FieldIssue[] = useMemo(
    () =>
      parsed && doc && !parsed.success
        ? parsed.error.issues.map((i) => ({
            // Named by the form's labels and linked to its input, never by its path in the plan (`activities[0].title`).
            ...issueField(i.path, doc, t, (sid) => districtPlugin(doc.district)?.planSections.find((s) => s.id === sid)?.title[lang]),
            message: formatMessage(issueMessage(i), lang),
          }))
        : [],
    [parsed, doc, lang, t],
  )
  const templates = useMemo(() => (district !== undefined ? districtTemplates(district) : []), [district])
  // The panel follows every edit: while a field is invalid (say, an empty title) the
  // analysis still runs on the document as typed, since it only reads fields.
  const fresh = useMemo(() => {
    if (!doc) return null
    try {
      return analysePlan(parsed?.success ? parsed.data : doc, { templates, on: todayIso() })
    } catch {
      // A half-typed value the analysis cannot read: keep the last result (below).
      return null
    }
  }, [doc, parsed, templates])
  // The last result the analysis could produce, kept in state and updated while rendering.
  const [lastGood, setLastGood] = useState<PlanAnalysis | null>(null)
  if (fresh && fresh !== lastGood) setLastGood(fresh)
  return { issues, analysis: fresh ?? lastGood }
}
