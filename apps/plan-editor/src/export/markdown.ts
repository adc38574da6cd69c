import type { FieldChange, PlanDiff } from '@vbe/core/plans'
import type { DocumentField } from '@vbe/server-kit/documents'
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
const fmt = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v))

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

function changeRows(prefix: string, changes: readonly FieldChange[], lang: Lang): string[] {
  return changes.map((c) => `| ${inline(prefix + c.path)} | ${inline(fmt(c.before))} | ${inline(fmt(c.after))} |`).concat(lang ? [] : [])
}

/** A redline between two versions as Markdown. */
export function redlineMarkdown(diff: PlanDiff, from: number, to: number, lang: Lang): string {
  const t = L[lang]
  const out = [`# ${t.redline}: ${t.version} ${from} → ${to}`, '']
  if (diff.identical) return [...out, t.identical, ''].join('\n')
  const rows: string[] = [...changeRows('', diff.plan, lang)]
  for (const a of diff.activities.added) rows.push(`| ${inline(`activities[${a.id}]`)} | — | ${inline(`${t.added}: ${a.title}`)} |`)
  for (const a of diff.activities.removed) rows.push(`| ${inline(`activities[${a.id}]`)} | ${inline(`${t.removed}: ${a.title}`)} | — |`)
  for (const a of diff.activities.changed) {
    rows.push(...changeRows(`activities[${a.id}].`, a.fields, lang))
    for (const i of a.indicators.added)
      rows.push(`| ${inline(`activities[${a.id}].indicators[${i.id}]`)} | — | ${inline(`${t.added}: ${i.name}`)} |`)
    for (const i of a.indicators.removed)
      rows.push(`| ${inline(`activities[${a.id}].indicators[${i.id}]`)} | ${inline(`${t.removed}: ${i.name}`)} | — |`)
    for (const i of a.indicators.changed) rows.push(...changeRows(`activities[${a.id}].indicators[${i.id}].`, i.fields, lang))
  }
  return [...out, `| ${t.field} | ${t.before} | ${t.after} |`, '|---|---|---|', ...rows, ''].join('\n')
}
