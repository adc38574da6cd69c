import { issueMessage, messageText, type CodedMessage, type Locale, type LocalizedText } from '@vbe/core'
import type { z } from 'zod'

/**
 * The texts of problem responses, in Swedish and English:
 *
 * - `Text` is what the typed errors carry: always `{ sv, en }`. There is no English-only
 *   text, so nothing can lose its Swedish.
 * - A field problem is worded from its message code by core's catalogue
 *   (`@vbe/core`, `MESSAGES`): `problemText` for core's field problems, `issueText`
 *   for a zod issue at the API edge. Schemas at the API edge name a code with core's
 *   `coded(code, params)`; zod's own issues get a code by their kind.
 *
 * Pure (no Node APIs), so a browser UI can use it too (`@vbe/server-kit/messages`).
 */

/** A user-facing text, in both languages. */
export type Text = LocalizedText

/** A coded problem (core's FieldProblem, or a code and parameters) in both languages. */
export function problemText(problem: CodedMessage): LocalizedText {
  return messageText(problem.code, problem.params)
}

/** A zod issue from the API edge in both languages, by the code its schema gave it or by its kind. */
export function issueText(issue: z.core.$ZodIssue): LocalizedText {
  return problemText(issueMessage(issue))
}

/** A text in one language; an empty Swedish text is shown in English rather than as nothing. */
export function textIn(text: Text, lang: Locale): string {
  return (lang === 'sv' ? text.sv : text.en) || text.en
}

/**
 * A problem's text as the language writes it: a quotation in straight quotes (what someone
 * typed, `du angav "2026-02-30"`) gets the language's own quotation marks, ”…” in Swedish
 * and “…” in English. A lone straight quote is left as it is.
 */
export function typographicQuotes(text: string, lang: Locale): string {
  return text.replace(/"([^"\n]*)"/g, lang === 'sv' ? '”$1”' : '“$1”')
}

/**
 * A field problem's message in one language, as a person reads it (`textIn`, then
 * `typographicQuotes`). A request header's problem (`header.if-match`) keeps its straight
 * quotes: there they are the header's syntax (an ETag is written `"3"`), not a quotation.
 */
export function fieldMessageIn(text: Text, lang: Locale, path = ''): string {
  const message = textIn(text, lang)
  return path.startsWith('header.') ? message : typographicQuotes(message, lang)
}
