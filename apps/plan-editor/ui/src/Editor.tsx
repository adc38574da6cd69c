import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { stockholmDay } from '@vbe/core/calendar'
import { analysePlan, planSchema, type Activity, type Indicator, type Plan, type PlanAnalysis } from '@vbe/core/plans'
import { actors, directivePoints, guidelines, LEVELS, measures, perspectives, RISK_IDS, risks } from '@vbe/core/strategy'
import { issueText } from '@vbe/server-kit/messages'
import { pluginFor, templatesForDistrict } from '../../src/districts'
import { api, ApiError, type ConflictInfo, type PlanDetail, type User } from './api'
import { StatusBadge, useTitle } from './App'
import { DiffView } from './Diff'
import { FollowUp } from './FollowUp'
import { formatDateTime, useT, type T } from './i18n'
import { mergePlans } from './merge'
import { markEdit, Panel, type FieldIssue } from './Panel'
import { Versions } from './Versions'

type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'conflict' | 'invalid' | 'error'
type Update = (f: (doc: Plan) => Plan) => void
type Tab = 'content' | 'followup' | 'versions'

const canonical = (doc: unknown) => {
  const r = planSchema.safeParse(doc)
  return JSON.stringify(r.success ? r.data : doc)
}
const draftKey = (id: string) => `pe-draft:${id}`
const todayIso = () => stockholmDay(new Date())
const formatPath = (path: readonly PropertyKey[]) => path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '')

export function Editor({ id, user }: { id: string; user: User }) {
  const { t, lang } = useT()
  const [server, setServer] = useState<PlanDetail | null>(null)
  const [doc, setDoc] = useState<Plan | null>(null)
  const [save, setSave] = useState<SaveState>('idle')
  const [saveDetail, setSaveDetail] = useState('')
  const [conflict, setConflict] = useState<(ConflictInfo & { base: Plan | null; merge: { merged: Plan; conflicts: string[] } | null }) | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [tab, setTab] = useState<Tab>('content')
  const version = useRef(0)
  const savedJson = useRef('')
  const docRef = useRef<Plan | null>(null)
  const baseVersion = useRef(0)
  const inFlight = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  docRef.current = doc

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
    api<PlanDetail>('GET', `/api/plans/${id}`)
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
      .catch((e: unknown) => live && setLoadError(e instanceof ApiError ? e.problem.detail : String(e)))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  useTitle(server ? `${server.districtName} ${server.year}` : t('loading'))

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
  const issues: FieldIssue[] = useMemo(() => (parsed && !parsed.success ? parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: issueText(i)[lang] })) : []), [parsed, lang])
  const templates = useMemo(() => (server ? templatesForDistrict(server.district) : []), [server?.district])
  const lastGood = useRef<PlanAnalysis | null>(null)
  // The panel follows every edit: while a field is invalid (say, an empty title) the
  // analysis still runs on the document as typed, since it only reads fields.
  const analysis = useMemo(() => {
    if (!doc) return lastGood.current
    try {
      lastGood.current = analysePlan(parsed?.success ? parsed.data : doc, { templates, on: todayIso() })
    } catch {
      // A half-typed value the analysis cannot read: keep the last result.
    }
    return lastGood.current
  }, [doc, parsed, templates])

  const onConflict = useCallback(async (info: ConflictInfo, mine: Plan) => {
    const base = await api<{ document: Plan }>('GET', `/api/plans/${id}/versions/${info.baseVersion}`).then((r) => planSchema.parse(r.data.document)).catch(() => null)
    const merge = base ? mergePlans(base, mine, planSchema.parse(info.document)) : null
    setConflict({ ...info, base, merge })
    setSave('conflict')
  }, [id])

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
      const { data } = await api<PlanDetail>('PUT', `/api/plans/${id}`, { body: { document: result.data }, ifMatch: version.current })
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
      if (e instanceof ApiError && e.problem.status === 409 && e.problem.current && typeof e.problem.current === 'object' && 'document' in e.problem.current) {
        await onConflict(e.problem.current as ConflictInfo, result.data)
      } else {
        setSave(e instanceof ApiError && e.problem.status === 400 ? 'invalid' : 'error')
        setSaveDetail(e instanceof ApiError ? `${e.problem.detail}${e.problem.errors ? ' ' + e.problem.errors.map((x) => `${x.path}: ${x.message}`).join('; ') : ''}` : String(e))
      }
    } finally {
      inFlight.current = false
    }
  }, [id, onConflict, persistDraft])
  const doSaveRef = useRef(doSave)
  doSaveRef.current = doSave

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
    const { data } = await api<PlanDetail>('GET', `/api/plans/${id}`)
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

  const [returnOpen, setReturnOpen] = useState(false)
  const [decisionReference, setDecisionReference] = useState('')
  const [comment, setComment] = useState('')
  const [workflowError, setWorkflowError] = useState<string | null>(null)
  const act = async (action: string, extra: Record<string, string> = {}) => {
    setWorkflowError(null)
    try {
      const { data } = await api<PlanDetail>('POST', `/api/plans/${id}/transitions`, { body: { action, ...extra }, ifMatch: version.current })
      adopt(data)
      setReturnOpen(false)
      setSave('idle')
    } catch (e) {
      setWorkflowError(e instanceof ApiError ? `${e.problem.detail}${e.problem.errors ? ' ' + e.problem.errors.map((x) => `${x.path}: ${x.message}`).join('; ') : ''}` : String(e))
    }
  }
  const busy = save === 'dirty' || save === 'saving' || save === 'conflict' || save === 'invalid'

  if (loadError)
    return (
      <section>
        <h1>{t('errorTitle')}</h1>
        <p role="alert">{loadError}</p>
        <p>
          <a href="#/">{t('back')}</a>
        </p>
      </section>
    )
  if (!server || !doc) return <p>{t('loading')}</p>
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
        <h1>
          {server.districtName} {server.year}
        </h1>
        <p>
          <StatusBadge status={server.status} /> · {t('version')} <span data-testid="version">{server.version}</span>
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
        {notice && <p className="notice">{notice}</p>}
        {readOnly && <p className="notice">{t('readOnly')}</p>}
        {(server.status === 'returned' || server.status === 'revised') && lastReturn && (
          <div className="notice returned" data-testid="return-note">
            <strong>{t('status.returned')}</strong> {lastReturn.decisionReference}: {lastReturn.comment}
          </div>
        )}
      </div>

      {conflict && (
        <section className="conflict" aria-labelledby="conflict-h" data-testid="conflict">
          <h2 id="conflict-h">{t('conflictTitle')}</h2>
          <p>{t('conflictText', { v: conflict.version, by: conflict.updatedBy, at: formatDateTime(conflict.updatedAt) })}</p>
          <div className="two">
            <div>{conflict.theirs ? <DiffView diff={conflict.theirs} caption={t('theirChange')} /> : <p>{t('theirChange')}: —</p>}</div>
            <div>{conflict.mine ? <DiffView diff={conflict.mine} caption={t('yourChange')} /> : <p>{t('yourChange')}: —</p>}</div>
          </div>
          {conflict.merge && conflict.merge.conflicts.length > 0 && <p>{t('mergeBlocked', { paths: conflict.merge.conflicts.join(', ') })}</p>}
          <p className="buttons">
            <button type="button" className="primary" disabled={!conflict.merge || conflict.merge.conflicts.length > 0} onClick={() => void resolve('merge')}>
              {t('merge')}
            </button>
            <button type="button" onClick={() => void resolve('mine')}>
              {t('keepMine')}
            </button>
            <button type="button" onClick={() => void resolve('theirs')}>
              {t('useTheirs')}
            </button>
          </p>
        </section>
      )}

      <section className="workflow" aria-labelledby="wf-h">
        <h2 id="wf-h">{t('workflow')}</h2>
        {server.can.actions.length > 0 ? (
          <p className="buttons">
            {server.can.actions.map((a) =>
              a === 'return' ? (
                <button key={a} type="button" onClick={() => setReturnOpen(true)} aria-expanded={returnOpen}>
                  {t('action.return')}
                </button>
              ) : (
                <button key={a} type="button" className="primary" disabled={busy} onClick={() => void act(a)}>
                  {t(`action.${a}`)}
                </button>
              ),
            )}
          </p>
        ) : null}
        {returnOpen && (
          <form
            className="card"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              void act('return', { decisionReference, comment })
            }}
          >
            <p>{t('returnHelp')}</p>
            <p>
              <label htmlFor="decision-ref">{t('decisionReference')}</label>
              <input id="decision-ref" value={decisionReference} onChange={(e) => setDecisionReference(e.target.value)} aria-required="true" />
            </p>
            <p>
              <label htmlFor="return-comment">{t('comment')}</label>
              <textarea id="return-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} aria-required="true" />
            </p>
            <p className="buttons">
              <button type="submit" className="primary">
                {t('confirmReturn')}
              </button>
              <button type="button" onClick={() => setReturnOpen(false)}>
                {t('cancel')}
              </button>
            </p>
          </form>
        )}
        {workflowError && (
          <p role="alert" className="error">
            {workflowError}
          </p>
        )}
        <details>
          <summary>
            {t('history')} ({server.history.length})
          </summary>
          <ol className="history">
            {server.history.map((h) => (
              <li key={h.version}>
                {t('version')} {h.version}: {t(`action.${h.action}` as 'action.save')} {t('by')} {h.by}, {formatDateTime(h.at)}
                {h.decisionReference ? ` — ${h.decisionReference}` : ''}
                {h.comment ? `: ${h.comment}` : ''}
              </li>
            ))}
          </ol>
        </details>
      </section>

      <div role="tablist" aria-label={t('tabContent')} className="tabs">
        {tabs.map(([k, label]) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
            onKeyDown={(e) => {
              const i = tabs.findIndex(([x]) => x === k)
              const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : undefined
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

// ---------------------------------------------------------------------------

function Text({ id, label, value, onChange, readOnly, multiline, type }: { id: string; label: string; value: string; onChange: (v: string) => void; readOnly: boolean; multiline?: boolean; type?: string }) {
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} rows={3} />
      ) : (
        <input id={id} type={type ?? 'text'} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} />
      )}
    </p>
  )
}

function ContentForm({ doc, update, readOnly, t, lang }: { doc: Plan; update: Update; readOnly: boolean; t: T; lang: 'sv' | 'en' }) {
  const plugin = pluginFor(doc.district)
  const setActivity = useCallback((aid: string, f: (a: Activity) => Activity) => update((d) => ({ ...d, activities: d.activities.map((a) => (a.id === aid ? f(a) : a)) })), [update])
  const removeActivity = useCallback((aid: string) => update((d) => ({ ...d, activities: d.activities.filter((a) => a.id !== aid) })), [update])
  const addActivity = () => {
    const ids = new Set(doc.activities.map((a) => a.id))
    let n = doc.activities.length + 1
    while (ids.has(`a${n}`)) n++
    const id = `a${n}`
    update((d) => ({
      ...d,
      activities: [
        ...d.activities,
        {
          id,
          title: t('newActivity'),
          description: '',
          guidelines: [],
          perspectives: [],
          measures: [],
          directivePoints: [],
          sections: [],
          responsible: { actorId: 'stadsdelsnamnd', level: 'district' },
          partners: [],
          existingStructure: { kind: 'existing', name: '' },
          period: { from: `${d.year}-01-01`, to: `${d.year}-12-31` },
          risks: [],
          indicators: [],
        },
      ],
    }))
    requestAnimationFrame(() => document.getElementById(`act-${id}-title`)?.focus())
  }
  const sp = doc.situationPicture
  return (
    <form onSubmit={(e) => e.preventDefault()} className="content-form">
      <fieldset>
        <legend>{t('contactPoint')}</legend>
        <div className="grid2">
          <Text id="cp-function" label={t('function')} value={doc.contactPoint.function} readOnly={readOnly} onChange={(v) => update((d) => ({ ...d, contactPoint: { ...d.contactPoint, function: v } }))} />
          <Text id="cp-unit" label={t('unit')} value={doc.contactPoint.unit} readOnly={readOnly} onChange={(v) => update((d) => ({ ...d, contactPoint: { ...d.contactPoint, unit: v } }))} />
          <Text
            id="cp-email"
            label={t('email')}
            type="email"
            value={doc.contactPoint.email ?? ''}
            readOnly={readOnly}
            onChange={(v) =>
              update((d) => {
                const { email: _e, ...rest } = d.contactPoint
                return { ...d, contactPoint: v ? { ...rest, email: v } : rest }
              })
            }
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('situationPicture')}</legend>
        <Text id="sp-date" label={t('date')} type="date" value={sp.date} readOnly={readOnly} onChange={(v) => update((d) => ({ ...d, situationPicture: { ...d.situationPicture, date: v } }))} />
        <Text id="sp-summary" label={t('summary')} multiline value={sp.summary} readOnly={readOnly} onChange={(v) => update((d) => ({ ...d, situationPicture: { ...d.situationPicture, summary: v } }))} />
        <details open={!!sp.localProblemPicture}>
          <summary>{t('localProblem')}</summary>
          <div className="grid2">
            {(['agreement', 'date', 'summary'] as const).map((k) => (
              <Text
                key={k}
                id={`lp-${k}`}
                label={t(k)}
                type={k === 'date' ? 'date' : 'text'}
                value={sp.localProblemPicture?.[k] ?? ''}
                readOnly={readOnly}
                onChange={(v) =>
                  update((d) => {
                    const cur = d.situationPicture.localProblemPicture ?? { agreement: '', date: '', summary: '' }
                    const next = { ...cur, [k]: v }
                    const { localProblemPicture: _l, ...rest } = d.situationPicture
                    return { ...d, situationPicture: next.agreement || next.date || next.summary ? { ...rest, localProblemPicture: next } : rest }
                  })
                }
              />
            ))}
          </div>
        </details>
      </fieldset>
      {plugin && plugin.planSections.length > 0 && (
        <fieldset>
          <legend>{t('sections')}</legend>
          {plugin.planSections.map((s) => (
            <Text
              key={s.id}
              id={`sec-${s.id}`}
              label={`${s.title[lang]} — ${s.asks[lang]}`}
              multiline
              value={doc.sections.find((x) => x.id === s.id)?.text ?? ''}
              readOnly={readOnly}
              onChange={(v) => update((d) => ({ ...d, sections: d.sections.some((x) => x.id === s.id) ? d.sections.map((x) => (x.id === s.id ? { id: s.id, text: v } : x)) : [...d.sections, { id: s.id, text: v }] }))}
            />
          ))}
        </fieldset>
      )}
      <h2>{t('activities')}</h2>
      {doc.activities.map((a, i) => (
        <ActivityEditor key={a.id} activity={a} index={i} set={setActivity} remove={removeActivity} readOnly={readOnly} t={t} lang={lang} district={doc.district} />
      ))}
      {!readOnly && (
        <p>
          <button type="button" onClick={addActivity}>
            {t('addActivity')}
          </button>
        </p>
      )}
    </form>
  )
}

function Checks<Id extends string>({ legend, name, options, value, onChange, readOnly }: { legend: string; name: string; options: readonly { id: Id; title: string }[]; value: readonly string[]; onChange: (v: Id[]) => void; readOnly: boolean }) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="check">
          <input
            type="checkbox"
            name={name}
            value={o.id}
            checked={value.includes(o.id)}
            disabled={readOnly}
            onChange={(e) => onChange(e.target.checked ? ([...value, o.id] as Id[]) : (value.filter((x) => x !== o.id) as Id[]))}
          />{' '}
          <strong>{o.id}</strong> {o.title}
        </label>
      ))}
    </fieldset>
  )
}

const ActivityEditor = memo(function ActivityEditor({
  activity: a,
  index,
  set,
  remove,
  readOnly,
  t,
  lang,
  district,
}: {
  activity: Activity
  index: number
  set: (id: string, f: (a: Activity) => Activity) => void
  remove: (id: string) => void
  readOnly: boolean
  t: T
  lang: 'sv' | 'en'
  district: string
}) {
  const p = `act-${a.id}`
  const ch = (f: (a: Activity) => Activity) => set(a.id, f)
  const plugin = pluginFor(district)
  const setIndicator = (iid: string, f: (i: Indicator) => Indicator) => ch((x) => ({ ...x, indicators: x.indicators.map((i) => (i.id === iid ? f(i) : i)) }))
  const addIndicator = () => {
    const ids = new Set(a.indicators.map((i) => i.id))
    let n = a.indicators.length + 1
    while (ids.has(`i${n}`)) n++
    ch((x) => ({ ...x, indicators: [...x.indicators, { id: `i${n}`, name: t('newIndicator'), kind: 'effect', unit: 'procent', dataSource: '', owner: '', frequency: 'tertial', followUps: [] }] }))
  }
  return (
    <section className="card activity" aria-labelledby={`${p}-h`} data-activity={a.id}>
      <h3 id={`${p}-h`}>
        {index + 1}. {a.title || '—'}
      </h3>
      <Text id={`${p}-title`} label={t('title')} value={a.title} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, title: v }))} />
      <Text id={`${p}-desc`} label={t('description')} multiline value={a.description} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, description: v }))} />
      <details>
        <summary>
          {t('guidelines')}, {t('perspectives').toLowerCase()}, {t('measures').toLowerCase()}, {t('directivePoints').toLowerCase()} ({[...a.guidelines, ...a.perspectives, ...a.measures, ...a.directivePoints].join(', ') || '—'})
        </summary>
        <Checks legend={t('guidelines')} name={`${p}-g`} options={guidelines.map((g) => ({ id: g.id, title: g.title[lang] }))} value={a.guidelines} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, guidelines: v }))} />
        <Checks legend={t('perspectives')} name={`${p}-p`} options={perspectives.map((g) => ({ id: g.id, title: g.title[lang] }))} value={a.perspectives} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, perspectives: v }))} />
        <Checks legend={t('measures')} name={`${p}-m`} options={measures.map((g) => ({ id: g.id, title: g.title[lang] }))} value={a.measures} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, measures: v }))} />
        <Checks legend={t('directivePoints')} name={`${p}-d`} options={directivePoints.map((g) => ({ id: g.id, title: g.title[lang] }))} value={a.directivePoints} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, directivePoints: v }))} />
        {plugin && plugin.planSections.length > 0 && (
          <Checks legend={t('planSections')} name={`${p}-s`} options={plugin.planSections.map((s) => ({ id: s.id, title: s.title[lang] }))} value={a.sections} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, sections: v }))} />
        )}
      </details>
      <div className="grid2">
        <p className="field">
          <label htmlFor={`${p}-actor`}>{t('responsible')}</label>
          <select id={`${p}-actor`} value={a.responsible.actorId} disabled={readOnly} onChange={(e) => ch((x) => ({ ...x, responsible: { ...x.responsible, actorId: e.target.value } }))}>
            {actors.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title[lang]}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor={`${p}-level`}>{t('level')}</label>
          <select id={`${p}-level`} value={a.responsible.level} disabled={readOnly} onChange={(e) => ch((x) => ({ ...x, responsible: { ...x.responsible, level: e.target.value as Activity['responsible']['level'] } }))}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </p>
        <Text
          id={`${p}-partners`}
          label={t('partners')}
          value={a.partners.join(', ')}
          readOnly={readOnly}
          onChange={(v) => ch((x) => ({ ...x, partners: v.split(',').map((s) => s.trim()).filter(Boolean) }))}
        />
        <p className="field">
          <label htmlFor={`${p}-tg`}>{t('targetGroup')}</label>
          <select
            id={`${p}-tg`}
            value={a.targetGroup?.kind ?? ''}
            disabled={readOnly}
            onChange={(e) =>
              ch((x) => {
                const { targetGroup: _t, ...rest } = x
                const kind = e.target.value as NonNullable<Activity['targetGroup']>['kind'] | ''
                return kind ? { ...rest, targetGroup: { kind, description: x.targetGroup?.description || t(`target.${kind}`) } } : rest
              })
            }
          >
            <option value="">{t('targetNone')}</option>
            {(['staff', 'partners', 'residents', 'individuals'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`target.${k}`)}
              </option>
            ))}
          </select>
        </p>
      </div>
      <fieldset>
        <legend>{t('structure')}</legend>
        <label className="inline">
          <input type="radio" name={`${p}-sk`} checked={a.existingStructure.kind === 'existing'} disabled={readOnly} onChange={() => ch((x) => ({ ...x, existingStructure: { kind: 'existing', name: '' } }))} /> {t('existing')}
        </label>
        <label className="inline">
          <input type="radio" name={`${p}-sk`} checked={a.existingStructure.kind === 'new'} disabled={readOnly} onChange={() => ch((x) => ({ ...x, existingStructure: { kind: 'new', reason: '' } }))} /> {t('newStructure')}
        </label>
        {a.existingStructure.kind === 'existing' ? (
          <Text id={`${p}-sname`} label={t('structureName')} value={a.existingStructure.name} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, existingStructure: { kind: 'existing', name: v } }))} />
        ) : (
          <Text id={`${p}-sreason`} label={t('structureReason')} value={a.existingStructure.reason} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, existingStructure: { kind: 'new', reason: v } }))} />
        )}
      </fieldset>
      <div className="grid2">
        <Text id={`${p}-from`} label={t('periodFrom')} type="date" value={a.period.from} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, period: { ...x.period, from: v } }))} />
        <Text id={`${p}-to`} label={t('periodTo')} type="date" value={a.period.to} readOnly={readOnly} onChange={(v) => ch((x) => ({ ...x, period: { ...x.period, to: v } }))} />
      </div>
      <details>
        <summary>
          {t('risks')} ({a.risks.map((r) => r.riskId).join(', ') || '—'})
        </summary>
        {RISK_IDS.map((rid) => (
          <Text
            key={rid}
            id={`${p}-risk-${rid}`}
            label={`${t('mitigation')} ${rid}: ${risks.byId(rid).title[lang]}`}
            multiline
            value={a.risks.find((r) => r.riskId === rid)?.mitigation ?? ''}
            readOnly={readOnly}
            onChange={(v) => ch((x) => ({ ...x, risks: v ? [...x.risks.filter((r) => r.riskId !== rid), { riskId: rid, mitigation: v }] : x.risks.filter((r) => r.riskId !== rid) }))}
          />
        ))}
      </details>
      <h4>{t('indicators')}</h4>
      {a.indicators.map((ind) => {
        const q = `${p}-ind-${ind.id}`
        const meas = (which: 'baseline' | 'target', field: 'value' | 'date', v: string) =>
          setIndicator(ind.id, (i) => {
            const cur = i[which] ?? { value: Number.NaN, date: '' }
            const next = field === 'value' ? { ...cur, value: v === '' ? Number.NaN : Number(v) } : { ...cur, date: v }
            const { [which]: _drop, ...rest } = i
            return Number.isNaN(next.value) && next.date === '' ? (rest as Indicator) : { ...rest, [which]: next }
          })
        return (
          <fieldset key={ind.id} className="indicator" data-indicator={ind.id}>
            <legend>
              {t('indicators')}: {ind.name || ind.id}
            </legend>
            <div className="grid3">
              <Text id={`${q}-name`} label={t('name')} value={ind.name} readOnly={readOnly} onChange={(v) => setIndicator(ind.id, (i) => ({ ...i, name: v }))} />
              <p className="field">
                <label htmlFor={`${q}-kind`}>{t('kind')}</label>
                <select id={`${q}-kind`} value={ind.kind} disabled={readOnly} onChange={(e) => setIndicator(ind.id, (i) => ({ ...i, kind: e.target.value as Indicator['kind'] }))}>
                  {(['effect', 'output', 'activity'] as const).map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </option>
                  ))}
                </select>
              </p>
              <Text id={`${q}-unit`} label={t('unit')} value={ind.unit} readOnly={readOnly} onChange={(v) => setIndicator(ind.id, (i) => ({ ...i, unit: v }))} />
              <Text id={`${q}-bv`} label={`${t('baseline')}: ${t('value').toLowerCase()}`} type="number" value={ind.baseline && !Number.isNaN(ind.baseline.value) ? String(ind.baseline.value) : ''} readOnly={readOnly} onChange={(v) => meas('baseline', 'value', v)} />
              <Text id={`${q}-bd`} label={`${t('baseline')}: ${t('date').toLowerCase()}`} type="date" value={ind.baseline?.date ?? ''} readOnly={readOnly} onChange={(v) => meas('baseline', 'date', v)} />
              <Text id={`${q}-ds`} label={t('dataSource')} value={ind.dataSource ?? ''} readOnly={readOnly} onChange={(v) => setIndicator(ind.id, (i) => ({ ...i, dataSource: v }))} />
              <Text id={`${q}-tv`} label={`${t('target')}: ${t('value').toLowerCase()}`} type="number" value={ind.target && !Number.isNaN(ind.target.value) ? String(ind.target.value) : ''} readOnly={readOnly} onChange={(v) => meas('target', 'value', v)} />
              <Text id={`${q}-td`} label={`${t('target')}: ${t('date').toLowerCase()}`} type="date" value={ind.target?.date ?? ''} readOnly={readOnly} onChange={(v) => meas('target', 'date', v)} />
              <Text id={`${q}-owner`} label={t('owner')} value={ind.owner} readOnly={readOnly} onChange={(v) => setIndicator(ind.id, (i) => ({ ...i, owner: v }))} />
            </div>
            {!readOnly && (
              <button type="button" className="link" onClick={() => ch((x) => ({ ...x, indicators: x.indicators.filter((i) => i.id !== ind.id) }))}>
                {t('removeIndicator')}: {ind.name}
              </button>
            )}
          </fieldset>
        )
      })}
      {!readOnly && (
        <p className="buttons">
          <button type="button" onClick={addIndicator}>
            {t('addIndicator')}
          </button>
          <button type="button" className="danger" onClick={() => remove(a.id)}>
            {t('removeActivity')}: {a.title}
          </button>
        </p>
      )}
    </section>
  )
})
