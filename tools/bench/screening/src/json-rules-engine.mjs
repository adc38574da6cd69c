// @ts-check
/**
 * The same formal, follow-up and democracy rules encoded for json-rules-engine (v7), as
 * a baseline. Single-field checks are plain conditions on the `application` fact;
 * checks over lists (earlier grants, evidence items) and date arithmetic are dynamic
 * facts, because json-rules-engine has no quantifiers over arrays. Each rule fires an
 * event of type `not_met` or `needs_assessment`.
 */
import { Engine } from 'json-rules-engine'
import { fullYearsBetween } from '@vbe/core/grants'

/** @param {{ maxAmount?: number | undefined, minYearsOfActivity?: number | undefined }} parameters the programme's parameters, from its plugin */
export function buildEngine(parameters) {
  const engine = new Engine([], { allowUndefinedFacts: true })
  engine.addOperator('after', (a, b) => typeof a === 'string' && typeof b === 'string' && a > b)
  engine.addOperator('isAbsent', (a, expected) => (a === undefined) === expected)

  const app = (path) => ({ fact: 'application', path })
  const notMet = (ruleId, conditions) => engine.addRule({ name: ruleId, conditions, event: { type: 'not_met', params: { ruleId } } })

  notMet('statutes', {
    any: [
      { ...app('$.statutes.adoptedAtAnnualMeeting'), operator: 'notEqual', value: true },
      { ...app('$.statutes.adoptedOn'), operator: 'after', value: { fact: 'on' } },
    ],
  })
  notMet('board', { all: [{ ...app('$.board.electedAtAnnualMeeting'), operator: 'notEqual', value: true }] })
  notMet('auditor', { all: [{ ...app('$.board.auditorElected'), operator: 'notEqual', value: true }] })
  notMet('bank-account', { all: [{ ...app('$.association.bankAccount.holderIsAssociation'), operator: 'notEqual', value: true }] })
  if (parameters.maxAmount !== undefined)
    notMet('max-amount', { all: [{ ...app('$.amountRequested'), operator: 'greaterThan', value: parameters.maxAmount }] })
  if (parameters.minYearsOfActivity !== undefined)
    notMet('years-of-activity', { all: [{ fact: 'yearsOfActivity', operator: 'lessThan', value: parameters.minYearsOfActivity }] })
  notMet('declaration', {
    any: [
      { ...app('$.declaration.democraticPrinciples'), operator: 'notEqual', value: true },
      { ...app('$.declaration.humanRights'), operator: 'notEqual', value: true },
      { ...app('$.declaration.genderEquality'), operator: 'notEqual', value: true },
      { ...app('$.declaration.signedOn'), operator: 'isAbsent', value: true },
      { ...app('$.declaration.signedOn'), operator: 'after', value: { fact: 'on' } },
    ],
  })
  notMet('earlier-grants', { all: [{ fact: 'overdueReports', operator: 'greaterThan', value: 0 }] })
  notMet('democracy-condition', { all: [{ fact: 'evidence', path: '$.notMet', operator: 'greaterThan', value: 0 }] })
  engine.addRule({
    name: 'democracy-condition-assessment',
    conditions: { all: [{ fact: 'evidence', path: '$.needsAssessment', operator: 'greaterThan', value: 0 }] },
    event: { type: 'needs_assessment', params: { ruleId: 'democracy-condition' } },
  })

  engine.addFact('yearsOfActivity', async (_params, almanac) => {
    const [a, on] = await Promise.all([almanac.factValue('application'), almanac.factValue('on')])
    return fullYearsBetween(a.association.activitySince, on)
  })
  engine.addFact('overdueReports', async (_params, almanac) => {
    const [a, on] = await Promise.all([almanac.factValue('application'), almanac.factValue('on')])
    return a.previousGrants.filter((g) => (g.reportSubmittedOn === undefined || g.reportSubmittedOn > on) && g.reportDue < on).length
  })
  engine.addFact('evidence', async (_params, almanac) => {
    const [a, on] = await Promise.all([almanac.factValue('application'), almanac.factValue('on')])
    let notMet = 0
    let needsAssessment = 0
    for (const e of a.evidence) {
      if (!e.withinActivities || e.date > on) continue
      if (!e.verified || (e.actor === 'representative' && (e.representativeAge === undefined || e.representativeAge < 18)))
        needsAssessment++
      else notMet++
    }
    return { notMet, needsAssessment }
  })
  return engine
}

/**
 * @param {Engine} engine
 * @returns {Promise<{ outcome: 'eligible' | 'ineligible' | 'requires_assessment', adverse: string[] }>}
 */
export async function screenWithEngine(engine, application, on) {
  const { events } = await engine.run({ application, on })
  let notMet = false
  let needs = false
  const adverse = []
  for (const e of events) {
    if (e.type === 'not_met') notMet = true
    else needs = true
    adverse.push(`${e.type}:${e.params?.ruleId}`)
  }
  return { outcome: notMet ? 'ineligible' : needs ? 'requires_assessment' : 'eligible', adverse }
}
