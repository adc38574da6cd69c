import { useState } from 'react'
import type { PlanDiff } from '@vbe/core/plans'
import { apiClient, toProblemOf } from '@vbe/web-kit'
import type { PlanDetail } from '../../types'
import { DiffView } from './Diff'
import { useI18n } from '../../i18n'

export function Versions({ plan }: { plan: PlanDetail }) {
  const { t, lang } = useI18n()
  const versions = plan.history.map((h) => h.version)
  const [from, setFrom] = useState(String(versions[0] ?? 1))
  const [to, setTo] = useState(String(versions.at(-1) ?? 1))
  const [diff, setDiff] = useState<PlanDiff | null>(null)
  const [error, setError] = useState<string | null>(null)
  const show = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      const { data } = await apiClient.requestWithEtag<{ diff: PlanDiff }>(`/api/plans/${plan.id}/redline?from=${from}&to=${to}`)
      setDiff(data.diff)
    } catch (err) {
      setError(toProblemOf(err).detail)
    }
  }
  const label = (v: number) => {
    const h = plan.history.find((x) => x.version === v)
    return `${v} — ${h ? `${t(`event.${h.action}` as 'event.save')}, ${h.by ?? t('systemActor')}` : ''}`
  }
  return (
    <div>
      <h2>{t('export')}</h2>
      <ul className="exports">
        <li>
          <a href={`/api/plans/${plan.id}/export?format=md&lang=${lang}`}>{t('exportMd')}</a>
        </li>
        <li>
          <a href={`/api/plans/${plan.id}/export?format=html&lang=${lang}`}>{t('exportHtml')}</a>
        </li>
        <li>
          <a href={`/api/plans/${plan.id}/export?format=pdf&lang=${lang}`}>{t('exportPdf')}</a>
        </li>
      </ul>
      <h2>{t('redline')}</h2>
      <form onSubmit={show} className="inline-form">
        <p>
          <label htmlFor="rl-from">{t('fromVersion')}</label>
          <select id="rl-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {label(v)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="rl-to">{t('toVersion')}</label>
          <select id="rl-to" value={to} onChange={(e) => setTo(e.target.value)}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {label(v)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit" className="button button--secondary">
            {t('showRedline')}
          </button>
        </p>
      </form>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      {diff && <DiffView diff={diff} caption={`${t('redline')}: ${from} → ${to}`} district={plan.district} />}
    </div>
  )
}
