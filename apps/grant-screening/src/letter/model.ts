import { TEXTS, type LetterInput, type Texts, formatKronor, districtName, formatMoment, formatDay } from './texts.js'
import { parseExplanation, type ParsedExplanation } from './explanation.js'

// ---------------------------------------------------------------------------------------
// The letter model, shared by HTML and PDF

export interface Field {
  readonly label: string
  readonly value: string
  /** A machine-readable date for <time>, when the value is one. */
  readonly datetime?: string
}

export interface LetterModel {
  readonly t: Texts
  readonly documentTitle: string
  readonly city: string
  readonly district: string
  readonly title: string
  readonly meta: Field[]
  readonly recipient: Field[]
  readonly decisionKind: string
  readonly decisionSentence: string
  readonly amounts: Field[]
  /** The officer's reasons, one entry per paragraph (lines within a paragraph kept). */
  readonly reasons: string[]
  readonly signatures: Field[]
  readonly fourEyes: boolean
  readonly explanation: ParsedExplanation
}

export function letterModel(input: LetterInput): LetterModel {
  const t = TEXTS[input.locale]
  const requested = formatKronor(input.amountRequested, t)
  const grantedAmount = input.decision.kind === 'deny' ? null : (input.decision.amount ?? input.amountRequested)
  const granted = grantedAmount === null ? '' : formatKronor(grantedAmount, t)
  const district = districtName(input.district, input.locale)
  const reasons = input.decision.reasons
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const signatures: Field[] = [{ label: t.decidedBy, value: `${input.decision.decidedBy}, ${formatMoment(input.decision.decidedAt, t)}` }]
  const fourEyes = input.decision.approvedBy !== null
  if (input.decision.approvedBy !== null) {
    const when = input.decision.approvedAt === null ? '' : `, ${formatMoment(input.decision.approvedAt, t)}`
    signatures.push({ label: t.approvedBy, value: `${input.decision.approvedBy}${when}` })
  }
  return {
    t,
    documentTitle: `${t.title} – ${input.association.name} – ${t.caseId} ${input.caseId}`,
    city: t.city,
    district: `${t.districtLabel}: ${district}`,
    title: t.title,
    meta: [
      { label: t.date, value: formatDay(input.issuedOn, t), datetime: input.issuedOn },
      { label: t.caseId, value: input.caseId },
      { label: t.programme, value: `${input.programme.name} (${input.programme.id})` },
    ],
    recipient: [
      { label: t.association, value: input.association.name },
      { label: t.organisationNumber, value: input.association.organisationNumber },
    ],
    decisionKind: t.kind[input.decision.kind],
    decisionSentence: t.sentence(input.decision.kind, granted, requested),
    amounts: [{ label: t.requested, value: requested }, ...(grantedAmount === null ? [] : [{ label: t.granted, value: granted }])],
    reasons: reasons.length > 0 ? reasons : [t.noReasons],
    signatures,
    fourEyes,
    explanation: parseExplanation(input.explanation),
  }
}
