import type { LocalizedText } from '../shared/index.js'
import { finding, type PlanFinding } from './finding.js'
import type { Plan } from './schemas.js'

/** What the readiness check reads of a template's coverage. */
interface CoverageOfTemplate {
  readonly templateId: string
  readonly title: LocalizedText
  readonly items: readonly unknown[]
  readonly gaps: readonly string[]
}

/** What a plan needs before it can go to the committee: activities tied to the strategy, each with its structure chosen, and an answer to each template. */
export function contentFindings(plan: Plan, coverage: readonly CoverageOfTemplate[]): PlanFinding[] {
  const out: PlanFinding[] = []
  if (plan.activities.length === 0) {
    out.push(
      finding(
        'no-activities',
        'error',
        'Planen har inga aktiviteter. Lägg till minst en aktivitet och koppla den till strategins riktlinjer.',
        'The plan has no activities. Add at least one activity and link it to the strategy’s guidelines.',
      ),
    )
  }
  for (const a of plan.activities) {
    if (a.existingStructure === undefined) {
      out.push(
        finding(
          'structure-not-chosen',
          'error',
          `Aktiviteten ”${a.title}” anger inte om den bedrivs i en befintlig struktur eller behöver en ny. Välj en av dem och beskriv den.`,
          `The activity “${a.title}” does not say whether it runs in an existing structure or needs a new one. Choose one and describe it.`,
          { activityId: a.id },
        ),
      )
    }
    if (a.guidelines.length === 0) {
      out.push(
        finding(
          'activity-without-guideline',
          'error',
          `Aktiviteten ”${a.title}” är inte kopplad till någon av strategins riktlinjer. Välj minst en riktlinje.`,
          `The activity “${a.title}” is linked to none of the strategy’s guidelines. Choose at least one guideline.`,
          { activityId: a.id },
        ),
      )
    }
  }
  for (const c of coverage) {
    if (c.items.length > 0 && c.gaps.length === c.items.length) {
      out.push(
        finding(
          'template-not-covered',
          'error',
          `Planen svarar inte på något i ”${c.title.sv}” (0 av ${c.items.length}). Svara i avsnitten eller koppla aktiviteter till punkterna.`,
          `The plan answers nothing in “${c.title.en}” (0 of ${c.items.length}). Answer in the sections or link activities to the items.`,
          { itemId: c.templateId },
        ),
      )
    }
  }
  return out
}
