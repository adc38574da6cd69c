import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { stockholmDay } from '@vbe/core/calendar'
import { api, ApiError, setApiLanguage, setCsrf, type PlanSummary, type User } from './api'
import { LangContext, formatDateTime, translator, useT, type Lang } from './i18n'
import { Editor } from './Editor'
import { Overview } from './Overview'

type Route = { page: 'list' } | { page: 'plan'; id: string } | { page: 'overview' }

function parseRoute(hash: string): Route {
  const m = /^#\/plan\/([0-9a-f-]{36})/.exec(hash)
  if (m) return { page: 'plan', id: m[1]! }
  if (hash.startsWith('#/overview')) return { page: 'overview' }
  return { page: 'list' }
}

export function App() {
  // The API answers in the UI's language from the first request on (Accept-Language).
  const [lang, setLangState] = useState<Lang>(() => {
    const initial: Lang = localStorage.getItem('pe-lang') === 'en' ? 'en' : 'sv'
    setApiLanguage(initial)
    return initial
  })
  const setLang = useCallback((l: Lang) => {
    setApiLanguage(l)
    setLangState(l)
  }, [])
  const t = useMemo(() => translator(lang), [lang])
  const [user, setUser] = useState<User | null | undefined>(undefined)
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash))

  useEffect(() => {
    document.documentElement.lang = lang
    localStorage.setItem('pe-lang', lang)
  }, [lang])
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash))
    addEventListener('hashchange', on)
    return () => removeEventListener('hashchange', on)
  }, [])
  useEffect(() => {
    api<{ user: User; csrfToken: string }>('GET', '/api/session')
      .then(({ data }) => {
        setCsrf(data.csrfToken)
        setUser(data.user)
      })
      .catch(() => setUser(null))
  }, [])

  const logout = async () => {
    await api('DELETE', '/api/session').catch(() => undefined)
    setUser(null)
    location.hash = '#/'
  }
  const cityWide = user?.roles.some((r) => r === 'admin' || r === 'auditor') ?? false

  return (
    <LangContext.Provider value={{ lang, t }}>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        <p className="brand">{t('appName')}</p>
        {user && (
          <nav aria-label={lang === 'sv' ? 'Huvudmeny' : 'Main menu'}>
            <ul>
              <li>
                <a href="#/" aria-current={route.page === 'list' ? 'page' : undefined}>
                  {t('plans')}
                </a>
              </li>
              {cityWide && (
                <li>
                  <a href="#/overview" aria-current={route.page === 'overview' ? 'page' : undefined}>
                    {t('overview')}
                  </a>
                </li>
              )}
            </ul>
          </nav>
        )}
        <div className="tools">
          <label htmlFor="lang" className="inline-label">
            {t('language')}
          </label>
          <select id="lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              <option value="sv" lang="sv">
                Svenska
              </option>
              <option value="en" lang="en">
                English
              </option>
          </select>
          {user && (
            <>
              <span className="who">
                {t('loggedInAs')} <strong>{user.username}</strong>
              </span>
              <button type="button" onClick={logout}>
                {t('logout')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {user === undefined ? (
          <p>{t('loading')}</p>
        ) : user === null ? (
          <Login onLogin={setUser} />
        ) : route.page === 'plan' ? (
          <Editor key={route.id} id={route.id} user={user} />
        ) : route.page === 'overview' && cityWide ? (
          <Overview />
        ) : (
          <PlanList user={user} />
        )}
      </main>
    </LangContext.Provider>
  )
}

export function useTitle(title: string) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${title} – VBE`
  }, [title])
  return ref
}

function Login({ onLogin }: { onLogin: (u: User) => void }) {
  const { t } = useT()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  useTitle(t('login'))
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      const { data } = await api<{ user: User; csrfToken: string }>('POST', '/api/session', { body: { username, password } })
      setCsrf(data.csrfToken)
      onLogin(data.user)
    } catch (err) {
      setError(err instanceof ApiError ? err.problem.detail + (err.problem.errors ? ` (${err.problem.errors.map((x) => `${x.path}: ${x.message}`).join('; ')})` : '') : String(err))
    }
  }
  return (
    <section className="narrow">
      <h1>{t('login')}</h1>
      <form onSubmit={submit} noValidate>
        <p>
          <label htmlFor="username">{t('username')}</label>
          <input id="username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </p>
        <p>
          <label htmlFor="password">{t('password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {t('login')}
        </button>
      </form>
    </section>
  )
}

/** A wide table's own sideways-scrolling region (WCAG 1.4.10), named and reachable by keyboard. */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}

/** A plan's coverage of each template, by the template's name. */
export function CoverageSummary({ coverage }: { coverage: PlanSummary['coverage'] }) {
  const { lang } = useT()
  return (
    <ul className="plain">
      {coverage.map((c) => (
        <li key={c.templateId}>
          {c.title[lang]}: {c.percent} %
        </li>
      ))}
    </ul>
  )
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useT()
  return <span className={`badge status-${status}`}>{t(`status.${status}` as 'status.draft')}</span>
}

function PlanList({ user }: { user: User }) {
  const { t } = useT()
  const [plans, setPlans] = useState<PlanSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [from, setFrom] = useState<'template' | 'revision'>('template')
  const [year, setYear] = useState(stockholmDay(new Date()).slice(0, 4))
  const [source, setSource] = useState('')
  const [createError, setCreateError] = useState<string | null>(null)
  useTitle(t('plans'))
  const load = useCallback(() => {
    api<{ items: PlanSummary[] }>('GET', '/api/plans')
      .then(({ data }) => {
        setPlans(data.items)
        setSource((s) => s || data.items[0]?.id || '')
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.problem.detail : String(e)))
  }, [])
  useEffect(load, [load])
  const canCreate = user.roles.includes('officer') && user.district !== null
  const create = async (e: React.FormEvent) => {
    e.preventDefault()
    setCreateError(null)
    try {
      const body = from === 'template' ? { from, year: Number(year) } : { from, sourcePlanId: source, ...(year ? { year: Number(year) } : {}) }
      const { data } = await api<{ id: string }>('POST', '/api/plans', { body })
      location.hash = `#/plan/${data.id}`
    } catch (err) {
      setCreateError(err instanceof ApiError ? `${err.problem.detail}${err.problem.errors ? ' ' + err.problem.errors.map((x) => `${x.path}: ${x.message}`).join('; ') : ''}` : String(err))
    }
  }
  return (
    <section>
      <h1>{t('plans')}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {plans === null ? (
        <p>{t('loading')}</p>
      ) : plans.length === 0 ? (
        <p>{t('noPlans')}</p>
      ) : (
        <ScrollRegion label={t('plans')}>
          <table className="list">
            <caption className="visually-hidden">{t('plans')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('district')}</th>
                <th scope="col">{t('year')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('coverage')}</th>
                <th scope="col">{t('findings')}</th>
                <th scope="col">{t('updated')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a href={`#/plan/${p.id}`}>
                      {p.districtName} {p.year}
                    </a>
                  </th>
                  <td>{p.year}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="covsum">
                    <CoverageSummary coverage={p.coverage} />
                  </td>
                  <td>
                    {t('severity.error')}: {p.findings.error} · {t('severity.warning')}: {p.findings.warning}
                  </td>
                  <td>
                    {formatDateTime(p.updatedAt)} ({p.updatedBy})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {canCreate && (
        <form onSubmit={create} className="card" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('createPlan')}</h2>
          <fieldset>
            <legend>{t('startFrom')}</legend>
            <label className="inline">
              <input type="radio" name="from" value="template" checked={from === 'template'} onChange={() => setFrom('template')} /> {t('fromTemplate')}
            </label>
            <label className="inline">
              <input type="radio" name="from" value="revision" checked={from === 'revision'} onChange={() => setFrom('revision')} disabled={!plans?.length} /> {t('fromRevision')}
            </label>
          </fieldset>
          {from === 'revision' && (
            <p>
              <label htmlFor="source">{t('fromRevision')}</label>
              <select id="source" value={source} onChange={(e) => setSource(e.target.value)}>
                {plans?.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.districtName} {p.year}
                  </option>
                ))}
              </select>
            </p>
          )}
          <p>
            <label htmlFor="new-year">{t('year')}</label>
            <input id="new-year" type="number" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
          </p>
          {createError && (
            <p role="alert" className="error">
              {createError}
            </p>
          )}
          <button type="submit" className="primary">
            {t('create')}
          </button>
        </form>
      )}
    </section>
  )
}
