import { useEffect, useRef, type ReactNode } from 'react'
import type { Problem } from '../api'
import { useI18n } from '../i18n'
import type { FindingStatus, Outcome, Status } from '../types'

/** Set by the router when the user navigates, so the next page heading takes focus. */
let focusNextHeading = false
export function markNavigation(): void {
  focusNextHeading = true
}

/** The page's one h1; sets the document title and takes focus after a navigation. */
export function PageHeading(props: { children: string; sub?: ReactNode }): ReactNode {
  const { t } = useI18n()
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${props.children} – ${t('appName')}`
  }, [props.children, t])
  useEffect(() => {
    if (focusNextHeading) {
      focusNextHeading = false
      ref.current?.focus()
    }
  }, [])
  return (
    <div className="page-heading">
      <h1 tabIndex={-1} ref={ref}>
        {props.children}
      </h1>
      {props.sub}
    </div>
  )
}

const STATUS_TONE: Record<Status, string> = { new: 'info', in_review: 'neutral', awaiting_approval: 'warn', decided: 'ok' }
const OUTCOME_TONE: Record<Outcome, string> = { eligible: 'ok', ineligible: 'bad', requires_assessment: 'warn' }
const FINDING_TONE: Record<FindingStatus, string> = { met: 'ok', not_met: 'bad', needs_assessment: 'warn', not_applicable: 'neutral' }

/** A status as text in a tinted badge; the colour only repeats what the text says. */
export function Badge(props: { kind: 'status'; value: Status } | { kind: 'outcome'; value: Outcome } | { kind: 'finding'; value: FindingStatus }): ReactNode {
  const { e } = useI18n()
  const tone = props.kind === 'status' ? STATUS_TONE[props.value] : props.kind === 'outcome' ? OUTCOME_TONE[props.value] : FINDING_TONE[props.value]
  return <span className={`badge badge--${tone ?? 'neutral'}`}>{e(props.kind, props.value)}</span>
}

export function Loading(props: { label?: string }): ReactNode {
  const { t } = useI18n()
  return (
    <p className="loading" role="status">
      {props.label ?? t('loading')}
    </p>
  )
}

/** A page-level error: the problem's detail, announced. */
export function ProblemMessage(props: { problem: Problem; title?: string }): ReactNode {
  const { t } = useI18n()
  const p = props.problem
  const detail = p.status === 0 && !p.detail ? t('networkError') : p.detail || t('unexpectedError', { status: p.status })
  return (
    <div className="notice notice--error" role="alert">
      {props.title && <p className="notice__title">{props.title}</p>}
      <p>{detail}</p>
      {p.errors && p.errors.length > 0 && (
        <ul>
          {p.errors.map((er, i) => (
            <li key={i}>
              {er.path}: {er.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export const yesNo = (t: (k: 'yes' | 'no') => string, v: boolean | undefined): string => (v ? t('yes') : t('no'))
