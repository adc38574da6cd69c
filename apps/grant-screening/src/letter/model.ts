import { formatSource, type FindingItem } from '@vbe/core/grants'
import { grantConditionText, type GrantSource } from '@vbe/core/plugins'
import { textParagraphs, type DocumentField } from '@vbe/server-kit/documents'
import { officerTextQuote, type LetterInput, type LetterLocale, type Signatory } from './input.js'
import { formatDay, formatKronor, formatMoment, TEXTS } from './texts.js'

/*
 * The decision letter as data: everything it says, in one language, as plain strings and
 * lists. It is JSON, so an issued letter is kept as its model (frozen at signing), and
 * the HTML and the PDF are both rendered from it alone.
 */

/** One decisive circumstance: the condition it concerns and what was found. */
export interface LetterFact {
  readonly heading: string
  readonly text: string
}

export interface LetterModel {
  readonly locale: LetterLocale
  readonly htmlLang: string
  readonly pdfLang: string
  readonly documentTitle: string
  readonly city: string
  /** The issuing committee's name, and "(formerly …)" where its plugin says to give the old name. */
  readonly authority: string
  readonly formerly: string | null
  readonly title: string
  /**
   * For a correction or reconsideration: what it is and the decision it replaces (by date and
   * case number). Null for a first decision; absent in letters frozen before it was added.
   */
  readonly revision?: { readonly kind: string; readonly text: string } | null
  readonly meta: readonly DocumentField[]
  readonly recipientHeading: string
  readonly recipient: readonly DocumentField[]
  readonly decisionHeading: string
  readonly decisionKind: string
  readonly decisionSentence: string
  readonly amounts: readonly DocumentField[]
  /** The conditions of a grant, as its programme sets them (empty for a denial). */
  readonly conditionsHeading: string
  readonly conditions: readonly string[]
  readonly reasonsHeading: string
  readonly reasonsLaw: string
  readonly provisionsHeading: string
  readonly provisions: readonly string[]
  readonly factsHeading: string
  readonly facts: readonly LetterFact[]
  /** The decision-maker's own reasons, one entry per paragraph (lines within a paragraph kept). */
  readonly assessmentHeading: string
  readonly assessment: readonly string[]
  /** In a letter not in Swedish: the assessment is the officer's Swedish, marked and noted as such. */
  readonly assessmentQuote: { readonly lang: string; readonly note: string } | null
  readonly appealHeading: string
  readonly appeal: string
  readonly signaturesHeading: string
  readonly signatures: readonly DocumentField[]
  readonly fourEyes: string | null
  readonly otherLanguage: { readonly lang: string; readonly text: string }
  /** The running footer: `{n}` and `{of}` are the page numbers. */
  readonly footer: string
  readonly replaced: string
}

/** Both languages of one letter, as issued. */
export type LetterModels = Readonly<Record<LetterLocale, LetterModel>>

/** A finding counts in a letter only if every evidence item it rests on was assessed as relevant. */
function shown(item: FindingItem, relevant: ReadonlySet<string>): boolean {
  return item.evidenceIds.every((id) => relevant.has(id))
}

function uniqueSources(sources: readonly GrantSource[]): GrantSource[] {
  const seen = new Set<string>()
  return sources.filter((s) => {
    const key = `${s.level}|${s.title}|${s.reference}|${s.date}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The letter in one language. */
export function letterModel(input: LetterInput, locale: LetterLocale): LetterModel {
  const t = TEXTS[locale]
  const { decision } = input
  const requested = formatKronor(input.amountRequested, t)
  const grantedAmount = decision.kind === 'deny' ? null : (decision.amount ?? input.amountRequested)
  const granted = grantedAmount === null ? '' : formatKronor(grantedAmount, t)
  const relevant = new Set(input.relevantEvidence)

  // The findings against the association that decided a denial or a partial grant; a full
  // grant goes no one against, so it lists none of them.
  const findings =
    decision.kind === 'approve'
      ? []
      : input.explanation.sections
          .filter((s) => s.id === 'reasons')
          .flatMap((s) => s.items)
          .filter((item): item is FindingItem => item.kind === 'finding' && shown(item, relevant))
  const facts: LetterFact[] = findings.map((f) => ({ heading: f.rule[locale], text: f.reason[locale] }))
  if (decision.kind === 'approve' && input.outcome === 'eligible')
    facts.push({ heading: input.programme.name[locale], text: t.conditionsMet })
  const provisions = uniqueSources([...input.programme.sources, ...findings.flatMap((f) => f.sources)]).map((s) => formatSource(s, locale))

  const signature = (who: Signatory, at: string | null) =>
    [who.name, who.title[locale], ...(at === null ? [] : [formatMoment(at, t)])].join(', ')
  const signatures: DocumentField[] = [{ label: t.decidedBy, value: signature(decision.decidedBy, decision.decidedAt) }]
  if (decision.approvedBy !== null) signatures.push({ label: t.approvedBy, value: signature(decision.approvedBy, decision.approvedAt) })

  const authority = input.authority.name[locale]
  return {
    locale,
    htmlLang: t.htmlLang,
    pdfLang: t.pdfLang,
    documentTitle: `${t.title} – ${input.association.name} – ${t.caseNumber} ${input.caseNumber}`,
    city: t.city,
    authority,
    formerly: input.authority.formerName === null ? null : t.formerly(input.authority.formerName[locale]),
    title: t.title,
    revision:
      input.replaces === undefined || input.replaces === null
        ? null
        : {
            kind: t.revisionTitle[input.replaces.basis],
            text: t.replaces(input.replaces.basis, formatDay(input.replaces.issuedOn, t), input.caseNumber),
          },
    meta: [
      { label: t.date, value: formatDay(input.issuedOn, t), datetime: input.issuedOn },
      { label: t.caseNumber, value: input.caseNumber },
      { label: t.programme, value: input.programme.name[locale] },
    ],
    recipientHeading: t.recipient,
    recipient: [
      { label: t.association, value: input.association.name },
      { label: t.organisationNumber, value: input.association.organisationNumber },
    ],
    decisionHeading: t.decision,
    decisionKind: t.kind[decision.kind],
    decisionSentence: t.sentence(decision.kind, granted, requested),
    amounts: [{ label: t.requested, value: requested }, ...(grantedAmount === null ? [] : [{ label: t.granted, value: granted }])],
    conditionsHeading: t.conditions,
    conditions:
      decision.kind === 'deny'
        ? []
        : input.programme.conditions.map((c) =>
            grantConditionText(c, locale, input.reportDue === null ? null : formatDay(input.reportDue, t)),
          ),
    reasonsHeading: t.reasons,
    reasonsLaw: t.reasonsLaw,
    provisionsHeading: t.provisions,
    provisions,
    factsHeading: t.facts,
    facts,
    assessmentHeading: t.assessment,
    assessment: textParagraphs(decision.reasons),
    assessmentQuote: officerTextQuote(locale),
    appealHeading: t.appeal,
    appeal: input.programme.appeal[locale],
    signaturesHeading: t.signatures,
    signatures,
    fourEyes: decision.approvedBy === null ? null : t.fourEyes,
    otherLanguage: t.otherLanguage,
    footer: `${t.city} · ${authority} · ${t.caseNumber} ${input.caseNumber} · ${t.page}`,
    replaced: t.replaced,
  }
}

/** The letter in both languages. */
export function letterModels(input: LetterInput): LetterModels {
  return { sv: letterModel(input, 'sv'), en: letterModel(input, 'en') }
}
