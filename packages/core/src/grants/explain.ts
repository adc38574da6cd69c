import type { Locale, LocalizedText } from '../shared/index.js'
import type { ScreeningResult, PluginsInput } from './screen.js'
import { explainStructured, formatSource, type Explanation, type ExplanationItem, type ExplanationSection } from './explain-structured.js'
import { checkExplainLocale } from './result-shape.js'

export { DEFAULT_APPEAL, SOURCE_LEVEL_TEXT } from './explain-texts.js'
export * from './explain-structured.js'

export interface ExplainOptions {
  readonly locale: Locale
  /** The plugins the result was screened with, so that a programme's own appeal text is used. */
  readonly plugins?: PluginsInput
  /** An appeal text that overrides both the programme's and the default. */
  readonly appeal?: LocalizedText
}

function itemLines(item: ExplanationItem, index: number, locale: Locale): string[] {
  switch (item.kind) {
    case 'finding':
      return [
        `${index + 1}. ${item.heading[locale]}`,
        `   ${item.reason[locale]}`,
        `   ${item.sourcesHeading[locale]}:`,
        ...item.sources.map((source) => `   - ${formatSource(source, locale)}`),
      ]
    case 'advice':
      return [`- ${item.text[locale]}`]
    case 'source':
      return [`- ${item.text[locale]}`]
  }
}

function sectionLines(section: ExplanationSection, locale: Locale): string[] {
  return [
    `${section.heading[locale]}:`,
    ...section.paragraphs.map((p) => p[locale]),
    ...section.items.flatMap((item, i) => itemLines(item, i, locale)),
  ]
}

/** An explanation as plain text in one language: title, result, sections with `Heading:` lines, closing line. */
export function explanationText(explanation: Explanation, locale: Locale): string {
  const lines: string[] = [explanation.title[locale], '', explanation.summary[locale], '', ...explanation.notices.map((n) => n[locale])]
  for (const section of explanation.sections) lines.push('', ...sectionLines(section, locale))
  lines.push('', explanation.closing[locale])
  return `${lines.join('\n')}\n`
}

/**
 * The reasoned text for a decision letter: the result, that a person decides, every
 * finding that was not met or needs assessment with its reason and sources, what the
 * association can do, and how to appeal. The plain-text rendering of `explainStructured`.
 */
export function explain(result: ScreeningResult, options: ExplainOptions): string {
  checkExplainLocale(options)
  return explanationText(explainStructured(result, { plugins: options.plugins, appeal: options.appeal }), options.locale)
}
