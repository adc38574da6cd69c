import type { FieldChange, PlanDiff } from '@vbe/core/plans'
import type { DocumentField } from '@vbe/server-kit/documents'
import { districtPlugin } from '@vbe/districts'
import { activityChangeLabel, changeValue, changeWords, planChangeLabel } from '../../shared/change-labels.js'
import { markdownBlock as block, markdownInline as inline } from './markdown-text.js'
import { paperModel, type ExportInput } from './model.js'
import { L, type Lang } from './texts.js'

/*
 * Markdown, for the committee paper's source or for diffing in any tool. It is an export
 * format only: the HTML and PDF papers are rendered from the model, never from this text.
 * Every text is escaped (markdown-text.ts): the only markup is what this file writes, and
 * the status line is the only bold paragraph, which no author text can imitate.
 */

const field = (f: DocumentField) => inline(`${f.label}: ${f.value}`)

/** The plan as Markdown. */
export function planMarkdown(input: ExportInput): string {
  const m = paperModel(input)
  const out: string[] = []
  out.push(`# ${inline(m.title)}`, '')
  out.push(`**${inline(m.status)}**`, '')
  out.push(`## ${inline(m.contact.heading)}`, '', block(m.contact.text), '')
  out.push(`## ${inline(m.situation.heading)}`, '', block(m.situation.summary), '')
  const lp = m.situation.localProblem
  if (lp) out.push(`**${inline(lp.label)}** ${inline(lp.meta)}: ${block(lp.summary)}`, '')
  if (m.situation.sources.length)
    out.push(`${inline(m.situation.sourcesHeading)}:`, ...m.situation.sources.map((s) => `- ${inline(s)}`), '')
  if (m.sections) {
    out.push(`## ${inline(m.sections.heading)}`, '')
    for (const s of m.sections.items) out.push(`### ${inline(s.heading)}`, '', block(s.text), '')
  }
  out.push(`## ${inline(m.activities.heading)}`, '')
  for (const a of m.activities.items) {
    out.push(`### ${inline(a.heading)}`, '')
    if (a.description) out.push(block(a.description), '')
    out.push(
      ...a.facts.map((f) => `- ${field(f)}`),
      `- ${a.classification.map(field).join(' · ')}`,
      ...a.risks.map((r) => `- ${field(r)}`),
      '',
    )
    if (a.indicators) {
      const row = (cells: readonly string[]) => `| ${cells.map(inline).join(' | ')} |`
      out.push(row(a.indicators.header), `|${a.indicators.header.map(() => '---').join('|')}|`, ...a.indicators.rows.map(row), '')
    }
  }
  out.push(`## ${inline(m.coverage.heading)}`, '', ...m.coverage.items.map((c) => `- ${inline(c)}`))
  out.push('', `## ${inline(m.findings.heading)}`, '')
  if (m.findings.items.length === 0) out.push(inline(m.findings.none))
  for (const f of m.findings.items) out.push(`- **${inline(f.severity)}** ${inline(f.message)}`)
  out.push('')
  return out.join('\n')
}

/** One row of the redline: the field in the form's words, what it was and what it is. */
type Row = readonly [field: string, before: string, after: string]

/**
 * A redline between two versions as Markdown, in the words the editor's redline uses
 * (change-labels.ts): "Aktivitet «Föräldracaféer»: Från", statuses and levels in words,
 * lists joined; never core's change path or a value as JSON. `district` names its sections.
 */
export function redlineMarkdown(diff: PlanDiff, from: number, to: number, lang: Lang, district: string): string {
  const l = L[lang]
  const t = changeWords(lang)
  const out = [`# ${l.redline}: ${l.version} ${from} → ${to}`, '']
  if (diff.identical) return [...out, t('identical'), ''].join('\n')
  const sectionTitle = (id: string) => districtPlugin(district)?.planSections.find((s) => s.id === id)?.title[lang]
  const names = { lang, sectionTitle }
  const changed = (label: string, c: FieldChange): Row => [label, changeValue(c, 'before', t, names), changeValue(c, 'after', t, names)]
  const added = (label: string, title: string): Row => [label, '—', `${t('added')}: ${title}`]
  const removed = (label: string, title: string): Row => [label, `${t('removed')}: ${title}`, '—']
  const rows: Row[] = [
    ...diff.plan.map((c) => changed(planChangeLabel(c.path, t, sectionTitle), c)),
    ...diff.activities.added.map((a) => added(t('activity'), a.title)),
    ...diff.activities.removed.map((a) => removed(t('activity'), a.title)),
    ...diff.activities.changed.flatMap((a) => {
      const indicator = `${activityChangeLabel('', t, a.title)}: ${t('indicator')}`
      return [
        ...a.fields.map((c) => changed(activityChangeLabel(c.path, t, a.title), c)),
        ...a.indicators.added.map((i) => added(indicator, i.name)),
        ...a.indicators.removed.map((i) => removed(indicator, i.name)),
        ...a.indicators.changed.flatMap((i) => i.fields.map((c) => changed(activityChangeLabel(c.path, t, a.title, i.name), c))),
      ]
    }),
  ]
  const row = (cells: readonly string[]) => `| ${cells.map(inline).join(' | ')} |`
  return [...out, row([t('field'), t('before'), t('after')]), '|---|---|---|', ...rows.map(row), ''].join('\n')
}
