import { describe, expect, it } from 'vitest'
import { norrmalmExamplePlan, parsePlan } from '@vbe/core/plans'
import { activityChangeLabel, changeValue, changeWords, documentPathLabel, planChangeLabel } from '../shared/change-labels.js'

// The redline (editor and export) and the conflict panel name fields in the form's words: never a change path or a code.
// The editor passes its catalogue's `t`; the server, and this test, the same catalogue's words through changeWords.
const sv = changeWords('sv')
const en = changeWords('en')
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

  it('words the codes and ids inside a whole entry, and names actors when given the language', () => {
    const group = { path: 'targetGroup', before: undefined, after: { kind: 'residents', description: 'Järva' } }
    expect(changeValue(group, 'after', sv)).toBe('Boende, Järva')
    expect(changeValue({ path: 'sections[s1]', before: undefined, after: { id: 's1', text: 'Trygghet' } }, 'after', en)).toBe('Trygghet')
    const followUp = { path: 'followUps[T2]', before: undefined, after: { note: '', date: '2026-08-31', period: 'T2', value: 60 } }
    expect(changeValue(followUp, 'after', sv)).toBe('60, 2026-08-31')
    expect(changeValue({ path: 'existingStructure.kind', before: 'existing', after: 'new' }, 'after', en)).toBe('New structure')
    const actor = { path: 'responsible.actorId', before: 'stadsdelsnamnd', after: 'polisen' }
    expect(changeValue(actor, 'before', sv, { lang: 'sv' })).toBe('Stadsdelsnämnderna')
    expect(changeValue(actor, 'after', en, { lang: 'en' })).not.toBe('polisen')
    const partners = { path: 'partners', before: [], after: ['polisen', 'Föreningen Grannstöd'] }
    expect(changeValue(partners, 'after', sv, { lang: 'sv' })).toMatch(/^[^,]+, Föreningen Grannstöd$/)
    expect(changeValue(partners, 'after', sv, { lang: 'sv' })).not.toContain('polisen')
    const answers = { path: 'sections', before: [], after: ['s1'] }
    expect(changeValue(answers, 'after', sv, { lang: 'sv', sectionTitle: (id) => (id === 's1' ? 'Trygghet i Järva' : undefined) })).toBe(
      'Trygghet i Järva',
    )
  })
})
