import { useState } from 'react'
import { Loading, NotFoundPage, PageHeading, ProblemMessage, type User } from '@vbe/web-kit'
import { PlanStatusBadge } from '../../components/plans'
import type { PlanDetail } from '../../types'
import { FollowUp } from './FollowUp'
import { useI18n, type MessageKey } from '../../i18n'
import { Panel } from './Panel'
import { Versions } from './Versions'
import { Workflow } from './Workflow'
import { ContentForm } from './ContentForm'
import { ConflictPanel } from './ConflictPanel'
import { EditorTabs, type Tab } from './EditorTabs'
import { saveIsBusy } from './save-state'
import { usePlanAnalysis } from './usePlanAnalysis'
import { usePlanSave } from './usePlanSave'
import { useLeaveWarning } from './useLeaveWarning'

/** Why the user cannot edit the plan, and what happens next: by its status, else their role. */
function readOnlyReason(plan: PlanDetail): MessageKey {
  if (plan.status === 'submitted') return 'readOnly.submitted'
  if (plan.status === 'adopted') return 'readOnly.adopted'
  if (plan.status === 'returned') return plan.can.actions.includes('revise') ? 'readOnly.returnedRevise' : 'readOnly.returned'
  return 'readOnly.role'
}

/** One plan: its content, follow-up and versions, the coverage panel, the workflow, and autosave (`usePlanSave`). */
export function Editor({ id }: { id: string; user: User }) {
  const { t, lang } = useI18n()
  const { server, doc, save, conflict, notice, loadError, version, update, resolve, adopt, replaced } = usePlanSave(id)
  const { issues, analysis } = usePlanAnalysis(doc, server?.district)
  const [tab, setTab] = useState<Tab>('content')
  const busy = saveIsBusy(save.state)
  // Unsaved changes (waiting to be sent, being sent, refused, or in conflict) ask before the page is left.
  const leaveDialog = useLeaveWarning(busy || save.state === 'error', t)

  // A plan that does not exist, or is not the user's to see (the server answers 404 for both): the kit's
  // not-found page, as every other address that leads nowhere; other failures keep their own words.
  if (loadError?.status === 404) return <NotFoundPage back={{ href: '#/', label: t('back') }} />
  if (loadError)
    return (
      <section>
        <PageHeading>{t('errorTitle')}</PageHeading>
        <ProblemMessage problem={loadError} />
        <p>
          <a href="#/">{t('back')}</a>
        </p>
      </section>
    )
  if (!server || !doc) return <Loading />
  const readOnly = !server.can.edit
  const lastReturn = [...server.history].reverse().find((h) => h.action === 'return')

  return (
    <div className="editor">
      <div className="editor-head">
        <PageHeading>{`${server.districtName} ${server.year}`}</PageHeading>
        <p>
          <PlanStatusBadge status={server.status} /> · {t('version')} <span data-testid="version">{server.version}</span>
          {server.can.edit && (
            <>
              {' · '}
              <span role="status" className={`save save-${save.state}`} data-testid="save-status" data-state={save.state}>
                {t(`save.${save.state}`)}
                {save.state === 'error' || save.state === 'invalid' ? (save.detail ? `: ${save.detail}` : '') : ''}
              </span>
            </>
          )}
        </p>
        {notice && <p className="notice notice--info">{notice}</p>}
        {readOnly && (
          <p className="notice notice--info" data-testid="read-only">
            {t(readOnlyReason(server))}
          </p>
        )}
        {(server.status === 'returned' || server.status === 'revised') && lastReturn && (
          <div className="notice notice--error" data-testid="return-note">
            <strong>{t('status.returned')}</strong> {lastReturn.decisionReference}: {lastReturn.comment}
          </div>
        )}
      </div>

      {leaveDialog}
      {conflict && <ConflictPanel conflict={conflict} district={server.district} resolve={(how) => void resolve(how)} />}

      <Workflow plan={server} busy={busy} version={version} onDone={replaced} analysis={analysis} />

      <EditorTabs tab={tab} onSelect={setTab} />

      <div className="layout">
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="main-col">
          {tab === 'content' && <ContentForm doc={doc} update={update} readOnly={readOnly} t={t} lang={lang} analysis={analysis} />}
          {tab === 'followup' && <FollowUp plan={server} onSaved={adopt} version={version} busy={busy} />}
          {tab === 'versions' && <Versions plan={server} />}
        </div>
        <aside className="side" aria-labelledby="panel-h">
          <h2 id="panel-h">{t('panel')}</h2>
          <Panel analysis={analysis} issues={issues} />
        </aside>
      </div>
    </div>
  )
}
