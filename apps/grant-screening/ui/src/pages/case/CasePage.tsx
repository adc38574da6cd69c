import {
  api,
  isApiError,
  type Problem,
  hasRole,
  Loading,
  PageHeading,
  ProblemMessage,
  NotFoundPage,
  ErrorSummary,
  Field,
  RadioGroup,
  Submit,
  useForm,
  useAnnounce,
  href,
  auditHref,
  WholeDates,
} from '@vbe/web-kit'
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { Badge, yesNo } from '../../components/badges'
import { useI18n } from '../../i18n'
import type { CaseDetail, User } from '../../types'
import { CommunicationSection } from './CommunicationSection'
import { DecisionSection } from './DecisionSection'
import { EvidenceSection } from './EvidenceSection'
import { FindingsSection } from './FindingsSection'
import { FollowUpSection, ReclaimSection } from './FollowUpSection'
import { NotesSection, PersonsSection } from './PeopleSection'
import { DistrictName, useProgrammes } from '../../lists'

type State =
  | { kind: 'loading' }
  | { kind: 'declare' }
  | { kind: 'conflict-declared'; detail: string }
  | { kind: 'error'; problem: Problem }
  | { kind: 'ok'; detail: CaseDetail }

export function CasePage(props: { id: string; user: User }): ReactNode {
  const { t } = useI18n()
  const [state, setState] = useState<State>({ kind: 'loading' })

  // The case, or why it cannot be shown, as the page's next state.
  const fetchState = useCallback(async (): Promise<State> => {
    try {
      const detail = await api<CaseDetail>(`/api/cases/${encodeURIComponent(props.id)}`)
      return { kind: 'ok', detail }
    } catch (e) {
      if (isApiError(e) && e.status === 403 && e.code === 'conflict-declaration-required') return { kind: 'declare' }
      else if (isApiError(e) && e.status === 403 && e.code === 'conflict-declared')
        return { kind: 'conflict-declared', detail: e.problem.detail }
      else return { kind: 'error', problem: isApiError(e) ? e.problem : { status: 0, detail: String(e) } }
    }
  }, [props.id])

  const load = useCallback(async () => {
    setState(await fetchState())
  }, [fetchState])

  useEffect(() => {
    void fetchState().then((next) => setState(next))
  }, [fetchState])

  const back = (
    <p className="back-link">
      <a href={href('/')}>← {t('back')}</a>
    </p>
  )

  switch (state.kind) {
    case 'loading':
      return (
        <>
          {back}
          <Loading label={t('caseLoading')} />
        </>
      )
    case 'declare':
      return (
        <>
          {back}
          <ConflictDeclaration id={props.id} onDeclared={() => void load()} />
        </>
      )
    case 'conflict-declared':
      return (
        <>
          {back}
          <PageHeading>{t('conflictTitle')}</PageHeading>
          <div className="notice notice--warn" role="alert">
            <p>{t('conflictDeclared')}</p>
          </div>
        </>
      )
    case 'error':
      // A case that does not exist (or is outside the user's scope) is a dead end like any other address.
      if (state.problem.status === 404) return <NotFoundPage back={{ href: href('/'), label: t('back') }} />
      return (
        <>
          {back}
          <PageHeading>{t('caseTitlePlain')}</PageHeading>
          <ProblemMessage problem={state.problem} />
        </>
      )
    case 'ok':
      return (
        <>
          {back}
          <CaseView detail={state.detail} user={props.user} onChange={(detail) => setState({ kind: 'ok', detail })} reload={load} />
        </>
      )
  }
}

function ConflictDeclaration(props: { id: string; onDeclared: () => void }): ReactNode {
  const { t } = useI18n()
  const announce = useAnnounce()
  const form = useForm('conflict')
  // No default: the officer must actively answer.
  const [answer, setAnswer] = useState<'no' | 'yes' | ''>('')
  const [comment, setComment] = useState('')
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    if (!answer) {
      form.setProblem({ status: 400, detail: t('conflictChoose'), errors: [{ path: 'conflict', message: t('conflictChoose') }] })
      return
    }
    const body =
      answer === 'yes'
        ? { conflict: true, ...(comment.trim() ? { comment: comment.trim() } : {}) }
        : { conflict: false, ...(comment.trim() ? { comment: comment.trim() } : {}) }
    const r = await form.submit(() => api(`/api/cases/${encodeURIComponent(props.id)}/conflict`, { json: body }))
    if (r !== undefined) {
      announce(t('conflictRecorded'))
      props.onDeclared()
    }
  }
  return (
    <>
      <PageHeading>{t('conflictTitle')}</PageHeading>
      <div className="card narrow">
        <p>{t('conflictIntro')}</p>
        <ErrorSummary form={form} fields={['conflict', 'comment']} />
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <RadioGroup
            form={form}
            name="conflict"
            legend={t('conflictQuestion')}
            value={answer}
            onChange={setAnswer}
            options={[
              { value: 'no', label: t('conflictNo') },
              { value: 'yes', label: t('conflictYes') },
            ]}
          />
          <Field form={form} name="comment" label={t('conflictComment')} hint={t('conflictCommentHint')} optional>
            {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />}
          </Field>
          <Submit form={form} label={t('conflictSubmit')} />
        </form>
      </div>
    </>
  )
}

export interface CaseProps {
  readonly detail: CaseDetail
  readonly user: User
  readonly onChange: (detail: CaseDetail) => void
  readonly reload: () => Promise<void>
}

function CaseView(props: CaseProps): ReactNode {
  const { t, e, loc, money, date, dateTime, percent, number } = useI18n()
  const programmes = useProgrammes()
  const c = props.detail
  const a = c.application
  const programme = programmes?.find((p) => p.id === c.programme)
  const s = c.screening
  return (
    <>
      <PageHeading
        sub={
          <p className="page-heading__meta">
            <Badge kind="status" value={c.status} /> <Badge kind="outcome" value={c.outcome} />
            {c.humanDecisionRequired && <span className="flag">{t('humanDecision')}</span>}
          </p>
        }
      >
        {t('caseTitle', { name: a.association.name })}
      </PageHeading>

      <div className="case-grid">
        <section className="card case-grid__summary" aria-labelledby="summary-title">
          <h2 id="summary-title">{t('caseSummary')}</h2>
          <dl className="dl">
            <dt>{t('caseNumber')}</dt>
            <dd data-case-number>{c.caseNumber ?? <span className="muted">{t('caseNumberNotYet')}</span>}</dd>
            <dt>{t('applicationId')}</dt>
            <dd>{a.id}</dd>
            <dt>{t('programme')}</dt>
            <dd>{programme ? loc(programme.name) : c.programme}</dd>
            <dt>{t('district')}</dt>
            <dd>
              <DistrictName id={c.district} />
            </dd>
            <dt>{t('amountRequested')}</dt>
            <dd>
              {money(c.amountRequested)}
              {programme?.maxAmount ? <span className="muted"> ({t('maxAmount', { amount: money(programme.maxAmount) })})</span> : null}
            </dd>
            <dt>{t('organisationNumber')}</dt>
            <dd>{a.association.organisationNumber}</dd>
            {a.association.registeredOn && (
              <>
                <dt>{t('registeredOn')}</dt>
                <dd>
                  <WholeDates>{date(a.association.registeredOn)}</WholeDates>
                </dd>
              </>
            )}
            <dt>{t('activitySince')}</dt>
            <dd>
              <WholeDates>{date(a.association.activitySince)}</WholeDates>
            </dd>
            <dt>{t('bankAccount')}</dt>
            <dd>
              {e('bank', a.association.bankAccount.kind)} {a.association.bankAccount.number}
              <span className="block small">
                {t('holderIsAssociation')}: {yesNo(t, a.association.bankAccount.holderIsAssociation)}
              </span>
            </dd>
            <dt>{t('statutes')}</dt>
            <dd>
              <WholeDates>
                {a.statutes
                  ? `${t('statutesAdopted', { date: date(a.statutes.adoptedOn) })}, ${a.statutes.adoptedAtAnnualMeeting ? t('atAnnualMeeting') : t('notAtAnnualMeeting')}`
                  : t('missingStatutes')}
              </WholeDates>
            </dd>
            <dt>{t('board')}</dt>
            <dd>
              <WholeDates>{t('boardElected', { date: date(a.board.electedOn) })}</WholeDates>,{' '}
              {a.board.electedAtAnnualMeeting ? t('atAnnualMeeting') : t('notAtAnnualMeeting')}
              <span className="block small">
                {t('auditorElected')}: {yesNo(t, a.board.auditorElected)}
              </span>
            </dd>
            {a.members && (
              <>
                <dt>{t('members')}</dt>
                <dd>{t('membersValue', { total: number(a.members.total), share: percent(a.members.residentInCityShare) })}</dd>
              </>
            )}
            <dt>{t('declaration')}</dt>
            <dd>
              {a.declaration ? (
                <>
                  {t('declarationValue', {
                    dem: yesNo(t, a.declaration.democraticPrinciples),
                    hr: yesNo(t, a.declaration.humanRights),
                    ge: yesNo(t, a.declaration.genderEquality),
                  })}
                  {a.declaration.signedOn && (
                    <span className="block small">
                      <WholeDates>{t('signedOn', { date: date(a.declaration.signedOn) })}</WholeDates>
                    </span>
                  )}
                </>
              ) : (
                t('missingDeclaration')
              )}
            </dd>
            <dt>{t('previousGrants')}</dt>
            <dd>
              {a.previousGrants && a.previousGrants.length > 0 ? (
                <ul className="plain">
                  {a.previousGrants.map((g, i) => (
                    <li key={i}>
                      <WholeDates>{t('previousGrantValue', { year: g.year, amount: money(g.amount), due: date(g.reportDue) })}</WholeDates>,{' '}
                      <WholeDates>
                        {g.reportSubmittedOn ? t('reportSubmitted', { date: date(g.reportSubmittedOn) }) : t('reportNotSubmitted')}
                      </WholeDates>
                    </li>
                  ))}
                </ul>
              ) : (
                t('none')
              )}
            </dd>
            <dt>{t('createdAt')}</dt>
            <dd>
              <WholeDates>{dateTime(c.createdAt)}</WholeDates>
            </dd>
            <dt>{t('updatedAt')}</dt>
            <dd>
              <WholeDates>{dateTime(c.updatedAt)}</WholeDates>
            </dd>
          </dl>
          {hasRole(props.user, 'admin', 'auditor') && (
            <p>
              <a href={auditHref({ reference: c.caseNumber, entityId: c.id })}>{t('nav_audit')}</a>
            </p>
          )}
        </section>

        <div className="case-grid__side">
          <DecisionSection {...props} />
        </div>
      </div>

      <section className="card" aria-labelledby="screening-title">
        <h2 id="screening-title">{t('screening')}</h2>
        <p className="muted">{t('screeningIntro')}</p>
        <p>
          <strong>{t('screeningOutcome')}:</strong> <Badge kind="outcome" value={s.outcome} />{' '}
          <span className="muted small">
            <WholeDates>{t('rulesetInfo', { on: date(s.ruleset.on) })}</WholeDates>
          </span>
        </p>
        {s.humanDecisionRequired && <p className="notice notice--warn">{t('humanDecisionRequired')}</p>}
        <FindingsSection detail={c} />
      </section>

      <EvidenceSection {...props} />

      <CommunicationSection {...props} />

      {c.status === 'decided' && c.decision && c.decision.kind !== 'deny' && (
        <div className="two-col">
          <FollowUpSection {...props} />
          <ReclaimSection {...props} />
        </div>
      )}

      <div className="two-col">
        <NotesSection {...props} />
        <PersonsSection {...props} />
      </div>
    </>
  )
}
