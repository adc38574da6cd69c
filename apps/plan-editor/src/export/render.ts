import PDFDocument from 'pdfkit'
import type { Plan, PlanAnalysis, PlanDiff, FieldChange } from '@vbe/core/plans'
import { actors } from '@vbe/core/strategy'
import { districtName } from '../plugins.js'

export type Lang = 'sv' | 'en'

const L = {
  sv: {
    plan: 'Lokal handlingsplan mot våldsbejakande extremism',
    status: 'Status',
    draft: 'utkast', submitted: 'inlämnad', returned: 'återremitterad', revised: 'under revidering', adopted: 'antagen',
    contact: 'Kontaktpunkt', situation: 'Lägesbild', localProblem: 'Lokal problembild', sources: 'Källor', sections: 'Lokala avsnitt',
    activities: 'Aktiviteter', responsible: 'Ansvarig', partners: 'Samverkanspartner', structure: 'Struktur', existing: 'Befintlig struktur', newStructure: 'Ny struktur, eftersom',
    period: 'Period', guidelines: 'Riktlinjer', perspectives: 'Perspektiv', measures: 'Åtgärder', directive: 'Direktivpunkter', risks: 'Risker',
    indicators: 'Indikatorer', kind: 'Typ', baseline: 'Utgångsvärde', target: 'Målvärde', dataSource: 'Datakälla', owner: 'Ägare', followUp: 'Uppföljning',
    effect: 'effekt', output: 'prestation', activity: 'aktivitet',
    coverage: 'Täckning mot mallarna', gaps: 'Luckor', findings: 'Iakttagelser', none: 'Inga', version: 'Version', generated: 'Utskriven',
    redline: 'Ändringar', added: 'Tillagd', removed: 'Borttagen', changed: 'Ändrad', field: 'Fält', before: 'Före', after: 'Efter', identical: 'Inga skillnader.',
  },
  en: {
    plan: 'Local action plan against violent extremism',
    status: 'Status',
    draft: 'draft', submitted: 'submitted', returned: 'returned', revised: 'being revised', adopted: 'adopted',
    contact: 'Contact point', situation: 'Situation picture', localProblem: 'Local problem picture', sources: 'Sources', sections: 'Local sections',
    activities: 'Activities', responsible: 'Responsible', partners: 'Partners', structure: 'Structure', existing: 'Existing structure', newStructure: 'New structure, because',
    period: 'Period', guidelines: 'Guidelines', perspectives: 'Perspectives', measures: 'Measures', directive: 'Directive points', risks: 'Risks',
    indicators: 'Indicators', kind: 'Kind', baseline: 'Baseline', target: 'Target', dataSource: 'Data source', owner: 'Owner', followUp: 'Follow-up',
    effect: 'effect', output: 'output', activity: 'activity',
    coverage: 'Coverage of the templates', gaps: 'Gaps', findings: 'Findings', none: 'None', version: 'Version', generated: 'Printed',
    redline: 'Changes', added: 'Added', removed: 'Removed', changed: 'Changed', field: 'Field', before: 'Before', after: 'After', identical: 'No differences.',
  },
} as const

const actorName = (id: string, lang: Lang) => actors.find(id)?.title[lang] ?? id
const list = (xs: readonly string[], lang: Lang) => (xs.length ? xs.join(', ') : L[lang].none)
const fmt = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v))

export interface ExportInput {
  readonly plan: Plan
  readonly version: number
  readonly analysis: PlanAnalysis
  readonly lang: Lang
}

function allFindings(a: PlanAnalysis) {
  return [...a.indicatorFindings, ...a.responsibilityFindings, ...a.riskFindings, ...a.revisionFindings]
}

/** The plan as Markdown: for the committee paper's source, or for diffing in any tool. */
export function planMarkdown({ plan, version, analysis, lang }: ExportInput): string {
  const t = L[lang]
  const out: string[] = []
  out.push(`# ${t.plan}: ${districtName(plan.district, lang)} ${plan.year}`, '')
  out.push(`${t.status}: ${t[plan.status]} · ${t.version} ${version}`, '')
  out.push(`## ${t.contact}`, '', `${plan.contactPoint.function}, ${plan.contactPoint.unit}${plan.contactPoint.email ? ` <${plan.contactPoint.email}>` : ''}${plan.contactPoint.phone ? `, ${plan.contactPoint.phone}` : ''}`, '')
  out.push(`## ${t.situation} (${plan.situationPicture.date})`, '', plan.situationPicture.summary, '')
  const lp = plan.situationPicture.localProblemPicture
  if (lp) out.push(`**${t.localProblem}** (${lp.agreement}, ${lp.date}): ${lp.summary}`, '')
  if (plan.situationPicture.sources.length) out.push(`${t.sources}:`, ...plan.situationPicture.sources.map((s) => `- ${s.title} (${s.date})${s.reference ? `, ${s.reference}` : ''}`), '')
  const answered = plan.sections.filter((s) => s.text.trim())
  if (answered.length) {
    out.push(`## ${t.sections}`, '')
    for (const s of answered) out.push(`### ${s.id}`, '', s.text, '')
  }
  out.push(`## ${t.activities}`, '')
  for (const a of plan.activities) {
    out.push(`### ${a.title}`, '')
    if (a.description.trim()) out.push(a.description, '')
    out.push(
      `- ${t.responsible}: ${actorName(a.responsible.actorId, lang)} (${a.responsible.level})`,
      `- ${t.partners}: ${list(a.partners.map((p) => actorName(p, lang)), lang)}`,
      `- ${t.structure}: ${a.existingStructure.kind === 'existing' ? `${t.existing}: ${a.existingStructure.name}` : `${t.newStructure} ${a.existingStructure.reason}`}`,
      `- ${t.period}: ${a.period.from} – ${a.period.to}`,
      `- ${t.guidelines}: ${list(a.guidelines, lang)} · ${t.perspectives}: ${list(a.perspectives, lang)} · ${t.measures}: ${list(a.measures, lang)} · ${t.directive}: ${list(a.directivePoints, lang)}`,
    )
    for (const r of a.risks) out.push(`- ${t.risks} ${r.riskId}: ${r.mitigation}`)
    out.push('')
    if (a.indicators.length) {
      out.push(`| ${t.indicators} | ${t.kind} | ${t.baseline} | ${t.target} | ${t.dataSource} | T1 | T2 | T3 |`, '|---|---|---|---|---|---|---|---|')
      for (const i of a.indicators) {
        const f = (p: string) => i.followUps.find((x) => x.period === p)?.value ?? ''
        out.push(
          `| ${i.name} (${i.unit}) | ${t[i.kind]} | ${i.baseline ? `${i.baseline.value} (${i.baseline.date})` : '—'} | ${i.target ? `${i.target.value} (${i.target.date})` : '—'} | ${i.dataSource || '—'} | ${f('T1')} | ${f('T2')} | ${f('T3')} |`,
        )
      }
      out.push('')
    }
  }
  out.push(`## ${t.coverage} (${analysis.on})`, '')
  for (const s of analysis.summary.templates) out.push(`- ${s.templateId}: ${s.covered}/${s.total} (${s.percent} %)${s.gaps.length ? ` — ${t.gaps}: ${s.gaps.join(', ')}` : ''}`)
  out.push('', `## ${t.findings}`, '')
  const fs = allFindings(analysis)
  if (fs.length === 0) out.push(t.none)
  for (const f of fs) out.push(`- **${f.severity}** ${f.message[lang]}`)
  out.push('')
  return out.join('\n')
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** Minimal Markdown to HTML for what planMarkdown writes: headings, lists, tables, bold, paragraphs. */
function markdownToHtml(md: string): string {
  const lines = md.split('\n')
  const out: string[] = []
  let i = 0
  const inline = (s: string) => esc(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
  while (i < lines.length) {
    const line = lines[i]!
    const h = /^(#{1,3}) (.*)$/.exec(line)
    if (h) {
      out.push(`<h${h[1]!.length}>${inline(h[2]!)}</h${h[1]!.length}>`)
      i++
    } else if (line.startsWith('- ')) {
      out.push('<ul>')
      while (i < lines.length && lines[i]!.startsWith('- ')) out.push(`<li>${inline(lines[i++]!.slice(2))}</li>`)
      out.push('</ul>')
    } else if (line.startsWith('|')) {
      const rows: string[][] = []
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(lines[i++]!.slice(1, -1).split('|').map((c) => c.trim()))
      const [head, , ...body] = rows
      out.push('<table><thead><tr>', ...(head ?? []).map((c) => `<th scope="col">${inline(c)}</th>`), '</tr></thead><tbody>')
      for (const r of body) out.push('<tr>', ...r.map((c, j) => (j === 0 ? `<th scope="row">${inline(c)}</th>` : `<td>${inline(c)}</td>`)), '</tr>')
      out.push('</tbody></table>')
    } else if (line.trim() === '') i++
    else {
      out.push(`<p>${inline(line)}</p>`)
      i++
    }
  }
  return out.join('\n')
}

const PRINT_CSS = `body{font-family:Georgia,'Times New Roman',serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #555;margin-top:2rem}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}th,td{border:1px solid #555;padding:.25rem .4rem;text-align:left;vertical-align:top}
del{background:#fdd;color:#600}ins{background:#dfd;color:#040;text-decoration:underline}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,tr{break-inside:avoid}a{color:inherit}}`

/** Print-ready HTML for the committee paper (no scripts, no external resources). */
export function planHtml(input: ExportInput): string {
  const title = `${L[input.lang].plan}: ${districtName(input.plan.district, input.lang)} ${input.plan.year}`
  return `<!doctype html><html lang="${input.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${PRINT_CSS}</style></head><body><main>${markdownToHtml(planMarkdown(input))}</main></body></html>`
}

/** The plan as a PDF (A4), from the same text as the Markdown. */
export function planPdf(input: ExportInput): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${L[input.lang].plan}: ${districtName(input.plan.district, input.lang)} ${input.plan.year}`, Author: 'VBE plan editor' }, lang: input.lang === 'sv' ? 'sv-SE' : 'en-GB' } as PDFKit.PDFDocumentOptions)
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    for (const line of planMarkdown(input).split('\n')) {
      const h = /^(#{1,3}) (.*)$/.exec(line)
      const clean = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/[^\u0000-\u00ff–—’‘“”•€…]/g, '?')
      if (h) {
        doc.moveDown(h[1]!.length === 1 ? 0 : 0.6)
        doc.font('Helvetica-Bold').fontSize(h[1]!.length === 1 ? 17 : h[1]!.length === 2 ? 13.5 : 11.5).text(clean(h[2]!))
        doc.moveDown(0.2)
      } else if (line.startsWith('|---')) continue
      else if (line.startsWith('|')) doc.font('Helvetica').fontSize(9).text(clean(line.slice(1, -1).split('|').map((c) => c.trim()).join('  ·  ')))
      else if (line.startsWith('- ')) doc.font('Helvetica').fontSize(10).text(`•  ${clean(line.slice(2))}`, { indent: 8 })
      else if (line.trim() === '') doc.moveDown(0.3)
      else doc.font('Helvetica').fontSize(10.5).text(clean(line))
    }
    doc.end()
  })
}

function changeRows(prefix: string, changes: readonly FieldChange[], lang: Lang): string[] {
  return changes.map((c) => `| ${prefix}${c.path} | ${fmt(c.before).replace(/\|/g, '\\|')} | ${fmt(c.after).replace(/\|/g, '\\|')} |`).map((r) => r.replace(/\n/g, ' ')).concat(lang ? [] : [])
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
