import { useEffect, useRef, type ReactNode } from 'react'
import { useKitI18n } from './i18n.js'
import type { Problem } from './types.js'
import { wholeDates } from './whole-dates.js'

/** Set when the user navigates, so the next page heading takes focus. */
let focusNextHeading = false
export function markNavigation(): void {
  focusNextHeading = true
}

/** The page's one h1: sets the document title (`Heading – App`) and takes focus after a navigation. */
export function PageHeading(props: { children: string; sub?: ReactNode }): ReactNode {
  const { t } = useKitI18n()
  const ref = useRef<HTMLHeadingElement>(null)
  const app = t('appName')
  useEffect(() => {
    document.title = `${props.children} – ${app}`
  }, [props.children, app])
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

export function Loading(props: { label?: string }): ReactNode {
  const { t } = useKitI18n()
  return (
    <p className="loading" role="status">
      {props.label ?? t('loading')}
    </p>
  )
}

/** A page-level error: the problem's detail and its field messages, announced. */
export function ProblemMessage(props: { problem: Problem; title?: string }): ReactNode {
  const p = props.problem
  return (
    <div className="notice notice--error" role="alert">
      {props.title && <p className="notice__title">{props.title}</p>}
      <p>{wholeDates(p.detail)}</p>
      {p.errors && p.errors.length > 0 && (
        <ul>
          {p.errors
            .filter((e) => e.message !== p.detail)
            .map((er, i) => (
              <li key={i}>
                {er.path ? `${er.path}: ` : ''}
                {wholeDates(er.message)}
              </li>
            ))}
        </ul>
      )}
    </div>
  )
}

/** A notice box; `tone` sets its colour and the text says what it is. */
export function Notice(props: {
  tone: 'info' | 'ok' | 'warn' | 'error'
  title?: string
  role?: 'status' | 'alert'
  children?: ReactNode
  testId?: string
}): ReactNode {
  return (
    <div
      className={`notice notice--${props.tone}`}
      {...(props.role ? { role: props.role } : {})}
      {...(props.testId ? { 'data-testid': props.testId } : {})}
    >
      {props.title && <p className="notice__title">{props.title}</p>}
      {props.children}
    </div>
  )
}

/**
 * The page for an address that leads nowhere, or to a page the user's role may not see:
 * an h1 that says which, what it means, and a way on (the app's start page unless `back`
 * names another). Both apps show these rather than another page, so a link that cannot
 * work says so.
 */
export function NotFoundPage(props: { back?: { href: string; label: string } }): ReactNode {
  const { t } = useKitI18n()
  return <DeadEnd title={t('notFoundTitle')} text={t('notFoundText')} back={props.back ?? { href: '#/', label: t('toStart') }} />
}

/** See NotFoundPage; `text` says who the page is for, when that helps. */
export function NotAllowedPage(props: { text?: string; back?: { href: string; label: string } }): ReactNode {
  const { t } = useKitI18n()
  return (
    <DeadEnd
      title={t('notAllowedTitle')}
      text={props.text ?? t('notAllowedText')}
      back={props.back ?? { href: '#/', label: t('toStart') }}
    />
  )
}

function DeadEnd(props: { title: string; text: string; back: { href: string; label: string } }): ReactNode {
  return (
    <>
      <PageHeading>{props.title}</PageHeading>
      <p>{props.text}</p>
      <p>
        <a href={props.back.href}>{props.back.label}</a>
      </p>
    </>
  )
}
