import { Table, WholeDates } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { Badge } from '../../components/badges'
import { useI18n } from '../../i18n'
import type { CaseDetail, GrantSource } from '../../types'

/** Every finding of the screening: the condition, its status, the reason, its sources and the evidence it rests on. */
export function FindingsSection(props: { detail: CaseDetail }): ReactNode {
  const { t, e, loc } = useI18n()
  const { screening, rules } = props.detail
  const numbers = new Map((props.detail.application.evidence ?? []).map((x, i) => [x.id, String(i + 1)] as const))
  const evidenceNumber = (id: string) => numbers.get(id) ?? '–'
  const heading = (ruleId: string) => {
    const r = rules.find((x) => x.id === ruleId)
    return r ? loc(r.heading) : ruleId
  }
  if (screening.findings.length === 0) return <p>{t('noFindings')}</p>
  return (
    <Table
      caption={t('findingsCaption')}
      className="table--findings"
      cards
      rows={screening.findings}
      rowKey={(f, i) => `${f.ruleId}-${f.evidenceIds.join(',')}-${i}`}
      rowProps={(f) => ({ className: `finding finding--${f.status}` })}
      columns={[
        {
          id: 'rule',
          header: t('colRule'),
          rowHeader: true,
          cell: (f) => (
            <>
              {heading(f.ruleId)}
              <span className="block small muted">{e('kind', f.kind)}</span>
            </>
          ),
        },
        { id: 'status', header: t('colFindingStatus'), cell: (f) => <Badge kind="finding" value={f.status} /> },
        { id: 'reason', header: t('colReason'), cell: (f) => loc(f.reason) },
        { id: 'sources', header: t('colSources'), cell: (f) => <Sources sources={f.sources} /> },
        {
          id: 'evidence',
          header: t('colEvidence'),
          // Evidence by its number in the evidence table, never its generated id.
          cell: (f) =>
            f.evidenceIds.length > 0 ? f.evidenceIds.map((id) => evidenceNumber(id)).join(', ') : <span className="muted">–</span>,
        },
      ]}
    />
  )
}

function Sources(props: { sources: readonly GrantSource[] }): ReactNode {
  const { e, date } = useI18n()
  if (props.sources.length === 0) return <span className="muted">–</span>
  return (
    <ul className="sources">
      {props.sources.map((s, i) => (
        <li key={i}>
          <span className="sources__level">{e('level', s.level)}</span>{' '}
          {s.url ? (
            <a href={s.url} rel="noreferrer noopener">
              <WholeDates>{s.title}</WholeDates>
            </a>
          ) : (
            <WholeDates>{s.title}</WholeDates>
          )}
          <span className="muted">
            {' '}
            ({s.reference}
            {s.date ? (
              <>
                , <WholeDates>{date(s.date)}</WholeDates>
              </>
            ) : (
              ''
            )}
            )
          </span>
        </li>
      ))}
    </ul>
  )
}
