import { api, ApiError, PageHeading, ErrorSummary, Field, Submit, useForm, useAnnounce, navigate } from '@vbe/web-kit'
import { useState, type FormEvent, type ReactNode } from 'react'
import { useI18n } from '../../i18n'
import { caseHref } from '../../router'
import type { CaseDetail } from '../../types'

const EXAMPLE = `{
  "application": {
    "id": "",
    "programme": "rinkeby-kista/foreningsbidrag",
    "amountRequested": 50000,
    "association": {
      "name": "",
      "organisationNumber": "",
      "activitySince": "2019-03-01",
      "bankAccount": { "kind": "bankgiro", "number": "", "holderIsAssociation": true }
    },
    "statutes": { "adoptedOn": "2019-03-01", "adoptedAtAnnualMeeting": true },
    "board": { "electedOn": "2026-03-10", "electedAtAnnualMeeting": true, "auditorElected": true },
    "declaration": { "democraticPrinciples": true, "humanRights": true, "genderEquality": true, "signedOn": "2026-09-01" },
    "evidence": []
  },
  "persons": [{ "role": "contact", "name": "", "email": "" }]
}`

/** A new application pasted as JSON (`{ application, persons? }`), with the API's field errors listed by path. */
export function NewApplicationPage(): ReactNode {
  const { t } = useI18n()
  const announce = useAnnounce()
  const form = useForm('new')
  const [text, setText] = useState(EXAMPLE)

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    const detail = await form.submit(() => {
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch (e) {
        throw new ApiError({
          status: 400,
          detail: t('newInvalidJson', { message: e instanceof Error ? e.message : String(e) }),
          errors: [],
        })
      }
      return api<CaseDetail>('/api/cases', { json: body })
    })
    if (detail) {
      announce(t('newCreated'))
      navigate(caseHref(detail.id))
    }
  }

  return (
    <>
      <PageHeading>{t('newTitle')}</PageHeading>
      <p className="lead">{t('newIntro')}</p>
      <form className="card" onSubmit={(ev) => void onSubmit(ev)} noValidate>
        <ErrorSummary form={form} />
        <Field form={form} name="json" label={t('newJson')} required>
          {(p) => (
            <textarea
              {...p}
              className="mono"
              rows={24}
              spellCheck={false}
              value={text}
              onChange={(ev) => setText(ev.currentTarget.value)}
            />
          )}
        </Field>
        <Submit form={form} label={t('newSubmit')} />
      </form>
    </>
  )
}
