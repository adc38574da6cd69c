import type { Locale, LocalizedText } from '../shared/index.js'
import type { GrantSource } from '../plugins/index.js'
import { ruleHeading, type Finding, type FindingStatus } from './rules.js'
import { screener, type Outcome, type PluginsInput, type ScreeningResult } from './screen.js'
import { DECISION_SOURCES } from './sources.js'
import { checkExplainInput } from './result-shape.js'
import { appealFor } from './appeal.js'
import {
  APPLICANT_CAN,
  DEFAULT_APPEAL,
  EXPLANATION_TEXT,
  OUTCOME_TEXT,
  SOURCE_LEVEL_TEXT,
  STATUS_TEXT,
  rulesetText,
  titleText,
} from './explain-texts.js'

/**
 * A screening result explained as data: what `explain` prints and what a decision letter
 * or a UI renders, in both languages at once. Every text is a `LocalizedText`; every
 * item keeps the ids and sources it rests on, so a renderer never has to parse text.
 */
export interface Explanation {
  readonly applicationId: string
  readonly programme: string
  readonly outcome: Outcome
  readonly humanDecisionRequired: boolean
  readonly ruleset: { readonly version: string; readonly on: string }
  /** Which application was screened, and on which date. */
  readonly title: LocalizedText
  /** The outcome in one sentence. */
  readonly summary: LocalizedText
  /** That a person decides; and, when the democracy condition is involved, that an officer must weigh it. */
  readonly notices: readonly LocalizedText[]
  /** Reasons, what the association can do, how to appeal, and the sources of the decision texts, in that order. */
  readonly sections: readonly ExplanationSection[]
  /** The ruleset and the day it was in force. */
  readonly closing: LocalizedText
}

export type ExplanationSectionId = 'reasons' | 'applicant-can' | 'appeal' | 'sources'

export interface ExplanationSection {
  readonly id: ExplanationSectionId
  readonly heading: LocalizedText
  /** Text before the items (the legal duty to give reasons, "nothing is unmet", the appeal text). */
  readonly paragraphs: readonly LocalizedText[]
  /** True when the items are numbered (the findings). */
  readonly ordered: boolean
  readonly items: readonly ExplanationItem[]
}

/** One finding that was not met or needs assessment: the reason for an adverse result. */
export interface FindingItem {
  readonly kind: 'finding'
  readonly ruleId: string
  readonly status: FindingStatus
  /** The rule's heading (the rule id only if the rule has none). */
  readonly rule: LocalizedText
  /** The status in words. */
  readonly statusText: LocalizedText
  /** The evidence items the finding rests on. */
  readonly evidenceIds: readonly string[]
  /** The item's one-line heading: rule, status and evidence, e.g. "Demokrativillkoret (inte uppfyllt) [Underlag: e1]". */
  readonly heading: LocalizedText
  /** What was found. */
  readonly reason: LocalizedText
  /** The heading over `sources`. */
  readonly sourcesHeading: LocalizedText
  readonly sources: readonly GrantSource[]
}

/** Something the association can do; `ruleId` is the rule it answers, or null for the general advice. */
export interface AdviceItem {
  readonly kind: 'advice'
  readonly ruleId: string | null
  readonly text: LocalizedText
}

/** A source of the decision texts. */
export interface SourceItem {
  readonly kind: 'source'
  readonly source: GrantSource
  /** The source on one line: level, title, reference, date and address. */
  readonly text: LocalizedText
}

export type ExplanationItem = FindingItem | AdviceItem | SourceItem

export interface ExplainStructuredOptions {
  /** The plugins the result was screened with, so that a programme's own appeal text is used. */
  readonly plugins?: PluginsInput | undefined
  /** An appeal text that overrides both the programme's and the default. */
  readonly appeal?: LocalizedText | undefined
}

/** One source on one line: level, title, reference, date and address. */
export function formatSource(source: GrantSource, locale: Locale): string {
  const url = source.url ? `, ${source.url}` : ''
  return `${SOURCE_LEVEL_TEXT[source.level][locale]}: ${source.title}, ${source.reference}, ${source.date}${url}`
}

/** The appeal text for a programme: the plugin's own, else its route's (`appealFor`), else the default (laglighetsprövning). */
export function appealText(programme: string, plugins?: PluginsInput): LocalizedText {
  return plugins ? appealFor(screener(plugins).plugins.programme(programme)).text : DEFAULT_APPEAL
}

const both = (f: (locale: Locale) => string): LocalizedText => ({ sv: f('sv'), en: f('en') })

function sourceItem(source: GrantSource): SourceItem {
  return { kind: 'source', source, text: both((locale) => formatSource(source, locale)) }
}

function findingItem(f: Finding): FindingItem {
  const rule = ruleHeading(f.ruleId) ?? { sv: f.ruleId, en: f.ruleId }
  const statusText = STATUS_TEXT[f.status]
  const evidence = (locale: Locale) =>
    f.evidenceIds.length > 0 ? ` [${EXPLANATION_TEXT.evidence[locale]}: ${f.evidenceIds.join(', ')}]` : ''
  return {
    kind: 'finding',
    ruleId: f.ruleId,
    status: f.status,
    rule,
    statusText,
    evidenceIds: f.evidenceIds,
    heading: both((locale) => `${rule[locale]} (${statusText[locale]})${evidence(locale)}`),
    reason: f.reason,
    sourcesHeading: EXPLANATION_TEXT.sources,
    sources: f.sources,
  }
}

/** A finding that goes against the association: not met, or in need of an officer's assessment. */
const isAdverse = (f: Finding): boolean => f.status === 'not_met' || f.status === 'needs_assessment'

/**
 * The explanation of a screening result as sections and items, in both languages: the
 * result, that a person decides, every finding that was not met or needs assessment with
 * its reason and sources, what the association can do, how to appeal, and the sources of
 * the decision texts (FL 32 §, KL 13 kap.).
 */
export function explainStructured(result: ScreeningResult, options: ExplainStructuredOptions = {}): Explanation {
  checkExplainInput(result, options)
  const adverse = result.findings.filter(isAdverse)
  const advice: AdviceItem[] = []
  const seen = new Set<string>()
  for (const f of adverse) {
    if (seen.has(f.ruleId)) continue
    seen.add(f.ruleId)
    const can = APPLICANT_CAN[f.ruleId]
    if (can) advice.push({ kind: 'advice', ruleId: f.ruleId, text: can })
  }
  advice.push({ kind: 'advice', ruleId: null, text: EXPLANATION_TEXT.canGeneral })

  const sections: ExplanationSection[] = [
    {
      id: 'reasons',
      heading: EXPLANATION_TEXT.reasons,
      paragraphs: [adverse.length === 0 ? EXPLANATION_TEXT.none : EXPLANATION_TEXT.reasonsLaw],
      ordered: true,
      items: adverse.map(findingItem),
    },
    { id: 'applicant-can', heading: EXPLANATION_TEXT.can, paragraphs: [], ordered: false, items: advice },
    {
      id: 'appeal',
      heading: EXPLANATION_TEXT.appeal,
      paragraphs: [options.appeal ?? appealText(result.programme, options.plugins)],
      ordered: false,
      items: [],
    },
    { id: 'sources', heading: EXPLANATION_TEXT.sources, paragraphs: [], ordered: false, items: DECISION_SOURCES.map(sourceItem) },
  ]
  return {
    applicationId: result.applicationId,
    programme: result.programme,
    outcome: result.outcome,
    humanDecisionRequired: result.humanDecisionRequired,
    ruleset: { version: result.ruleset.version, on: result.ruleset.on },
    title: titleText(result.applicationId, result.programme, result.ruleset.on),
    summary: OUTCOME_TEXT[result.outcome],
    notices: result.humanDecisionRequired ? [EXPLANATION_TEXT.person, EXPLANATION_TEXT.human] : [EXPLANATION_TEXT.person],
    sections,
    closing: rulesetText(result.ruleset.version, result.ruleset.on),
  }
}
