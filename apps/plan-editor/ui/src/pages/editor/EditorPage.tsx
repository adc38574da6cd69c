import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { stockholmDay } from '@vbe/core/calendar'
import { analysePlan, planSchema, type Plan, type PlanAnalysis } from '@vbe/core/plans'
import { formatMessage, issueMessage } from '@vbe/core'
import { districtPlugin, districtTemplates } from '@vbe/districts'
import {
  apiClient,
  formatDateTime,
  isApiError,
  Loading,
  NotFoundPage,
  PageHeading,
  problemText,
  ProblemMessage,
  toProblemOf,
  type Problem,
  type User,
} from '@vbe/web-kit'
import { PlanStatusBadge } from '../../components/plans'
import type { ConflictInfo, PlanDetail } from '../../types'
import { DiffView } from './Diff'
import { FollowUp } from './FollowUp'
import { useI18n, type MessageKey } from '../../i18n'
import { mergePlans } from './merge'
import { markEdit, Panel, type FieldIssue } from './Panel'
import { Versions } from './Versions'
import { issueField } from './issue-fields'
import { Workflow } from './Workflow'
import { ContentForm, type Update } from './ContentForm'

type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'conflict' | 'invalid' | 'error'
type Tab = 'content' | 'followup' | 'versions'

const canonical = (doc: unknown) => {
  const r = planSchema.safeParse(doc)
  return JSON.stringify(r.success ? r.data : doc)
}
const draftKey = (id: string) => `pe-draft:${id}`
const todayIso = () => stockholmDay(new Date())

/** Why the user cannot edit the plan, and what happens next: by its status, else their role. */
function readOnlyReason(plan: PlanDetail): MessageKey {
  if (plan.status === 'submitted') return 'readOnly.submitted'
  if (plan.status === 'adopted') return 'readOnly.adopted'
  if (plan.status === 'returned') return plan.can.actions.includes('revise') ? 'readOnly.returnedRevise' : 'readOnly.returned'
  return 'readOnly.role'
}

export function Editor({ id }: { id: string; user: User }) {
  const { t, lang } = useI18n()
  const [server, setServer] = useState<PlanDetail | null>(null)
  const [doc, setDoc] = useState<Plan | null>(null)
  const [save, setSave] = useState<SaveState>('idle')
  const [saveDetail, setSaveDetail] = useState('')
  const [conflict, setConflict] = useState<
    (ConflictInfo & { base: Plan | null; merge: { merged: Plan; conflicts: string[] } | null }) | null
  >(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<Problem | null>(null)
  const [tab, setTab] = useState<Tab>('content')
  const version = useRef(0)
  const savedJson = useRef('')
  const docRef = useRef<Plan | null>(null)
  const baseVersion = useRef(0)
  const inFlight = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // The document as last rendered, for the timers and handlers below. A layout effect
  // runs before any passive effect or event sees the new render.
  useLayoutEffect(() => {
    docRef.current = doc
  }, [doc])

  const adopt = useCallback((plan: PlanDetail, keepDoc = false) => {
    setServer(plan)
    version.current = plan.version
    baseVersion.current = plan.version
    const parsed = planSchema.parse(plan.document)
    savedJson.current = JSON.stringify(parsed)
    if (!keepDoc) setDoc(parsed)
  }, [])

  useEffect(() => {
    let live = true
    apiClient
      .requestWithEtag<PlanDetail>(`/api/plans/${id}`)
      .then(({ data }) => {
        if (!live) return
        adopt(data)
        const raw = localStorage.getItem(draftKey(id))
        if (raw && data.can.edit) {
          const draft = JSON.parse(raw) as { baseVersion: number; doc: Plan }
          if (canonical(draft.doc) !== savedJson.current) {
            baseVersion.current = draft.baseVersion
            version.current = draft.baseVersion
            setDoc(draft.doc)
            setNotice(t('save.restored'))
          } else localStorage.removeItem(draftKey(id))
        }
      })
      .catch((e: unknown) => live && setLoadError(toProblemOf(e)))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  // Keep unsaved work across a reload: written on every change (debounced) and when the page is hidden.
  const persistDraft = useCallback(() => {
    const d = docRef.current
    if (!d) return
    if (JSON.stringify(d) === savedJson.current || canonical(d) === savedJson.current) localStorage.removeItem(draftKey(id))
    else localStorage.setItem(draftKey(id), JSON.stringify({ baseVersion: version.current, doc: d }))
  }, [id])
  useEffect(() => {
    addEventListener('pagehide', persistDraft)
    return () => removeEventListener('pagehide', persistDraft)
  }, [persistDraft])

  const parsed = useMemo(() => (doc ? planSchema.safeParse(doc) : null), [doc])
  // The same messages, in the same words, as the server's 400 for these fields.
  // Each issue is worded from its message code by core's catalogue, in the UI's language.
  const issues: FieldIssue[] = useMemo(
    () =>
      parsed && doc && !parsed.success
        ? parsed.error.issues.map((i) => ({
            // Named by the form's labels and linked to its input, never by its path in the plan (`activities[0].title`).
            ...issueField(i.path, doc, t, (sid) => districtPlugin(doc.district)?.planSections.find((s) => s.id === sid)?.title[lang]),
            message: formatMessage(issueMessage(i), lang),
          }))
        : [],
    [parsed, doc, lang, t],
  )
  const district = server?.district
  const templates = useMemo(() => (district !== undefined ? districtTemplates(district) : []), [district])
  // The panel follows every edit: while a field is invalid (say, an empty title) the
  // analysis still runs on the document as typed, since it only reads fields.
  const fresh = useMemo(() => {
    if (!doc) return null
    try {
      return analysePlan(parsed?.success ? parsed.data : doc, { templates, on: todayIso() })
    } catch {
      // A half-typed value the analysis cannot read: keep the last result (below).
      return null
    }
  }, [doc, parsed, templates])
  // The last result the analysis could produce, kept in state and updated while rendering.
  const [lastGood, setLastGood] = useState<PlanAnalysis | null>(null)
  if (fresh && fresh !== lastGood) setLastGood(fresh)
  const analysis = fresh ?? lastGood

  const onConflict = useCallback(
    async (info: ConflictInfo, mine: Plan) => {
      const base = await apiClient
        .requestWithEtag<{ document: Plan }>(`/api/plans/${id}/versions/${info.baseVersion}`)
        .then((r) => planSchema.parse(r.data.document))
        .catch(() => null)
      const merge = base ? mergePlans(base, mine, planSchema.parse(info.document)) : null
      setConflict({ ...info, base, merge })
      setSave('conflict')
    },
    [id],
  )

  // Set to the current doSave by the layout effect below, before any timer can fire.
  const doSaveRef = useRef<() => Promise<void>>(async () => {})
  const doSave = useCallback(async () => {
    const d = docRef.current
    if (!d || inFlight.current) return
    const result = planSchema.safeParse(d)
    if (!result.success) {
      setSave('invalid')
      persistDraft()
      return
    }
    const json = JSON.stringify(result.data)
    if (json === savedJson.current && version.current === baseVersion.current) {
      setSave('saved')
      localStorage.removeItem(draftKey(id))
      return
    }
    inFlight.current = true
    setSave('saving')
    try {
      const { data } = await apiClient.requestWithEtag<PlanDetail>(`/api/plans/${id}`, {
        method: 'PUT',
        json: { document: result.data },
        ifMatch: version.current,
      })
      setServer(data)
      version.current = data.version
      baseVersion.current = data.version
      savedJson.current = json
      setNotice(null)
      const now = docRef.current
      if (now && canonical(now) !== json) {
        setSave('dirty')
        clearTimeout(timer.current)
        timer.current = setTimeout(() => void doSaveRef.current(), 300)
      } else {
        setSave('saved')
        localStorage.removeItem(draftKey(id))
      }
    } catch (e) {
      persistDraft()
      if (
        isApiError(e) &&
        e.problem.status === 409 &&
        e.problem.current &&
        typeof e.problem.current === 'object' &&
        'document' in e.problem.current
      ) {
        await onConflict(e.problem.current as ConflictInfo, result.data)
      } else {
        setSave(isApiError(e) && e.problem.status === 400 ? 'invalid' : 'error')
        setSaveDetail(problemText(toProblemOf(e)))
      }
    } finally {
      inFlight.current = false
    }
  }, [id, onConflict, persistDraft])
  // The timers call the latest doSave (doSave itself schedules a retry through this ref).
  useLayoutEffect(() => {
    doSaveRef.current = doSave
  }, [doSave])

  // Autosave: 600 ms after the last edit.
  useEffect(() => {
    if (!doc || !server?.can.edit || conflict) return
    if (canonical(doc) === savedJson.current && version.current === baseVersion.current) return
    setSave((s) => (s === 'saving' ? s : 'dirty'))
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      persistDraft()
      void doSaveRef.current()
    }, 600)
    return () => clearTimeout(timer.current)
  }, [doc, server?.can.edit, conflict, persistDraft])

  const update: Update = useCallback((f) => {
    markEdit()
    setDoc((d) => (d ? f(d) : d))
  }, [])

  const reload = async () => {
    const { data } = await apiClient.requestWithEtag<PlanDetail>(`/api/plans/${id}`)
    return data
  }
  const resolve = async (how: 'merge' | 'mine' | 'theirs') => {
    if (!conflict) return
    const fresh = await reload()
    if (how === 'theirs') {
      adopt(fresh)
      localStorage.removeItem(draftKey(id))
      setSave('saved')
    } else {
      const mine = how === 'merge' && conflict.merge ? conflict.merge.merged : docRef.current!
      adopt(fresh, true)
      setDoc(mine)
      setSave('dirty')
    }
    setConflict(null)
  }

  const busy = save === 'dirty' || save === 'saving' || save === 'conflict' || save === 'invalid'

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
  const tabs: [Tab, string][] = [
    ['content', t('tabContent')],
    ['followup', t('tabFollowUp')],
    ['versions', t('tabVersions')],
  ]
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
              <span role="status" className={`save save-${save}`} data-testid="save-status" data-state={save}>
                {t(`save.${save}`)}
                {save === 'error' || save === 'invalid' ? (saveDetail ? `: ${saveDetail}` : '') : ''}
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

      {conflict && (
        <section className="conflict" aria-labelledby="conflict-h" data-testid="conflict">
          <h2 id="conflict-h">{t('conflictTitle')}</h2>
          <p>
            {t('conflictText', { v: conflict.version, by: conflict.updatedBy ?? t('systemActor'), at: formatDateTime(conflict.updatedAt) })}
          </p>
          <div className="two">
            <div>{conflict.theirs ? <DiffView diff={conflict.theirs} caption={t('theirChange')} /> : <p>{t('theirChange')}: —</p>}</div>
            <div>{conflict.mine ? <DiffView diff={conflict.mine} caption={t('yourChange')} /> : <p>{t('yourChange')}: —</p>}</div>
          </div>
          {conflict.merge && conflict.merge.conflicts.length > 0 && (
            <p>{t('mergeBlocked', { paths: conflict.merge.conflicts.join(', ') })}</p>
          )}
          <p className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={!conflict.merge || conflict.merge.conflicts.length > 0}
              onClick={() => void resolve('merge')}
            >
              {t('merge')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void resolve('mine')}>
              {t('keepMine')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void resolve('theirs')}>
              {t('useTheirs')}
            </button>
          </p>
        </section>
      )}

      <Workflow
        plan={server}
        busy={busy}
        version={version}
        onDone={(p) => {
          adopt(p)
          setSave('idle')
        }}
      />

      <div role="tablist" aria-label={t('tabContent')} className="tabs">
        {tabs.map(([k, label]) => (
          <button
            key={k}
            type="button"
            role="tab"
            className="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
            onKeyDown={(e) => {
              const i = tabs.findIndex(([x]) => x === k)
              const next =
                e.key === 'ArrowRight'
                  ? tabs[(i + 1) % tabs.length]
                  : e.key === 'ArrowLeft'
                    ? tabs[(i + tabs.length - 1) % tabs.length]
                    : undefined
              if (next) {
                setTab(next[0])
                document.getElementById(`tab-${next[0]}`)?.focus()
              }
            }}
          >
            {label}
          </button>
        ))}
      </div>

      <div className="layout">
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="main-col">
          {tab === 'content' && <ContentForm doc={doc} update={update} readOnly={readOnly} t={t} lang={lang} />}
          {tab === 'followup' && <FollowUp plan={server} onSaved={(p) => adopt(p)} version={version} busy={busy} />}
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
