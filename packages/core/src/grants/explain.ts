import type { Locale, LocalizedText } from '../shared/index.js'
import type { GrantSource } from '../plugins/index.js'
import { ruleHeading, type Finding, type FindingStatus } from './rules.js'
import { screener, type Outcome, type PluginsInput, type ScreeningResult } from './screen.js'
import { FORVALTNINGSLAGEN_32, KOMMUNALLAGEN_13 } from './sources.js'
import { checkExplainInput } from './result-shape.js'

/**
 * The default text on how to appeal: legality review (laglighetsprövning) under
 * chapter 13 of the Local Government Act. A programme's own `appeal` text replaces it.
 */
export const DEFAULT_APPEAL: LocalizedText = Object.freeze({
  sv: 'Beslutet kan överklagas genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725). Varje medlem av kommunen får överklaga. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på kommunens anslagstavla att protokollet över beslutet har justerats. Vid laglighetsprövning prövar domstolen bara om beslutet har kommit till på lagligt sätt; den kan upphäva beslutet men inte sätta ett nytt beslut i dess ställe.',
  en: 'The decision can be appealed through legality review (laglighetsprövning) under chapter 13 of the Local Government Act (2017:725). Any member of the municipality may appeal. The appeal must reach the administrative court within three weeks of the day the municipality’s notice board announced that the minutes of the decision had been approved. In a legality review the court examines only whether the decision was lawfully made; it can set the decision aside but cannot put another decision in its place.',
})

const OUTCOME_TEXT: Record<Outcome, LocalizedText> = {
  eligible: { sv: 'Villkoren är uppfyllda.', en: 'The conditions are met.' },
  ineligible: { sv: 'Villkoren är inte uppfyllda.', en: 'The conditions are not met.' },
  requires_assessment: { sv: 'Ansökan behöver bedömas av en handläggare.', en: 'The application needs to be assessed by an officer.' },
}

const STATUS_TEXT: Record<FindingStatus, LocalizedText> = {
  met: { sv: 'uppfyllt', en: 'met' },
  not_met: { sv: 'inte uppfyllt', en: 'not met' },
  needs_assessment: { sv: 'behöver bedömas', en: 'needs assessment' },
  not_applicable: { sv: 'inte tillämpligt', en: 'not applicable' },
}

const LEVEL_TEXT: Record<GrantSource['level'], LocalizedText> = {
  law: { sv: 'Lag', en: 'Law' },
  bill: { sv: 'Proposition', en: 'Government bill' },
  council: { sv: 'Kommunfullmäktige', en: 'City Council' },
  committee: { sv: 'Nämnd', en: 'Committee' },
  district: { sv: 'Stadsdelsnämnd', en: 'District committee' },
}

/** What the applicant can do about a finding, by rule. */
const APPLICANT_CAN: Record<string, LocalizedText> = {
  statutes: {
    sv: 'Skicka in stadgar som har antagits på årsmöte, tillsammans med årsmötesprotokollet.',
    en: 'Send in statutes adopted at an annual meeting, together with the minutes of that meeting.',
  },
  board: {
    sv: 'Skicka in protokoll som visar att styrelsen har valts av medlemmarna på årsmöte (eller extra årsmöte).',
    en: 'Send in minutes showing that the members elected the board at an annual (or extraordinary) meeting.',
  },
  auditor: {
    sv: 'Välj revisor på årsmöte eller extra årsmöte och skicka in protokollet.',
    en: 'Elect an auditor at an annual or extraordinary meeting and send in the minutes.',
  },
  'bank-account': {
    sv: 'Registrera ett bankgiro eller plusgiro i föreningens namn och uppge det i ansökan.',
    en: 'Register a bankgiro or plusgiro account in the association’s name and give it in the application.',
  },
  'max-amount': {
    sv: 'Sänk det sökta beloppet till högst programmets högsta belopp.',
    en: 'Lower the amount requested to no more than the programme maximum.',
  },
  'years-of-activity': {
    sv: 'Visa med underlag att verksamheten började tidigare, eller ansök igen när föreningen har haft verksamhet så länge som programmet kräver.',
    en: 'Show with documents that the activity began earlier, or apply again once the association has been active for as long as the programme requires.',
  },
  declaration: {
    sv: 'Underteckna förklaringen och bekräfta alla tre principerna: den demokratiska rättsstatens principer, de mänskliga rättigheterna och jämställdhet mellan kvinnor och män.',
    en: 'Sign the declaration and affirm all three principles: the democratic rule of law, human rights and equality between women and men.',
  },
  'earlier-grants': {
    sv: 'Lämna in de redovisningar av tidigare bidrag som saknas.',
    en: 'Hand in the missing reports on earlier grants.',
  },
  'democracy-condition': {
    sv: 'Föreningen kan yttra sig över uppgifterna och lämna underlag innan beslut fattas, till exempel om en uppgift är felaktig, om personen inte längre företräder föreningen, eller om vad föreningen har gjort åt saken.',
    en: 'The association can comment on the information and send in documents before a decision is made, for example if an item is wrong, if the person no longer represents the association, or on what the association has done about it.',
  },
}

const L = {
  sv: {
    heading: (r: ScreeningResult) => `Prövning av ansökan ${r.applicationId} (${r.programme}), prövningsdag ${r.ruleset.on}`,
    person:
      'Detta är en genomgång av villkoren, inte ett beslut. En handläggare går igenom ansökan och fattar beslutet, och en person ansvarar alltid för ett beslut som går föreningen emot.',
    human: 'Uppgifterna om demokrativillkoret måste vägas av en handläggare innan något beslut fattas.',
    reasons: 'Skäl',
    reasonsLaw: 'Ett beslut som går föreningen emot ska innehålla de skäl som har bestämt utgången (förvaltningslagen 32 §).',
    none: 'Inga villkor är ouppfyllda och inget behöver bedömas särskilt.',
    sources: 'Källor',
    can: 'Vad föreningen kan göra',
    canGeneral: 'Föreningen kan alltid lämna synpunkter och komplettera ansökan innan beslut fattas.',
    appeal: 'Så överklagar ni',
    ruleset: (r: ScreeningResult) => `Regelverk ${r.ruleset.version}, i kraft ${r.ruleset.on}.`,
    evidence: 'Underlag',
  },
  en: {
    heading: (r: ScreeningResult) => `Screening of application ${r.applicationId} (${r.programme}), screening date ${r.ruleset.on}`,
    person:
      'This is a screening of the conditions, not a decision. An officer examines the application and makes the decision, and a person is always responsible for a decision against the association.',
    human: 'The information under the democracy condition must be weighed by an officer before any decision is made.',
    reasons: 'Reasons',
    reasonsLaw: 'A decision against the association must state the reasons that decided it (Administrative Procedure Act, section 32).',
    none: 'No condition is unmet and nothing needs a separate assessment.',
    sources: 'Sources',
    can: 'What the association can do',
    canGeneral: 'The association can always comment and add to the application before a decision is made.',
    appeal: 'How to appeal',
    ruleset: (r: ScreeningResult) => `Ruleset ${r.ruleset.version}, in force on ${r.ruleset.on}.`,
    evidence: 'Evidence',
  },
} as const

/** One source on one line: level, title, reference, date and address. */
export function formatSource(source: GrantSource, locale: Locale): string {
  return `${LEVEL_TEXT[source.level][locale]}: ${source.title}, ${source.reference}, ${source.date}${source.url ? `, ${source.url}` : ''}`
}

export interface ExplainOptions {
  readonly locale: Locale
  /** The plugins the result was screened with, so that a programme's own appeal text is used. */
  readonly plugins?: PluginsInput
  /** An appeal text that overrides both the programme's and the default. */
  readonly appeal?: LocalizedText
}

/** The appeal text for a programme: the plugin's own, or the default (laglighetsprövning). */
export function appealText(programme: string, plugins?: PluginsInput): LocalizedText {
  return (plugins && screener(plugins).plugins.programme(programme)?.appeal) || DEFAULT_APPEAL
}

/**
 * The reasoned text for a decision letter: the result, that a person decides, every
 * finding that was not met or needs assessment with its reason and sources, what the
 * association can do, and how to appeal.
 */
export function explain(result: ScreeningResult, options: ExplainOptions): string {
  checkExplainInput(result, options)
  const locale = options.locale
  const l = L[locale]
  const adverse = result.findings.filter((f) => f.status === 'not_met' || f.status === 'needs_assessment')
  const lines: string[] = [l.heading(result), '', OUTCOME_TEXT[result.outcome][locale], '', l.person]
  if (result.humanDecisionRequired) lines.push(l.human)

  lines.push('', `${l.reasons}:`)
  if (adverse.length === 0) lines.push(l.none)
  else {
    lines.push(l.reasonsLaw)
    adverse.forEach((f: Finding, i) => {
      const title = ruleHeading(f.ruleId)?.[locale] ?? f.ruleId
      const evidence = f.evidenceIds.length > 0 ? ` [${l.evidence}: ${f.evidenceIds.join(', ')}]` : ''
      lines.push(`${i + 1}. ${title} (${STATUS_TEXT[f.status][locale]})${evidence}`, `   ${f.reason[locale]}`, `   ${l.sources}:`)
      for (const s of f.sources) lines.push(`   - ${formatSource(s, locale)}`)
    })
  }

  lines.push('', `${l.can}:`)
  const seen = new Set<string>()
  for (const f of adverse) {
    if (seen.has(f.ruleId)) continue
    seen.add(f.ruleId)
    const can = APPLICANT_CAN[f.ruleId]
    if (can) lines.push(`- ${can[locale]}`)
  }
  lines.push(`- ${l.canGeneral}`)

  const appeal = options.appeal ?? appealText(result.programme, options.plugins)
  lines.push('', `${l.appeal}:`, appeal[locale], '', `${l.sources}:`, `- ${formatSource(FORVALTNINGSLAGEN_32, locale)}`, `- ${formatSource(KOMMUNALLAGEN_13, locale)}`, '', l.ruleset(result))
  return `${lines.join('\n')}\n`
}
