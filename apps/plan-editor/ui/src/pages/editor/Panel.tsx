import { memo, useEffect, useLayoutEffect, useState } from 'react'
import type { PlanAnalysis, PlanFinding } from '@vbe/core/plans'
import { useI18n } from '../../i18n'
import { countOf } from '../../messages/counts'
import type { IssueField } from './issue-fields'

/** Set by an edit, cleared when the panel has shown its result: the edit→panel measurement. */
let editPending = false
export function markEdit(): void {
  performance.mark('pe:edit')
  editPending = true
}

declare global {
  interface Window {
    /** Benchmark baseline: re-render the same panel with the same analysis (no analysis run). */
    __peBaseline?: () => void
  }
}

/** An invalid value: the field in the form's words, its input (to go to), and what is wrong. */
export interface FieldIssue extends IssueField {
  message: string
}

export const Panel = memo(function Panel({ analysis, issues }: { analysis: PlanAnalysis | null; issues: readonly FieldIssue[] }) {
  const { t, lang } = useI18n()
  const [nonce, setNonce] = useState(0)
  useEffect(() => {
    window.__peBaseline = () => {
      performance.mark('pe:base')
      setNonce((n) => n + 1)
    }
    return () => {
      delete window.__peBaseline
    }
  }, [])
  useLayoutEffect(() => {
    if (!editPending) return
    editPending = false
    performance.mark('pe:panel')
    performance.measure('pe:edit→panel', 'pe:edit', 'pe:panel')
    requestAnimationFrame(() => {
      performance.mark('pe:panel-frame')
      performance.measure('pe:edit→frame', 'pe:edit', 'pe:panel-frame')
    })
  }, [analysis])
  useLayoutEffect(() => {
    if (nonce === 0) return
    performance.mark('pe:base-panel')
    performance.measure('pe:base→panel', 'pe:base', 'pe:base-panel')
    requestAnimationFrame(() => {
      performance.mark('pe:base-frame')
      performance.measure('pe:base→frame', 'pe:base', 'pe:base-frame')
    })
  }, [nonce])

  if (!analysis) return <p>{t('loading')}</p>
  const groups: [string, readonly PlanFinding[]][] = [
    ['indicator', analysis.indicatorFindings],
    ['responsibility', analysis.responsibilityFindings],
    ['risk', analysis.riskFindings],
    ['revision', analysis.revisionFindings],
  ]
  const all = groups.flatMap(([, f]) => f)
  const order = { error: 0, warning: 1, info: 2 } as const
  const sorted = [...all].sort((a, b) => order[a.severity] - order[b.severity])
  return (
    <div className="panel" data-testid="panel">
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {/* What a screen reader hears after an edit: each template by its title (never its id), then the errors. */}
        {analysis.summary.templates
          .map((s) => `${analysis.coverage.find((c) => c.templateId === s.templateId)?.title[lang] ?? ''} ${s.percent} %`)
          .join(', ')}
        ; {countOf(t, 'error', analysis.summary.findings.error)}
      </p>
      {issues.length > 0 && (
        <section className="issues" aria-labelledby="issues-h">
          <h3 id="issues-h">{t('invalidFields')}</h3>
          <ul>
            {issues.slice(0, 12).map((i, n) => (
              <li key={`${i.label}-${i.message}-${n}`}>
                {i.fieldId ? (
                  <a
                    href={`#${i.fieldId}`}
                    onClick={(e) => {
                      // The app routes on the hash: focus the field instead of following the link.
                      e.preventDefault()
                      const field = document.getElementById(i.fieldId ?? '')
                      field?.closest('details')?.setAttribute('open', '')
                      field?.focus()
                    }}
                  >
                    {i.label}
                  </a>
                ) : (
                  i.label
                )}
                : {i.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h3>{t('coverage')}</h3>
      <ul className="coverage">
        {analysis.coverage.map((c) => {
          const s = analysis.summary.templates.find((x) => x.templateId === c.templateId)!
          return (
            <li key={c.templateId} data-template={c.templateId}>
              <span className="cov-title">{c.title[lang]}</span>{' '}
              <strong data-testid={`cov-${c.templateId}`}>
                {s.covered}/{s.total} ({s.percent} %)
              </strong>
              <span className="bar" aria-hidden="true">
                <span style={{ width: `${s.percent}%` }} />
              </span>
              {c.gaps.length > 0 && (
                <details>
                  <summary>
                    {t('gaps')} ({c.gaps.length})
                  </summary>
                  <ul>
                    {c.items
                      .filter((i) => !i.covered)
                      .map((i) => (
                        <li key={i.id}>{i.title[lang]}</li>
                      ))}
                  </ul>
                </details>
              )}
            </li>
          )
        })}
      </ul>
      <h3>
        {t('findings')} ({countOf(t, 'error', analysis.summary.findings.error)}, {countOf(t, 'warning', analysis.summary.findings.warning)})
      </h3>
      {sorted.length === 0 ? (
        <p>{t('noFindings')}</p>
      ) : (
        <ul className="findings">
          {sorted.map((f, i) => (
            <li
              key={`${f.code}-${f.activityId ?? ''}-${f.indicatorId ?? ''}-${f.itemId ?? ''}-${i}`}
              className={`sev-${f.severity}`}
              data-code={f.code}
            >
              <span className="sev">{t(`severity.${f.severity}`)}</span> {f.message[lang]}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
})
