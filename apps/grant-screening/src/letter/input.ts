import type { Explanation } from '@vbe/core/grants'

/** What a decision letter is made from: the case, the decision, and the screening explanation as data. */
export interface LetterInput {
  locale: LetterLocale
  caseId: string
  /** The district plugin id, for example `rinkeby-kista`. */
  district: string
  /** `name` is already in the letter's language. */
  programme: { id: string; name: string }
  association: { name: string; organisationNumber: string }
  amountRequested: number
  decision: {
    kind: DecisionKind
    amount: number | null
    reasons: string
    decidedBy: string
    /** ISO timestamp. */
    decidedAt: string
    approvedBy: string | null
    approvedAt: string | null
  }
  /** `explainStructured(result, { plugins })` from @vbe/core/grants; the letter shows it in its own language. */
  explanation: Explanation
  /** YYYY-MM-DD. */
  issuedOn: string
}

export type LetterLocale = 'sv' | 'en'
export type DecisionKind = 'approve' | 'deny' | 'partial'

export interface LetterPdfOptions {
  /** Compress the page streams (default true; tests turn it off to read the text). */
  readonly compress?: boolean
}
