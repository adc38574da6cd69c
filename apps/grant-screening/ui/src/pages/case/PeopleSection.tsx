import { api, hasRole, ErrorSummary, Field, Submit, useForm, useAnnounce, Table, WholeDates } from '@vbe/web-kit'
import { useState, type FormEvent, type ReactNode } from 'react'
import { useI18n } from '../../i18n'
import type { CaseDetail } from '../../types'
import type { CaseProps } from './CasePage'

export function NotesSection(props: CaseProps): ReactNode {
  const { t, dateTime } = useI18n()
  const announce = useAnnounce()
  const form = useForm('note', { onConflict: () => void props.reload() })
  const [text, setText] = useState('')
  const canAdd = hasRole(props.user, 'officer', 'approver')
  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    const detail = await form.submit(() => api<CaseDetail>(`/api/cases/${encodeURIComponent(props.detail.id)}/notes`, { json: { text } }))
    if (detail) {
      props.onChange(detail)
      setText('')
      announce(t('noteAdded'))
    }
  }
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes')}</h2>
      {props.detail.notes.length === 0 ? (
        <p className="muted">{t('noNotes')}</p>
      ) : (
        <ol className="notes">
          {props.detail.notes.map((n) => (
            <li key={n.id} className="note">
              <p className="note__text">{n.text}</p>
              <p className="small muted">
                <WholeDates>{t('noteBy', { author: n.author ?? t('unknownOfficer'), at: dateTime(n.at) })}</WholeDates>
              </p>
            </li>
          ))}
        </ol>
      )}
      {canAdd && (
        <form onSubmit={(ev) => void onSubmit(ev)} noValidate>
          <ErrorSummary form={form} fields={['text']} />
          <Field form={form} name="text" label={t('noteText')} required>
            {(p) => <textarea {...p} rows={3} value={text} onChange={(ev) => setText(ev.currentTarget.value)} />}
          </Field>
          <Submit form={form} label={t('addNote')} className="button button--secondary" />
        </form>
      )}
    </section>
  )
}

export function PersonsSection(props: CaseProps): ReactNode {
  const { t, e } = useI18n()
  const persons = props.detail.persons
  return (
    <section className="card" aria-labelledby="persons-title">
      <h2 id="persons-title">{t('persons')}</h2>
      {persons.length === 0 ? (
        <p className="muted">{t('noPersons')}</p>
      ) : (
        <Table
          caption={t('personsCaption')}
          captionHidden
          cards
          rows={persons}
          rowKey={(p) => p.id}
          columns={[
            { id: 'name', header: t('colName'), rowHeader: true, cell: (p) => (p.erased ? <em>{t('erased')}</em> : p.name) },
            { id: 'role', header: t('colPersonRole'), cell: (p) => e('person', p.role) },
            { id: 'email', header: t('colEmail'), cell: (p) => (p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : '–') },
            { id: 'phone', header: t('colPhone'), cell: (p) => p.phone ?? '–' },
          ]}
        />
      )}
    </section>
  )
}
