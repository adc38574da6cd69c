import type { Explanation, Outcome } from '@vbe/core/grants'
import type { GrantCondition, GrantSource } from '@vbe/core/plugins'
import type { LocalizedText } from '@vbe/core'

/**
 * What a decision letter is made from: the issuing authority, the case number, the
 * decision with the names of the people who signed it, and core's structured
 * explanation of the screening (from which the letter takes the provisions and the
 * decisive facts, never the screening's own wording).
 */
export interface LetterInput {
  /** The authority's own case number (diarienummer), e.g. `JÄR 2026/12`. */
  caseNumber: string
  /** The committee in whose name the decision is issued, on the letter's date. */
  authority: { name: LocalizedText; formerName: LocalizedText | null }
  /** The programme: its name, its sources, how to appeal, and the conditions a grant is given (`grantConditionsFor`). */
  programme: { name: LocalizedText; sources: readonly GrantSource[]; appeal: LocalizedText; conditions: readonly GrantCondition[] }
  association: { name: string; organisationNumber: string }
  amountRequested: number
  /** The screening's outcome: a full grant of an eligible application says the conditions are met. */
  outcome: Outcome
  decision: {
    kind: DecisionKind
    amount: number | null
    reasons: string
    decidedBy: Signatory
    /** ISO timestamp. */
    decidedAt: string
    approvedBy: Signatory | null
    approvedAt: string | null
  }
  /** `explainStructured(result, { plugins })` from @vbe/core/grants. */
  explanation: Explanation
  /**
   * Evidence items an officer has assessed as relevant. A finding resting on any other
   * evidence (unassessed, unverified or dismissed) never appears in the letter.
   */
  relevantEvidence: readonly string[]
  /** The day the use of the grant is to be reported (YYYY-MM-DD), when set. */
  reportDue: string | null
  /** YYYY-MM-DD. */
  issuedOn: string
  /** The decision this one replaces (a correction or a reconsideration); absent or null for a first decision. */
  replaces?: ReplacedDecision | null
}

/** The decision a correction or reconsideration replaces, as the letter refers to it: by its basis and the day it was issued. */
export interface ReplacedDecision {
  basis: 'correction' | 'reconsideration'
  /** The day the replaced decision was signed, and so its letter's date (YYYY-MM-DD). */
  issuedOn: string
}

/** A person as a letter names them: their name and title, never their username. */
export interface Signatory {
  name: string
  title: LocalizedText
}

export type LetterLocale = 'sv' | 'en'
export type DecisionKind = 'approve' | 'deny' | 'partial'

export interface LetterPdfOptions {
  /** Compress the page streams (default true; tests turn it off to read the text). */
  readonly compress?: boolean
}

/**
 * The officer's own words in a letter (the assessment, the material sent for kommunicering,
 * the reasons for a reclaim) are quoted as written, in Swedish, the language of the case. A
 * letter in another language marks them as Swedish and says so; in Swedish, nothing is added.
 */
export function officerTextQuote(locale: LetterLocale): { readonly lang: string; readonly note: string } | null {
  return locale === 'sv' ? null : { lang: 'sv', note: 'Quoted as the case officer wrote it, in Swedish, the language of the case.' }
}
