import {
  api,
  ApiError,
  ErrorSummary,
  Field,
  isApiError,
  PageHeading,
  Submit,
  Table,
  useAnnounce,
  useForm,
  type Problem,
} from '@vbe/web-kit'
import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { csvColumnOf, fieldWords, type Translate } from '../../field-words'
import { useI18n } from '../../i18n'
import { caseHref } from '../../router'
import type { ImportResult } from '../../types'
import { ColumnGuide, ColumnName } from './ColumnGuide'
import './import.css'

/**
 * A row error's field in the officer's words, and under it, labelled, the column of their own
 * file it came from (its header, as they wrote it): never our schema's path on its own.
 */
function ErrorField(props: { readonly path: string }): ReactNode {
  const { t } = useI18n()
  const column = csvColumnOf(props.path)
  return (
    <>
      {fieldWords(props.path, t) ?? t('fieldUnknown')}
      {column && (
        <span className="muted small block">
          {t('importFileColumn')} <ColumnName name={column} />
        </span>
      )}
    </>
  )
}

/**
 * A refused file's problem in words: a header error names the file's own column ("Kolumnen
 * ”religion” i rubrikraden: …"); other paths (the body, the content type) are no one's to read.
 */
function inWords(problem: Problem, t: Translate): Problem {
  const errors = (problem.errors ?? []).map((e) => {
    const header = /^header: (.*)$/s.exec(e.path)
    return { path: '', message: header ? `${t('importHeaderColumn', { column: header[1]! })}: ${e.message}` : e.message }
  })
  return { ...problem, errors }
}

/** CSV import: a file or pasted text, sent as text/csv; the imported rows and every row error with its row and field. */
export function ImportPage(): ReactNode {
  const { t } = useI18n()
  const announce = useAnnounce()
  const form = useForm('import')
  const fileRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [result, setResult] = useState<ImportResult | null>(null)

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    const file = fileRef.current?.files?.[0]
    // The last report goes: rows listed under a new attempt's error would read as its result.
    setResult(null)
    const r = await form.submit(async () => {
      const csv = file ? await file.text() : text
      if (!csv.trim()) throw new Error(t('importNothing'))
      try {
        return await api<ImportResult>('/api/cases/import', { text: csv, contentType: 'text/csv' })
      } catch (err) {
        throw isApiError(err) ? new ApiError(inWords(err.problem, t), err.retryAfter) : err
      }
    })
    if (r) {
      setResult(r)
      announce(t('importResult', { imported: r.imported.length, errors: r.errors.length }))
    }
  }

  return (
    <>
      <PageHeading>{t('importTitle')}</PageHeading>
      <p className="lead">{t('importIntro')}</p>
      <ColumnGuide />
      <form className="card" onSubmit={(ev) => void onSubmit(ev)} noValidate>
        <ErrorSummary form={form} fields={['file', 'csv']} title={t('importFailed')} />
        <Field form={form} name="file" label={t('csvFile')} optional>
          {(p) => <input {...p} ref={fileRef} type="file" accept=".csv,text/csv" />}
        </Field>
        <Field form={form} name="csv" label={t('csvText')} hint={t('csvHint')} optional>
          {(p) => (
            <textarea {...p} className="mono" rows={8} spellCheck={false} value={text} onChange={(ev) => setText(ev.currentTarget.value)} />
          )}
        </Field>
        <Submit form={form} label={t('importButton')} busyLabel={t('importing')} />
      </form>

      {result && (
        <section aria-labelledby="import-result-title" className="import-result">
          <h2 id="import-result-title">{t('importResult', { imported: result.imported.length, errors: result.errors.length })}</h2>
          {result.imported.length > 0 && (
            <Table
              caption={t('importedCaption')}
              rows={result.imported}
              rowKey={(r) => `${r.row}-${r.id}`}
              columns={[
                { id: 'row', header: t('colRow'), rowHeader: true, cell: (r) => r.row },
                {
                  id: 'case',
                  header: t('colCase'),
                  cell: (r) => (
                    <a href={caseHref(r.id)} data-case-id={r.id}>
                      {t('openImportedCase', { row: r.row })}
                    </a>
                  ),
                },
              ]}
            />
          )}
          {result.errors.length > 0 && (
            <Table
              caption={t('importErrorsCaption')}
              className="table--errors"
              cards
              rows={result.errors}
              rowKey={(_, i) => String(i)}
              columns={[
                { id: 'row', header: t('colRow'), rowHeader: true, cell: (r) => r.row },
                { id: 'field', header: t('colField'), cell: (r) => <ErrorField path={r.path} /> },
                { id: 'problem', header: t('colProblem'), cell: (r) => r.message },
              ]}
            />
          )}
        </section>
      )}
    </>
  )
}
