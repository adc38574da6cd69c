import type { FieldChange, PlanDiff } from '@vbe/core/plans'
import type { DocumentField } from '@vbe/server-kit/documents'
import { paperModel, type ExportInput } from './model.js'
import { L, type Lang } from './texts.js'

/*
 * Markdown, for the committee paper's source or for diffing in any tool. It is an export
 * format only: the HTML and PDF papers are rendered from the model, never from this text.
 */

const field = (f: DocumentField) => `${f.label}: ${f.value}`
const fmt = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v))

/** The plan as Markdown. */
export function planMarkdown(input: ExportInput): string {
  const m = paperModel(input)
  const out: string[] = []
  out.push(`# ${m.title}`, '')
  out.push(m.status, '')
  out.push(`## ${m.contact.heading}`, '', m.contact.text, '')
  out.push(`## ${m.situation.heading}`, '', m.situation.summary, '')
  const lp = m.situation.localProblem
  if (lp) out.push(`**${lp.label}** ${lp.meta}: ${lp.summary}`, '')
  if (m.situation.sources.length) out.push(`${m.situation.sourcesHeading}:`, ...m.situation.sources.map((s) => `- ${s}`), '')
  if (m.sections) {
    out.push(`## ${m.sections.heading}`, '')
    for (const s of m.sections.items) out.push(`### ${s.heading}`, '', s.text, '')
  }
  out.push(`## ${m.activities.heading}`, '')
  for (const a of m.activities.items) {
    out.push(`### ${a.title}`, '')
    if (a.description) out.push(a.description, '')
    out.push(
      ...a.facts.map((f) => `- ${field(f)}`),
      `- ${a.classification.map(field).join(' · ')}`,
      ...a.risks.map((r) => `- ${field(r)}`),
      '',
    )
    if (a.indicators) {
      const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
      out.push(row(a.indicators.header), `|${a.indicators.header.map(() => '---').join('|')}|`, ...a.indicators.rows.map(row), '')
    }
  }
  out.push(`## ${m.coverage.heading}`, '', ...m.coverage.items.map((c) => `- ${c}`))
  out.push('', `## ${m.findings.heading}`, '')
  if (m.findings.items.length === 0) out.push(m.findings.none)
  for (const f of m.findings.items) out.push(`- **${f.severity}** ${f.message}`)
  out.push('')
  return out.join('\n')
}

function changeRows(prefix: string, changes: readonly FieldChange[], lang: Lang): string[] {
  return changes
    .map((c) => `| ${prefix}${c.path} | ${fmt(c.before).replace(/\|/g, '\\|')} | ${fmt(c.after).replace(/\|/g, '\\|')} |`)
    .map((r) => r.replace(/\n/g, ' '))
    .concat(lang ? [] : [])
}

/** A redline between two versions as Markdown. */
export function redlineMarkdown(diff: PlanDiff, from: number, to: number, lang: Lang): string {
  const t = L[lang]
  const out = [`# ${t.redline}: ${t.version} ${from} → ${to}`, '']
  if (diff.identical) return [...out, t.identical, ''].join('\n')
  const rows: string[] = [...changeRows('', diff.plan, lang)]
  for (const a of diff.activities.added) rows.push(`| activities[${a.id}] | — | ${t.added}: ${a.title} |`)
  for (const a of diff.activities.removed) rows.push(`| activities[${a.id}] | ${t.removed}: ${a.title} | — |`)
  for (const a of diff.activities.changed) {
    rows.push(...changeRows(`activities[${a.id}].`, a.fields, lang))
    for (const i of a.indicators.added) rows.push(`| activities[${a.id}].indicators[${i.id}] | — | ${t.added}: ${i.name} |`)
    for (const i of a.indicators.removed) rows.push(`| activities[${a.id}].indicators[${i.id}] | ${t.removed}: ${i.name} | — |`)
    for (const i of a.indicators.changed) rows.push(...changeRows(`activities[${a.id}].indicators[${i.id}].`, i.fields, lang))
  }
  return [...out, `| ${t.field} | ${t.before} | ${t.after} |`, '|---|---|---|', ...rows, ''].join('\n')
}
