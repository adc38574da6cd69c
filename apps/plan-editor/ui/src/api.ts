import type { Plan, PlanDiff, PlanStatus } from '@vbe/core/plans'
import { translator, type Lang } from './i18n'

export interface User {
  id: string
  username: string
  displayName: string
  roles: ('officer' | 'approver' | 'admin' | 'auditor')[]
  district: string | null
}
export interface FieldProblem {
  path: string
  message: string
}
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  errors?: FieldProblem[]
  current?: unknown
}
export type Action = 'submit' | 'adopt' | 'return' | 'revise'
export interface PlanSummary {
  id: string
  district: string
  districtName: string
  year: number
  status: PlanStatus
  version: number
  revisionOf: string | null
  updatedAt: string
  updatedBy: string
  coverage: { templateId: string; title: { sv: string; en: string }; percent: number; covered: number; total: number }[]
  findings: { error: number; warning: number; info: number }
}
export interface HistoryEntry {
  version: number
  action: string
  status: string
  by: string
  at: string
  decisionReference?: string
  comment?: string
}
export interface PlanDetail extends PlanSummary {
  document: Plan
  history: HistoryEntry[]
  can: { edit: boolean; followUp: boolean; actions: Action[] }
}
export interface ConflictInfo {
  version: number
  status: PlanStatus
  updatedBy: string
  updatedAt: string
  document: Plan
  baseVersion: number
  theirs: PlanDiff | null
  mine: PlanDiff | null
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail)
  }
}

let csrf = ''
export const setCsrf = (token: string) => {
  csrf = token
}

/** The UI's language: every request sends it as Accept-Language, so problems come back in it. */
let language: Lang = 'sv'
export const setApiLanguage = (lang: Lang) => {
  language = lang
}

export async function api<T>(method: string, path: string, options: { body?: unknown; ifMatch?: number } = {}): Promise<{ data: T; etag: string | null }> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`
  let res: Response
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) })
  } catch {
    const t = translator(language)
    throw new ApiError({ type: 'network', title: t('errorTitle'), status: 0, detail: t('networkError') })
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({ type: 'about:blank', title: res.statusText, status: res.status, detail: res.statusText }))) as Problem
    throw new ApiError(problem)
  }
  const data = res.status === 204 ? (undefined as T) : ((await res.json()) as T)
  return { data, etag: res.headers.get('etag') }
}
