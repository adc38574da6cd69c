import type { LocalizedText } from '../shared/index.js'
import type { GrantSource } from '../plugins/index.js'
import type { FindingStatus } from './rules.js'
import type { Outcome } from './screen.js'

/*
 * The words of a screening explanation, in Swedish and English. `explainStructured`
 * puts them together with a screening result; `explain` and the decision letter render
 * the structure. Domain content is data: what the applicant can do is a table by rule.
 */

/**
 * The default text on how to appeal: legality review (laglighetsprövning) under
 * chapter 13 of the Local Government Act. A programme's own `appeal` text replaces it.
 */
export const DEFAULT_APPEAL: LocalizedText = Object.freeze({
  sv: 'Beslutet kan överklagas genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725). Varje medlem av kommunen får överklaga. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på kommunens anslagstavla att protokollet över beslutet har justerats. Vid laglighetsprövning prövar domstolen bara om beslutet har kommit till på lagligt sätt; den kan upphäva beslutet men inte sätta ett nytt beslut i dess ställe.',
  en: 'The decision can be appealed through legality review (laglighetsprövning) under chapter 13 of the Local Government Act (2017:725). Any member of the municipality may appeal. The appeal must reach the administrative court within three weeks of the day the municipality’s notice board announced that the minutes of the decision had been approved. In a legality review the court examines only whether the decision was lawfully made; it can set the decision aside but cannot put another decision in its place.',
})

/** The outcome of a screening in one sentence. */
export const OUTCOME_TEXT: Readonly<Record<Outcome, LocalizedText>> = {
  eligible: { sv: 'Villkoren är uppfyllda.', en: 'The conditions are met.' },
  ineligible: { sv: 'Villkoren är inte uppfyllda.', en: 'The conditions are not met.' },
  requires_assessment: { sv: 'Ansökan behöver bedömas av en handläggare.', en: 'The application needs to be assessed by an officer.' },
}

/** A finding's status in words, as written after the rule's heading. */
export const STATUS_TEXT: Readonly<Record<FindingStatus, LocalizedText>> = {
  met: { sv: 'uppfyllt', en: 'met' },
  not_met: { sv: 'inte uppfyllt', en: 'not met' },
  needs_assessment: { sv: 'behöver bedömas', en: 'needs assessment' },
  not_applicable: { sv: 'inte tillämpligt', en: 'not applicable' },
}

/**
 * The level of a grant source in words (law, city council, district committee …).
 * `committee` is a specialist committee (facknämnd) or the administration (förvaltning)
 * that works under it: the sports administration's conditions are issued by the
 * administration, under the sports committee, so the words name both.
 */
export const SOURCE_LEVEL_TEXT: Readonly<Record<GrantSource['level'], LocalizedText>> = {
  law: { sv: 'Lag', en: 'Law' },
  bill: { sv: 'Proposition', en: 'Government bill' },
  council: { sv: 'Kommunfullmäktige', en: 'City Council' },
  committee: { sv: 'Facknämnd eller dess förvaltning', en: 'Specialist committee or its administration' },
  district: { sv: 'Stadsdelsnämnd', en: 'District committee' },
}

/** What the applicant can do about a finding, by rule. */
export const APPLICANT_CAN: Record<string, LocalizedText> = {
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

/** The fixed sentences and headings of an explanation. */
export const EXPLANATION_TEXT = {
  person: {
    sv: 'Detta är en genomgång av villkoren, inte ett beslut. En handläggare går igenom ansökan och fattar beslutet, och en person ansvarar alltid för ett beslut som går föreningen emot.',
    en: 'This is a screening of the conditions, not a decision. An officer examines the application and makes the decision, and a person is always responsible for a decision against the association.',
  },
  human: {
    sv: 'Uppgifterna om demokrativillkoret måste vägas av en handläggare innan något beslut fattas.',
    en: 'The information under the democracy condition must be weighed by an officer before any decision is made.',
  },
  reasons: { sv: 'Skäl', en: 'Reasons' },
  reasonsLaw: {
    sv: 'Ett beslut som går föreningen emot ska innehålla de skäl som har bestämt utgången (förvaltningslagen 32 §).',
    en: 'A decision against the association must state the reasons that decided it (Administrative Procedure Act, section 32).',
  },
  none: {
    sv: 'Inga villkor är ouppfyllda och inget behöver bedömas särskilt.',
    en: 'No condition is unmet and nothing needs a separate assessment.',
  },
  sources: { sv: 'Källor', en: 'Sources' },
  can: { sv: 'Vad föreningen kan göra', en: 'What the association can do' },
  canGeneral: {
    sv: 'Föreningen kan alltid lämna synpunkter och komplettera ansökan innan beslut fattas.',
    en: 'The association can always comment and add to the application before a decision is made.',
  },
  appeal: { sv: 'Så överklagar ni', en: 'How to appeal' },
  evidence: { sv: 'Underlag', en: 'Evidence' },
} as const satisfies Record<string, LocalizedText>

/** "Screening of application … (programme), screening date …". */
export function titleText(applicationId: string, programme: string, on: string): LocalizedText {
  return {
    sv: `Prövning av ansökan ${applicationId} (${programme}), prövningsdag ${on}`,
    en: `Screening of application ${applicationId} (${programme}), screening date ${on}`,
  }
}

/** "Ruleset …, in force on …". */
export function rulesetText(version: string, on: string): LocalizedText {
  return { sv: `Regelverk ${version}, i kraft ${on}.`, en: `Ruleset ${version}, in force on ${on}.` }
}
