// Judging a decision before it is recorded: core's guard (overrides, citations, four
// eyes) and kommunicering gate, worded as the 400 and 409 answers the officer reads.
import { Effect } from 'effect'
import {
  communicationGate,
  DECISION_KIND_TERMS,
  guardDecision,
  MAX_AMOUNT_RULE,
  ruleHeading,
  type DecisionBasis,
  type DecisionGuard,
  type DecisionKind,
  type DecisionProblem,
} from '@vbe/core/grants'
import { stockholmDay } from '@vbe/core/calendar'
import { Clock, Conflict, Invalid, type FieldProblemText } from '@vbe/server-kit'
import { assessmentRows, assessmentViews, communicationsOf, toAssessments, unresolvedRules } from './record.js'
import { Plugins, screeningOf, type CaseRow, type Fx } from './store.js'
import type { Application } from '@vbe/core/grants'

export interface DecisionInput {
  readonly kind: DecisionKind
  readonly amount?: number | undefined
  readonly reasons: string
  readonly letterLocale: 'sv' | 'en'
  /** One reason per failed rule a grant overrides, by rule id. */
  readonly overrides?: Readonly<Record<string, string>> | undefined
}

const headingOf = (ruleId: string) => ruleHeading(ruleId) ?? { sv: ruleId, en: ruleId }

function problemText(p: DecisionProblem, amountRequested: number): FieldProblemText {
  switch (p.code) {
    case 'amount.required':
      return { path: p.path, message: { sv: 'måste fyllas i när bidraget beviljas delvis', en: 'is required for a partial grant' } }
    case 'amount.notBelowRequested':
      return {
        path: p.path,
        message: {
          sv: `måste vara mindre än de ${amountRequested} kr som föreningen sökte (bevilja i stället hela beloppet)`,
          en: `must be less than the ${amountRequested} kr applied for (use approve for the full amount)`,
        },
      }
    case 'amount.onlyPartial':
      return {
        path: p.path,
        message: { sv: 'ska bara anges när bidraget beviljas delvis', en: 'only applies to a partial grant' },
      }
    case 'override.reasonMissing': {
      const h = headingOf(p.ruleId)
      return {
        path: p.path,
        message: {
          sv: `behöver ett skäl: villkoret ”${h.sv}” är inte uppfyllt, så den som beviljar bidraget måste motivera varför`,
          en: `needs a reason: the condition “${h.en}” is not met, so granting needs a reason for overriding it`,
        },
      }
    }
    case 'override.notNeeded': {
      const h = headingOf(p.ruleId)
      return {
        path: p.path,
        message: {
          sv: `behövs inte: det beviljade beloppet ryms inom programmets högsta belopp (”${h.sv}”); ta bort skälet`,
          en: `is not needed: the amount granted is within the programme maximum (“${h.en}”); remove the reason`,
        },
      }
    }
    case 'override.notFailed': {
      const h = headingOf(p.ruleId)
      return {
        path: p.path,
        message: {
          sv: `gäller inget villkor som står emot ansökan (”${h.sv}”); ta bort det`,
          en: `names no condition that stands against the application (“${h.en}”); remove it`,
        },
      }
    }
  }
}

const names = (ids: readonly string[], lang: 'sv' | 'en') => ids.map((id) => `”${headingOf(id)[lang]}”`).join(', ')

/** A decision against the applicant may not rest on evidence nobody has assessed: it names what to assess first. */
function unassessedProblem(ruleIds: readonly string[]): FieldProblemText {
  return {
    path: 'kind',
    message: {
      sv: `Ett avslag eller ett lägre belopp kan inte beslutas medan underlaget till ${names(ruleIds, 'sv')} inte är bedömt. Bedöm först varje uppgift under Underlag som relevant eller avfärdad.`,
      en: `A denial or a lower amount cannot be decided while the evidence behind ${names(ruleIds, 'en')} is not assessed. First assess each item under Evidence as relevant or dismissed.`,
    },
  }
}

/** The rule of a programme's maximum amount: granting above it is a deviation that needs a reason of its own. */
const MAX_AMOUNT = MAX_AMOUNT_RULE

/**
 * Granting above the programme's maximum amount is allowed only as an overridden rule
 * (a reason and a second signature, as every failed rule), and its reason must be about
 * that deviation: the same text pasted for another condition is refused at the field.
 */
function maxAmountReasonProblem(overrides: Readonly<Record<string, string>> | undefined, needed: readonly string[]): FieldProblemText[] {
  const norm = (ruleId: string) => (overrides?.[ruleId] ?? '').trim().replace(/\s+/g, ' ').toLowerCase()
  const own = norm(MAX_AMOUNT)
  if (!needed.includes(MAX_AMOUNT) || own === '') return []
  const copied = needed.find((r) => r !== MAX_AMOUNT && norm(r) === own)
  if (copied === undefined) return []
  const h = headingOf(MAX_AMOUNT)
  const other = headingOf(copied)
  return [
    {
      path: `overrides.${MAX_AMOUNT}`,
      message: {
        sv: `behöver ett eget skäl för att bevilja över programmets högsta belopp (”${h.sv}”); det är samma text som för ”${other.sv}”`,
        en: `needs a reason of its own for granting above the programme maximum (“${h.en}”); it is the same text as for “${other.en}”`,
      },
    },
  ]
}

/**
 * The guard of a decision on `row` (its screening and evidence assessments), or a 400
 * naming each field: an amount, an override whose reason is missing (named by rule) or,
 * above the programme maximum, copied from another condition's, or an adverse decision while evidence behind a
 * condition is still unassessed (what to assess first).
 */
export function checkDecision(row: CaseRow, input: DecisionInput): Fx<DecisionGuard, Invalid> {
  return Effect.gen(function* () {
    const screening = yield* screeningOf(row)
    const assessments = toAssessments(assessmentViews(row.application as Application, yield* assessmentRows(row.id)))
    const guard = guardDecision(screening, assessments, {
      kind: input.kind,
      amount: input.amount,
      amountRequested: row.amount_requested,
      maxAmount: (yield* Plugins).programme(row.programme)?.parameters.maxAmount,
      overrides: input.overrides,
    })
    const unresolved = DECISION_KIND_TERMS[input.kind].adverse ? unresolvedRules(screening, assessments) : []
    const problems = [
      ...(unresolved.length > 0 ? [unassessedProblem(unresolved)] : []),
      ...guard.problems.map((p) => problemText(p, row.amount_requested)),
      ...maxAmountReasonProblem(input.overrides, guard.overridesNeeded),
    ]
    if (problems.length > 0)
      return yield* new Invalid({
        detail: { sv: 'Beslutet innehåller fel.', en: 'The decision is invalid.' },
        problems,
      })
    return guard
  })
}

/**
 * An adverse decision waits for kommunicering (förvaltningslagen 25 §): 409 when the
 * material was not sent (since `since`, the decision a revision replaces), or when the
 * deadline has not passed and the applicant has not replied, naming the deadline.
 */
export function requireCommunicated(row: CaseRow, guard: DecisionGuard, basis: DecisionBasis, since: Date | null): Fx<void, Conflict> {
  return Effect.gen(function* () {
    const today = stockholmDay((yield* Clock).now())
    const all = yield* communicationsOf(row.id)
    const communications = all
      .filter((c) => since === null || c.sent_at >= since)
      .map((c) => ({ deadline: c.deadline, repliedOn: c.replied_on }))
    const gate = communicationGate({ adverse: guard.adverse, basis, communications, today })
    if (gate.ok) return
    if (gate.reason === 'not-communicated')
      return yield* new Conflict({
        detail: {
          sv: 'Ett avslag eller ett lägre belopp än det sökta får beslutas först när sökanden har fått ta del av underlaget (kommunicering enligt förvaltningslagen 25 §). Skicka underlaget till sökanden först.',
          en: 'A denial or an amount below the one applied for may be decided only after the applicant has been sent the material (kommunicering, Administrative Procedure Act section 25). Send the material to the applicant first.',
        },
      })
    return yield* new Conflict({
      detail: {
        sv: `Sökanden har till och med ${gate.deadline} på sig att svara på kommuniceringen. Ett avslag eller ett lägre belopp kan beslutas efter den dagen, eller när svaret har kommit in.`,
        en: `The applicant has until ${gate.deadline} to reply to the communication. A denial or a lower amount can be decided after that day, or once the reply is in.`,
      },
    })
  })
}
