import type { Plan } from '@vbe/core/plans'
import { mitigationLabel } from '../../../../shared/change-labels'
import { ACTIVITY_FIELDS, INDICATOR_FIELDS } from '../../../../shared/plan-fields'
import type { T } from '../../i18n'

/**
 * Where an invalid value sits in the form, in the words of the form's own labels
 * ("Aktivitet 2: Rubrik", "Lägesbild: Datum") and the id of its input, so the panel
 * can name the field and take the user to it, never a schema path (`activities[1].title`).
 * `fieldId` is null when no single input holds the value; `label` is then the nearest part.
 */
export interface IssueField {
  readonly label: string
  readonly fieldId: string | null
}

export function issueField(path: readonly PropertyKey[], doc: Plan, t: T, sectionTitle: (id: string) => string | undefined): IssueField {
  const [first, second, third, fourth, fifth, sixth] = path
  const join = (...parts: string[]) => parts.join(': ')
  if (first === 'contactPoint' && (second === 'function' || second === 'unit' || second === 'email'))
    return { label: join(t('contactPoint'), t(second)), fieldId: `cp-${second}` }
  if (first === 'situationPicture') {
    if (second === 'date' || second === 'summary') return { label: join(t('situationPicture'), t(second)), fieldId: `sp-${second}` }
    if (second === 'localProblemPicture' && (third === 'agreement' || third === 'date' || third === 'summary'))
      return { label: join(t('localProblem'), t(third)), fieldId: `lp-${third}` }
    return { label: t('situationPicture'), fieldId: null }
  }
  if (first === 'sections' && typeof second === 'number') {
    const id = doc.sections[second]?.id
    return { label: join(t('sections'), (id && sectionTitle(id)) || String(second + 1)), fieldId: id ? `sec-${id}` : null }
  }
  if (first === 'activities' && typeof second === 'number') {
    const activity = doc.activities[second]
    const name = `${t('activity')} ${second + 1}`
    if (!activity) return { label: name, fieldId: null }
    const p = `act-${activity.id}`
    if (third === 'period' && (fourth === 'from' || fourth === 'to'))
      return { label: join(name, t(fourth === 'from' ? 'periodFrom' : 'periodTo')), fieldId: `${p}-${fourth}` }
    if (third === 'responsible' && fourth === 'level') return { label: join(name, t('level')), fieldId: `${p}-level` }
    if (third === 'existingStructure') {
      const existing = activity.existingStructure?.kind === 'existing'
      return { label: join(name, t(existing ? 'structureName' : 'structureReason')), fieldId: `${p}-${existing ? 'sname' : 'sreason'}` }
    }
    if (third === 'risks' && typeof fourth === 'number') {
      const risk = activity.risks[fourth]?.riskId
      return { label: join(name, risk ? mitigationLabel(t, risk) : t('risks')), fieldId: risk ? `${p}-risk-${risk}` : null }
    }
    if (third === 'indicators' && typeof fourth === 'number') {
      const indicator = activity.indicators[fourth]
      const where = `${name}, ${t('indicator')} ${fourth + 1}`
      if (!indicator) return { label: where, fieldId: null }
      const q = `${p}-ind-${indicator.id}`
      if ((fifth === 'baseline' || fifth === 'target') && (sixth === 'value' || sixth === 'date'))
        return {
          label: join(where, `${t(fifth)}: ${t(sixth).toLowerCase()}`),
          fieldId: `${q}-${fifth === 'baseline' ? 'b' : 't'}${sixth === 'value' ? 'v' : 'd'}`,
        }
      const field = typeof fifth === 'string' ? INDICATOR_FIELDS[fifth] : undefined
      return field ? { label: join(where, t(field[0])), fieldId: `${q}-${field[1]}` } : { label: where, fieldId: null }
    }
    const field = typeof third === 'string' ? ACTIVITY_FIELDS[third] : undefined
    return field ? { label: join(name, t(field[0])), fieldId: field[1] ? `${p}-${field[1]}` : null } : { label: name, fieldId: null }
  }
  return { label: t('thePlan'), fieldId: null }
}
