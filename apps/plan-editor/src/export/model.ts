import { strategyItemLabel, type Plan, type PlanAnalysis } from '@vbe/core/plans'
import { actors } from '@vbe/core/strategy'
import type { DocumentField } from '@vbe/server-kit/documents'
import { districtName, districtTemplates } from '@vbe/districts'
import { changeWords } from '../../shared/change-labels.js'
import { L, type Lang } from './texts.js'

/*
 * The committee paper as a model: every heading, field and text of a plan version, in
 * one language, as strings and lists. Markdown, HTML and PDF are rendered from it, so
 * the three carry the same content. User text stays plain text here; a renderer never
 * reads markup out of it.
 */

export interface ExportInput {
  readonly plan: Plan
  readonly version: number
  readonly analysis: PlanAnalysis
  readonly lang: Lang
}

export interface PaperTable {
  readonly header: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

export interface PaperActivity {
  /** The activity's number and title (`Aktivitet 2: …`): an author's title never stands alone as a heading. */
  readonly heading: string
  readonly title: string
  readonly description: string
  /** Responsible, partners, structure and period. */
  readonly facts: readonly DocumentField[]
  /** Guidelines, perspectives, measures and directive points, written on one line. */
  readonly classification: readonly DocumentField[]
  /** One field per risk: the risk and how it is handled. */
  readonly risks: readonly DocumentField[]
  readonly indicators: PaperTable | null
}

export interface PaperModel {
  readonly lang: Lang
  /** Labels author text as the district's own, in the HTML paper's delimited boxes. */
  readonly authorText: string
  readonly title: string
  readonly status: string
  readonly contact: { readonly heading: string; readonly text: string }
  readonly situation: {
    readonly heading: string
    readonly summary: string
    readonly localProblem: { readonly label: string; readonly meta: string; readonly summary: string } | null
    readonly sourcesHeading: string
    readonly sources: readonly string[]
  }
  /** The answered sections, with their titles (the id where no template names it). */
  readonly sections: { readonly heading: string; readonly items: readonly { readonly heading: string; readonly text: string }[] } | null
  readonly activities: { readonly heading: string; readonly items: readonly PaperActivity[] }
  readonly coverage: { readonly heading: string; readonly items: readonly string[] }
  readonly findings: {
    readonly heading: string
    readonly none: string
    readonly items: readonly { readonly severity: string; readonly message: string }[]
  }
  readonly page: (n: number, of: number) => string
}

const actorName = (id: string, lang: Lang) => actors.find(id)?.title[lang] ?? id

export function paperModel({ plan, version, analysis, lang }: ExportInput): PaperModel {
  const t = L[lang]
  // The responsible's level in the editor's words (Stadsdelsnämnd), never its code (district).
  const words = changeWords(lang)
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : t.none)
  /** Guidelines, measures, … by their titles, never their short ids (G1, M4). */
  const items = (ids: readonly string[]) => (ids.length ? ids.map((id) => strategyItemLabel(id)?.title[lang] ?? id).join('; ') : t.none)
  const templates = districtTemplates(plan.district)
  const sectionTitle = new Map(
    templates.flatMap((tpl) => tpl.items.filter((i) => i.kind === 'section').map((i) => [i.id, i.title[lang]] as const)),
  )
  const templateTitle = new Map(templates.map((tpl) => [tpl.id, tpl.title[lang]] as const))
  /** A gap by its title (a guideline, measure, directive point or section), never its short id (G1, D9). */
  const itemTitle = new Map(templates.flatMap((tpl) => tpl.items.map((i) => [i.id, i.title[lang]] as const)))
  const gapName = (id: string) => itemTitle.get(id) ?? id
  const cp = plan.contactPoint
  const sp = plan.situationPicture
  const lp = sp.localProblemPicture
  const answered = plan.sections.filter((s) => s.text.trim())
  const findings = [
    ...analysis.indicatorFindings,
    ...analysis.responsibilityFindings,
    ...analysis.riskFindings,
    ...analysis.revisionFindings,
  ]

  return {
    lang,
    authorText: t.authorText,
    title: `${t.plan}: ${districtName(plan.district, lang)} ${plan.year}`,
    status: `${t.status}: ${t[plan.status]} · ${t.version} ${version}`,
    contact: {
      heading: t.contact,
      text: `${cp.function}, ${cp.unit}${cp.email ? ` <${cp.email}>` : ''}${cp.phone ? `, ${cp.phone}` : ''}`,
    },
    situation: {
      heading: `${t.situation} (${sp.date})`,
      summary: sp.summary,
      localProblem: lp ? { label: t.localProblem, meta: `(${lp.agreement}, ${lp.date})`, summary: lp.summary } : null,
      sourcesHeading: t.sources,
      sources: sp.sources.map((s) => `${s.title} (${s.date})${s.reference ? `, ${s.reference}` : ''}`),
    },
    sections: answered.length
      ? {
          heading: t.sections,
          // A section no template names gets a numbered heading, never its id (which its author chose).
          items: answered.map((s, i) => ({ heading: sectionTitle.get(s.id) ?? t.otherSection(i + 1), text: s.text })),
        }
      : null,
    activities: {
      heading: t.activities,
      items: plan.activities.map((a, n) => ({
        heading: `${t.activityNo(n + 1)}: ${a.title}`,
        title: a.title,
        description: a.description.trim() ? a.description : '',
        facts: [
          { label: t.responsible, value: `${actorName(a.responsible.actorId, lang)} (${words(`level.${a.responsible.level}`)})` },
          { label: t.partners, value: list(a.partners.map((p) => actorName(p, lang))) },
          {
            label: t.structure,
            value: !a.existingStructure
              ? t.notChosen
              : a.existingStructure.kind === 'existing'
                ? `${t.existing}: ${a.existingStructure.name}`
                : `${t.newStructure} ${a.existingStructure.reason}`,
          },
          { label: t.period, value: `${a.period.from} – ${a.period.to}` },
        ],
        classification: [
          { label: t.guidelines, value: items(a.guidelines) },
          { label: t.perspectives, value: items(a.perspectives) },
          { label: t.measures, value: items(a.measures) },
          { label: t.directive, value: items(a.directivePoints) },
        ],
        risks: a.risks.map((r) => ({ label: `${t.risks}: ${strategyItemLabel(r.riskId)?.title[lang] ?? t.risks}`, value: r.mitigation })),
        indicators: a.indicators.length
          ? {
              header: [t.indicators, t.kind, t.baseline, t.target, t.dataSource, 'T1', 'T2', 'T3'],
              rows: a.indicators.map((i) => {
                const f = (p: string) => String(i.followUps.find((x) => x.period === p)?.value ?? '')
                return [
                  `${i.name} (${i.unit})`,
                  t[i.kind],
                  i.baseline ? `${i.baseline.value} (${i.baseline.date})` : '—',
                  i.target ? `${i.target.value} (${i.target.date})` : '—',
                  i.dataSource || '—',
                  f('T1'),
                  f('T2'),
                  f('T3'),
                ]
              }),
            }
          : null,
      })),
    },
    coverage: {
      heading: `${t.coverage} (${analysis.on})`,
      items: analysis.summary.templates.map(
        (s) =>
          `${templateTitle.get(s.templateId) ?? s.templateId}: ${s.covered}/${s.total} (${s.percent} %)${s.gaps.length ? ` — ${t.gaps}: ${s.gaps.map(gapName).join('; ')}` : ''}`,
      ),
    },
    findings: {
      heading: t.findings,
      none: t.none,
      items: findings.map((f) => ({ severity: t.severity[f.severity], message: f.message[lang] })),
    },
    page: t.page,
  }
}
