// .tsx, not .ts: the lint config applies the rules of hooks to .tsx files.
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState, type RefObject } from 'react'
import { planSchema, type Plan } from '@vbe/core/plans'
import { apiClient, isApiError, problemText, toProblemOf, type Problem } from '@vbe/web-kit'
import type { ConflictInfo, PlanDetail } from '../../types'
import { useI18n } from '../../i18n'
import { mergePlans } from './merge'
import { markEdit } from './Panel'
import type { Update } from './ContentForm'
import { INITIAL_SAVE_STATUS, saveReducer, type SaveStatus } from './save-state'

/** A save the server refused with a newer version: both changes, the version they started from, and a merge when one is possible. */
export type Conflict = ConflictInfo & { base: Plan | null; merge: { merged: Plan; conflicts: string[] } | null }

export interface PlanSave {
  /** The plan as the server last gave it. */
  readonly server: PlanDetail | null
  /** The document as edited. */
  readonly doc: Plan | null
  readonly save: SaveStatus
  readonly conflict: Conflict | null
  /** Said above the form (a draft restored from this browser). */
  readonly notice: string | null
  readonly loadError: Problem | null
  /** The version the next save or workflow step sends in If-Match. */
  readonly version: RefObject<number>
  readonly update: Update
  resolve(how: 'merge' | 'mine' | 'theirs'): Promise<void>
  /** Takes a plan the server answered with outside the autosave (a follow-up value saved). */
  adopt(plan: PlanDetail): void
  /** Takes the plan after a workflow step; nothing is left to save. */
  replaced(plan: PlanDetail): void
}

const canonical = (doc: unknown) => {
  const r = planSchema.safeParse(doc)
  return JSON.stringify(r.success ? r.data : doc)
}
const draftKey = (id: string) => `pe-draft:${id}`

/**
 * Loading, editing and saving one plan: autosave 600 ms after the last edit with If-Match,
 * a draft in localStorage that survives a reload, and the conflict when someone else saved
 * first (merge, keep mine, use theirs). The save status follows `saveReducer`.
 */
export function usePlanSave(id: string): PlanSave {
  const { t } = useI18n()
  const [server, setServer] = useState<PlanDetail | null>(null)
  const [doc, setDoc] = useState<Plan | null>(null)
  const [save, dispatch] = useReducer(saveReducer, INITIAL_SAVE_STATUS)
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<Problem | null>(null)
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

  const onConflict = useCallback(
    async (info: ConflictInfo, mine: Plan) => {
      const base = await apiClient
        .requestWithEtag<{ document: Plan }>(`/api/plans/${id}/versions/${info.baseVersion}`)
        .then((r) => planSchema.parse(r.data.document))
        .catch(() => null)
      const merge = base ? mergePlans(base, mine, planSchema.parse(info.document)) : null
      setConflict({ ...info, base, merge })
      dispatch({ type: 'conflict' })
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
      dispatch({ type: 'invalid' })
      persistDraft()
      return
    }
    const json = JSON.stringify(result.data)
    if (json === savedJson.current && version.current === baseVersion.current) {
      dispatch({ type: 'unchanged' })
      localStorage.removeItem(draftKey(id))
      return
    }
    inFlight.current = true
    dispatch({ type: 'sending' })
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
      const editedSince = now !== null && canonical(now) !== json
      dispatch({ type: 'sent', editedSince })
      if (editedSince) {
        clearTimeout(timer.current)
        timer.current = setTimeout(() => void doSaveRef.current(), 300)
      } else localStorage.removeItem(draftKey(id))
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
        dispatch({ type: 'failed', status: isApiError(e) ? e.problem.status : null, detail: problemText(toProblemOf(e)) })
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
    dispatch({ type: 'edited' })
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

  const resolve = async (how: 'merge' | 'mine' | 'theirs') => {
    if (!conflict) return
    const { data: fresh } = await apiClient.requestWithEtag<PlanDetail>(`/api/plans/${id}`)
    if (how === 'theirs') {
      adopt(fresh)
      localStorage.removeItem(draftKey(id))
    } else {
      const mine = how === 'merge' && conflict.merge ? conflict.merge.merged : docRef.current!
      adopt(fresh, true)
      setDoc(mine)
    }
    dispatch({ type: 'resolved', how })
    setConflict(null)
  }

  return {
    server,
    doc,
    save,
    conflict,
    notice,
    loadError,
    version,
    update,
    resolve,
    adopt: (plan) => adopt(plan),
    replaced: (plan) => {
      adopt(plan)
      dispatch({ type: 'replaced' })
    },
  }
}
