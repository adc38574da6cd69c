/**
 * The UI keeps its own copy of the API's vocabulary, so its bundle depends on nothing but
 * React. This test ties each copy to its source (core, server-kit, the app's schema), so a
 * value added or renamed there cannot silently go missing from the UI's filters, forms
 * and badges.
 */
import { describe, expect, it } from 'vitest'
import {
  ACTORS as CORE_ACTORS,
  CONDUCTS as CORE_CONDUCTS,
  EVIDENCE_SOURCE_KINDS,
  FINDING_STATUSES as CORE_FINDING_STATUSES,
  IDROTT_GENERAL_CONDITIONS,
  RULE_KINDS as CORE_RULE_KINDS,
  SOURCE_LEVEL_TEXT,
  type Outcome as CoreOutcome,
} from '@vbe/core/grants'
import { GRANT_SOURCE_LEVELS } from '@vbe/core/plugins'
import { en } from '../ui/src/messages/en.js'
import { sv } from '../ui/src/messages/sv.js'
import { ROLES as KIT_ROLES } from '@vbe/server-kit'
import { CASE_STATUSES, DECISION_KINDS as SERVER_DECISION_KINDS, PERSON_ROLES as SERVER_PERSON_ROLES } from '../src/db/tables.js'
import {
  ACTORS,
  CONDUCTS,
  DECISION_KINDS,
  FINDING_STATUSES,
  OUTCOMES,
  PERSON_ROLES,
  ROLES,
  RULE_KINDS,
  SOURCE_KINDS,
  STATUSES,
  type Outcome,
  type RescreenEvidence as UiEvidence,
  type RescreenFlip as UiFlip,
} from '../ui/src/types.js'
import type { RescreenEvidence as ServerEvidence, RescreenFlip as ServerFlip } from '../src/cases/rescreen.js'

describe('the UI vocabulary matches its sources', () => {
  it.each([
    ['conducts (core)', CONDUCTS, CORE_CONDUCTS],
    ['actors (core)', ACTORS, CORE_ACTORS],
    ['evidence source kinds (core)', SOURCE_KINDS, EVIDENCE_SOURCE_KINDS],
    ['finding statuses (core)', FINDING_STATUSES, CORE_FINDING_STATUSES],
    ['rule kinds (core)', RULE_KINDS, CORE_RULE_KINDS],
    ['roles (server-kit)', ROLES, KIT_ROLES],
    ['case statuses (app schema)', STATUSES, CASE_STATUSES],
    ['decision kinds (app schema)', DECISION_KINDS, SERVER_DECISION_KINDS],
    ['person roles (app schema)', PERSON_ROLES, SERVER_PERSON_ROLES],
  ] as const)('%s', (_name, ui, source) => {
    expect([...ui]).toEqual([...source])
  })

  it('source levels are worded as core words them, in Swedish and English', () => {
    for (const level of GRANT_SOURCE_LEVELS) {
      expect({ sv: sv[`level_${level}`], en: en[`level_${level}`] }, level).toEqual(SOURCE_LEVEL_TEXT[level])
    }
    // The sports administration's conditions sit at the committee level: its words name the administration too.
    expect(IDROTT_GENERAL_CONDITIONS.title).toMatch(/^Idrottsförvaltningen:/)
    expect(sv[`level_${IDROTT_GENERAL_CONDITIONS.level}`]).toBe('Facknämnd eller dess förvaltning')
    expect(en[`level_${IDROTT_GENERAL_CONDITIONS.level}`]).toBe('Specialist committee or its administration')
  })

  it('outcomes (core)', () => {
    // Outcome is a type in core: a record keyed by it must name every outcome, and no other.
    const coreOutcomes: Record<CoreOutcome, true> = {
      eligible: true,
      ineligible: true,
      requires_assessment: true,
    }
    const same: [Outcome] extends [CoreOutcome] ? ([CoreOutcome] extends [Outcome] ? true : false) : false = true
    expect(same).toBe(true)
    expect([...OUTCOMES].sort()).toEqual(Object.keys(coreOutcomes).sort())
  })

  it('re-screen flips: the UI reads the fields the server sends, and no others (no evidence ids)', () => {
    // A type test, checked by the app's typecheck: a field only the UI knows (as `changedFindings` with
    // raw evidence ids was) would render nothing real, or ids.
    type Keys<T> = keyof T
    const same: [Keys<UiFlip>] extends [Keys<ServerFlip>] ? ([Keys<ServerFlip>] extends [Keys<UiFlip>] ? true : false) : false = true
    const flip: ServerFlip = {
      caseId: 'c',
      district: 'rinkeby-kista',
      programme: 'rinkeby-kista/foreningsbidrag',
      associationName: 'A',
      from: 'eligible',
      to: 'ineligible',
      changedRules: [],
      changedEvidence: [
        {
          conduct: 'threat',
          actor: 'organisation',
          date: '2026-12-01',
          source: 'tip',
          verified: true,
          newSinceLastScreening: true,
          before: 'not_applicable',
          after: 'not_met',
        },
      ],
    }
    const shown: UiFlip = flip
    const evidenceSame: [Keys<UiEvidence>] extends [Keys<ServerEvidence>]
      ? [Keys<ServerEvidence>] extends [Keys<UiEvidence>]
        ? true
        : false
      : false = true
    expect(same).toBe(true)
    expect(evidenceSame).toBe(true)
    expect(Object.keys(shown).sort()).toEqual([
      'associationName',
      'caseId',
      'changedEvidence',
      'changedRules',
      'district',
      'from',
      'programme',
      'to',
    ])
  })
})

describe('one term for one thing, in the UI and the letter', async () => {
  // The UI's message files import without extensions (the bundler's resolution): loaded at run time, not type-checked here.
  const load = (path: string) => import(path) as Promise<Record<string, Readonly<Record<string, string>>>>
  const sv = (await load('../ui/src/messages/sv.ts'))['sv']!
  const en = (await load('../ui/src/messages/en.ts'))['en']!
  const { TEXTS } = await import('../src/letter/texts.js')
  const { AUDIT_ACTION_LABELS } = await import('../ui/src/audit-labels.js')

  it.each([
    ['sv', sv, TEXTS.sv.programme, 'Bidragsprogram', ['Bidragsform'], 'Ansökningsnummer', ['Ansökans id']],
    ['en', en, TEXTS.en.programme, 'Grant programme', ['Grant type'], 'Application number', ['Application id']],
  ] as const)(
    '%s: the grant programme and the application number are named alike on every page and in the letter',
    (_, m, letter, programme, notProgramme, number, notNumber) => {
      const labels = [m.programme, m.filterProgramme, m.colProgramme, m.newProgramme]
      expect([...new Set([...labels, letter])]).toEqual([programme])
      expect([...new Set([m.applicationId, m.newApplicationId])]).toEqual([number])
      const all = Object.values(m).join('\n')
      for (const word of [...notProgramme, ...notNumber]) expect(all).not.toContain(word)
    },
  )

  it('says a conflict of interest (jäv, neuter) was not declared in correct Swedish', () => {
    expect(AUDIT_ACTION_LABELS['case.conflict.none']).toEqual({ sv: 'Inget jäv anmält', en: 'No conflict of interest declared' })
  })
})
