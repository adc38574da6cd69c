import {
  api,
  isApiError,
  type Problem,
  hasRole,
  Loading,
  PageHeading,
  ProblemMessage,
  ErrorSummary,
  useForm,
  useAnnounce,
  ScrollRegion,
  WholeDates,
} from '@vbe/web-kit'
import { useEffect, useState, type ReactNode } from 'react'
import { Badge } from '../../components/badges'
import { useI18n } from '../../i18n'
import { caseHref } from '../../router'
import { type RescreenEvidence, type RescreenFlip, type RescreenRun, type User } from '../../types'
import { useDistrictName } from '../../lists'

const describe = (v: unknown): string => {
  if (v == null) return '–'
  if (typeof v === 'string' || typeof v === 'number') return String(v)
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return [o['on'], o['version'], o['ruleset']].filter((x) => typeof x === 'string').join(', ') || JSON.stringify(v)
  }
  return String(v)
}

/** Re-screen runs and the cases whose outcome flipped; an admin can start one. */
export function RescreenPage(props: { user: User }): ReactNode {
  const { t } = useI18n()
  const announce = useAnnounce()
  const form = useForm('rescreen')
  const [runs, setRuns] = useState<readonly RescreenRun[] | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)

  useEffect(() => {
    let live = true
    api<{ runs: RescreenRun[] }>('/api/rescreen')
      .then((r) => live && setRuns(r.runs))
      .catch((e: unknown) => live && setProblem(isApiError(e) ? e.problem : { status: 0, detail: String(e) }))
    return () => {
      live = false
    }
  }, [])

  const start = async () => {
    announce(t('rescreenRunning'))
    const r = await form.submit(() => api<{ run: RescreenRun }>('/api/rescreen', { method: 'POST' }))
    if (r) {
      setRuns((old) => [r.run, ...(old ?? []).filter((x) => x.id !== r.run.id)])
      announce(t('rescreenDone', { count: r.run.flips.length }))
    }
  }

  return (
    <>
      <PageHeading>{t('rescreenTitle')}</PageHeading>
      <p className="lead">{t('rescreenIntro')}</p>
      {hasRole(props.user, 'admin') && (
        <div className="card">
          <ErrorSummary form={form} title={t('rescreenFailed')} />
          <button type="button" className="button button--primary" onClick={() => void start()} aria-disabled={form.busy || undefined}>
            {form.busy ? t('rescreenRunning') : t('startRescreen')}
          </button>
        </div>
      )}
      {problem ? (
        <ProblemMessage problem={problem} />
      ) : !runs ? (
        <Loading />
      ) : runs.length === 0 ? (
        <p>{t('noRuns')}</p>
      ) : (
        runs.map((run) => <Run key={run.id} run={run} />)
      )}
    </>
  )
}

function Run(props: { run: RescreenRun }): ReactNode {
  const { t, dateTime, number } = useI18n()
  const r = props.run
  const at = r.startedAt ?? r.at ?? r.createdAt ?? null
  const by = r.startedBy
  const checked = r.checked ?? r.screened
  const captionId = `run-${r.id}-caption`
  const districtName = useDistrictName()
  return (
    <section className="card run" aria-labelledby={`run-${r.id}-title`}>
      <h2 id={`run-${r.id}-title`}>
        <WholeDates>{t('runHeading', { at: dateTime(at) })}</WholeDates>
      </h2>
      <ul className="meta-list">
        {by && <li>{t('runBy', { name: by })}</li>}
        {(r.from !== undefined || r.to !== undefined) && <li>{t('runRange', { from: describe(r.from), to: describe(r.to) })}</li>}
        {checked !== undefined && <li>{t('runChecked', { count: number(checked) })}</li>}
        {r.changed !== undefined && <li>{t('runChanged', { count: number(r.changed) })}</li>}
      </ul>
      {r.flips.length === 0 ? (
        <p>{t('noFlips')}</p>
      ) : (
        <ScrollRegion labelledBy={captionId}>
          <table className="table">
            <caption id={captionId}>{t('flipsCaption', { count: r.flips.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colCase')}</th>
                <th scope="col">{t('colBefore')}</th>
                <th scope="col">{t('colAfter')}</th>
                <th scope="col">{t('colChangedFindings')}</th>
                <th scope="col">{t('colChangedEvidence')}</th>
              </tr>
            </thead>
            <tbody>
              {r.flips.map((f, i) => (
                <Flip key={i} flip={f} rules={r.rules ?? []} districtName={districtName} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  )
}

function Flip(props: { flip: RescreenFlip; rules: NonNullable<RescreenRun['rules']>; districtName: (id: string) => string }): ReactNode {
  const { loc } = useI18n()
  const f = props.flip
  const heading = (ruleId: string) => {
    const rule = props.rules.find((x) => x.id === ruleId)
    return rule ? loc(rule.heading) : ruleId
  }
  return (
    <tr>
      <th scope="row">
        <a href={caseHref(f.caseId)}>{f.associationName}</a>
        <span className="block small muted">{props.districtName(f.district)}</span>
      </th>
      <td>
        <Badge kind="outcome" value={f.from} />
      </td>
      <td>
        <Badge kind="outcome" value={f.to} />
      </td>
      <td>
        {f.changedRules.length > 0 ? (
          <ul className="plain small">
            {f.changedRules.map((r) => (
              <li key={r}>{heading(r)}</li>
            ))}
          </ul>
        ) : (
          '–'
        )}
      </td>
      <td>
        {f.changedEvidence.length > 0 ? (
          <ul className="plain small">
            {f.changedEvidence.map((x, i) => (
              <li key={i}>
                <EvidenceChange item={x} />
              </li>
            ))}
          </ul>
        ) : (
          '–'
        )}
      </td>
    </tr>
  )
}

/** An evidence item whose finding changed, in words: what happened, who, when, the source, and how it counted before and now. */
function EvidenceChange(props: { item: RescreenEvidence }): ReactNode {
  const { t, e, date } = useI18n()
  const x = props.item
  const day = date(x.date)
  const what = t('rescreenEvidenceWhat', {
    conduct: e('conduct', x.conduct),
    actor: e('actor', x.actor).toLocaleLowerCase(),
    date: day,
    verified: t(x.verified ? 'rescreenEvidenceVerified' : 'rescreenEvidenceUnverified'),
    source: e('source', x.source).toLocaleLowerCase(),
  })
  const status = (s: RescreenEvidence['before']) => (s === null ? t('rescreenEvidenceNoFinding') : e('finding', s))
  return (
    <>
      {/* The day is kept on one line (a narrow cell would break it at its hyphens). */}
      <WholeDates>{t(x.newSinceLastScreening ? 'rescreenEvidenceNew' : 'rescreenEvidenceChanged', { what })}</WholeDates>{' '}
      <span className="block">{t('rescreenEvidenceStatus', { before: status(x.before), after: status(x.after) })}</span>
    </>
  )
}
