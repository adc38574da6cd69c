import { describe, expect, it } from 'vitest'
import { norrmalmExamplePlan, parsePlan } from '@vbe/core/plans'
import { createI18n } from '@vbe/web-kit'
import { catalogue } from '../src/i18n'
import { activityChangeLabel, changeValue, documentPathLabel, planChangeLabel } from '../src/pages/editor/change-labels'

// The redline and the conflict panel name fields in the form's words: never a change path or a code.
const sv = createI18n(catalogue, 'sv').t
const en = createI18n(catalogue, 'en').t
const noSections = () => undefined
const RAW = /[[\]]|\b(contactPoint|situationPicture|activities|indicators|followUps|period|responsible)\b|\.\w/

describe('redline labels (plan editor)', () => {
  it('names plan fields by the form’s labels, in sv and en', () => {
    expect(planChangeLabel('contactPoint.function', sv, noSections)).toBe('Kontaktpunkt: Funktion')
    expect(planChangeLabel('situationPicture.summary', sv, noSections)).toBe('Lägesbild: Sammanfattning')
    expect(planChangeLabel('situationPicture.localProblemPicture.date', en, noSections)).toMatch(/: Date$/)
    expect(planChangeLabel('sections[s1].text', sv, (id) => (id === 's1' ? 'Trygghet i Järva' : undefined))).toBe(
      'Lokala avsnitt: Trygghet i Järva',
    )
    expect(planChangeLabel('status', en, noSections)).toBe('Status')
  })

  it('names activity and indicator fields by the activity’s title and the indicator’s name', () => {
    expect(activityChangeLabel('period.from', sv, 'Föräldracaféer')).toBe('Aktivitet «Föräldracaféer»: Från')
    expect(activityChangeLabel('responsible.level', en, 'Parent cafés')).toBe('Activity «Parent cafés»: Level')
    expect(activityChangeLabel('baseline.value', sv, 'Föräldracaféer', 'Antal träffar')).toBe(
      'Aktivitet «Föräldracaféer», Indikator «Antal träffar»: Utgångsvärde: värde',
    )
    expect(activityChangeLabel('followUps[T2].note', sv, 'Föräldracaféer', 'Antal träffar')).toMatch(/: T2: anteckning$/)
  })

  it('reads a merge conflict’s document path through the plan’s own titles', () => {
    const plan = parsePlan(norrmalmExamplePlan)
    const activity = plan.activities[0]!
    const indicator = activity.indicators[0]!
    const label = documentPathLabel(`activities[${activity.id}].indicators[${indicator.id}].name`, plan, sv, noSections)
    expect(label).toBe(`Aktivitet «${activity.title}», Indikator «${indicator.name}»: Namn`)
    expect(documentPathLabel('contactPoint.email', plan, en, noSections)).toBe('Contact point: Email')
  })

  it('words coded values and lists; no label or value is a path or a code', () => {
    expect(changeValue({ path: 'status', before: 'draft', after: 'submitted' }, 'after', sv)).toBe('Inlämnad')
    expect(changeValue({ path: 'responsible.level', before: 'district', after: 'central' }, 'before', sv)).toBe('Stadsdelsnämnd')
    expect(changeValue({ path: 'targetGroup.kind', before: 'staff', after: 'residents' }, 'after', en)).not.toBe('residents')
    expect(changeValue({ path: 'partners', before: undefined, after: ['Polisen', 'Skolan'] }, 'after', sv)).toBe('Polisen, Skolan')
    expect(changeValue({ path: 'partners', before: undefined, after: [] }, 'before', sv)).toBe('—')
    const labels = [
      planChangeLabel('contactPoint.unit', sv, noSections),
      activityChangeLabel('existingStructure.kind', en, 'X'),
      activityChangeLabel('risks[R3].mitigation', sv, 'X'),
      activityChangeLabel('followUps[T1].value', en, 'X', 'Y'),
    ]
    for (const l of labels) expect(l).not.toMatch(RAW)
  })
})
