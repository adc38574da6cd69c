import { useEffect, useState } from 'react'
import { apiClient, Loading, PageHeading, ProblemMessage, ScrollRegion, Table, toProblemOf, type Problem } from '@vbe/web-kit'
import type { PlanSummary } from '../../types'
import { CoverageSummary, PlanStatusBadge } from '../../components/plans'
import { useI18n } from '../../i18n'

interface Picture {
  district: string
  districtName: string
  planId: string
  year: number
  status: string
  date: string
  summary: string
  localProblemPicture: { agreement: string; date: string; summary: string } | null
  stale: boolean
}
interface OverviewData {
  on: string
  columns: { templateId: string; items: { id: string; short: { sv: string; en: string }; title: { sv: string; en: string } }[] }[]
  rows: { district: string; districtName: string; plan: PlanSummary | null; cells: Record<string, number> }[]
  situationPictures: Picture[]
  city: {
    districts: number
    withPlan: number
    newest: string | null
    oldest: string | null
    stale: string[]
    uncoveredEverywhere: string[]
    findings: { error: number; warning: number; info: number }
    pictures: Picture[]
  }
}

export function Overview() {
  const { t, lang } = useI18n()
  const [data, setData] = useState<OverviewData | null>(null)
  const [error, setError] = useState<Problem | null>(null)
  useEffect(() => {
    apiClient
      .requestWithEtag<OverviewData>('/api/overview')
      .then(({ data }) => setData(data))
      .catch((e: unknown) => setError(toProblemOf(e)))
  }, [])
  if (error || !data)
    return (
      <section>
        <PageHeading>{t('overview')}</PageHeading>
        {error ? <ProblemMessage problem={error} /> : <Loading />}
      </section>
    )
  const items = data.columns.flatMap((c) => c.items)
  const nameOf = (d: string) => data.rows.find((r) => r.district === d)?.districtName ?? d
  const titleOf = (id: string) => items.find((i) => i.id === id)?.title[lang] ?? ''
  return (
    <section>
      <PageHeading>{t('overview')}</PageHeading>
      <h2 id="heat-h">{t('heatMap')}</h2>
      <p id="heat-help">
        {t('heatHelp')} {t('heatScroll', { n: items.length })}
      </p>
      {/* The heat map stays a hand-written table, not the kit's Table: it is a matrix read across both
          axes (districts × the guidelines and directive points), its columns are data, each cell coloured
          by its value. A column head is the item's short label in words; its full title is in the list of
          columns under the table, which the head points at (aria-describedby). On a phone the grid keeps
          its shape and scrolls sideways in its region, which says so; as cards it would lose the comparison
          it exists for. */}
      <ScrollRegion labelledBy="heat-h">
        <table className="table heat" aria-labelledby="heat-h" aria-describedby="heat-help">
          <thead>
            <tr>
              <th scope="col">{t('district')}</th>
              <th scope="col">{t('coverage')}</th>
              {items.map((i) => (
                <th scope="col" key={i.id} aria-describedby={`col-${i.id}`}>
                  {i.short[lang]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.district}>
                <th scope="row">
                  {r.plan ? <a href={`#/plan/${r.plan.id}`}>{`${r.districtName} ${r.plan.year}`}</a> : r.districtName}{' '}
                  {r.plan && <PlanStatusBadge status={r.plan.status} />}
                </th>
                <td className="covsum">{r.plan ? <CoverageSummary coverage={r.plan.coverage} /> : t('noPlan')}</td>
                {items.map((i) => {
                  const n = r.cells[i.id] ?? 0
                  return (
                    <td key={i.id} className={r.plan ? (n > 0 ? 'cov' : 'gap') : 'none'}>
                      {r.plan ? (n > 0 ? `✓ ${n}` : t('gap')) : '—'}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h3 id="heat-cols">{t('heatColumns')}</h3>
      <ul className="heat-columns" aria-labelledby="heat-cols">
        {items.map((i) => (
          <li key={i.id} id={`col-${i.id}`}>
            <strong>{i.short[lang]}</strong>: {i.title[lang]}
          </li>
        ))}
      </ul>

      <h2>{t('cityPicture')}</h2>
      <div className="card">
        <p>
          {t('districtsWithPlan')}: {data.city.withPlan} / {data.city.districts}. {t('situationPicture')}: {data.city.oldest ?? '—'} –{' '}
          {data.city.newest ?? '—'}.{' '}
          {data.city.stale.length > 0 && (
            <strong>
              {t('stale')}: {data.city.stale.map(nameOf).join(', ')}.
            </strong>
          )}
        </p>
        <p>
          {t('uncovered')}: {data.city.uncoveredEverywhere.map(titleOf).join('; ') || '—'}. {t('findings')}: {t('severity.error')}{' '}
          {data.city.findings.error}, {t('severity.warning')} {data.city.findings.warning}.
        </p>
        <ul>
          {data.city.pictures.map((p) => (
            <li key={p.planId}>
              <strong>{p.districtName}</strong> ({p.date}
              {p.stale ? `, ${t('stale')}` : ''}): {p.summary}
              {p.localProblemPicture ? ` ${t('localProblem')}: ${p.localProblemPicture.summary}` : ''}
            </li>
          ))}
        </ul>
      </div>

      <h2>{t('pictures')}</h2>
      <Table
        caption={t('pictures')}
        captionHidden
        cards
        rows={data.situationPictures}
        rowKey={(p) => p.planId}
        columns={[
          { id: 'date', header: t('date'), cell: (p) => `${p.date}${p.stale ? ` (${t('stale')})` : ''}` },
          { id: 'district', header: t('district'), rowHeader: true, cell: (p) => p.districtName },
          { id: 'year', header: t('year'), cell: (p) => <a href={`#/plan/${p.planId}`}>{p.year}</a> },
          { id: 'summary', header: t('summary'), cell: (p) => p.summary },
        ]}
      />
    </section>
  )
}
