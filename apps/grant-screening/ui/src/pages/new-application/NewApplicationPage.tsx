import {
  api,
  ApiError,
  Checkbox,
  DateField,
  ErrorSummary,
  Field,
  isApiError,
  navigate,
  PageHeading,
  RadioGroup,
  Submit,
  useAnnounce,
  useForm,
} from '@vbe/web-kit'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { useI18n } from '../../i18n'
import { useProgrammes } from '../../lists'
import { caseHref } from '../../router'
import type { CaseDetail } from '../../types'
import { BANK_KINDS, emptyDraft, fieldsOf, inFormWords, P, requestOf, shareOf, type Draft } from './draft'
import { EvidenceRows, GrantRows, PersonRows } from './RepeatedRows'
import { TextField } from './TextField'
import './new-application.css'

/**
 * A new application entered field by field, sent as the exchange format to POST /api/cases.
 * The API checks it; its errors come back at each field and in the summary, told by the
 * field's label ("Organisationsnummer: …"), never by a JSON path.
 */
export function NewApplicationPage(): ReactNode {
  const { t, e, loc, lang } = useI18n()
  const announce = useAnnounce()
  const form = useForm('new')
  const programmes = useProgrammes()
  const [entered, setDraft] = useState<Draft>(emptyDraft)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  // With one programme in the user's scope there is nothing to choose.
  const only = programmes?.length === 1 ? programmes[0]?.id : undefined
  const draft = only && entered.programme === '' ? { ...entered, programme: only } : entered
  const fields = fieldsOf(draft, t)

  // The API's errors are worded in the language of the request: after a switch they go, and the next submit words them anew.
  const { setProblem } = form
  useEffect(() => setProblem(null), [lang, setProblem])

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault()
    // The one check made here: the share is typed in per cent, which the API (a fraction) cannot word.
    if (draft.membersShare.trim() !== '' && shareOf(draft.membersShare) === undefined) {
      const field = fields.find((f) => f.name === P.membersShare)
      form.setProblem({
        status: 400,
        detail: '', // the summary's first line already asks to fix what is marked
        errors: [{ path: P.membersShare, message: `${field?.label ?? ''}: ${t('newMembersShareRange')}` }],
      })
      return
    }
    const detail = await form.submit(async () => {
      try {
        return await api<CaseDetail>('/api/cases', { json: requestOf(draft) })
      } catch (err) {
        throw isApiError(err) ? new ApiError(inFormWords(err.problem, draft, fields, t('newHasErrors')), err.retryAfter) : err
      }
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
      <form className="new-application" onSubmit={(ev) => void onSubmit(ev)} noValidate>
        <ErrorSummary form={form} fields={fields.map((f) => f.name)} title={t('newErrorTitle')} />
        <p className="muted">{t('newRequiredNote')}</p>

        <fieldset className="card new-section">
          <legend>{t('newSectionApplication')}</legend>
          <Field form={form} name={P.programme} label={t('newProgramme')} required>
            {(p) => (
              <select {...p} value={draft.programme} onChange={(ev) => set({ programme: ev.currentTarget.value })}>
                <option value="" disabled>
                  {programmes === null ? t('newProgrammesLoading') : t('newProgrammeChoose')}
                </option>
                {(programmes ?? []).map((x) => (
                  <option key={x.id} value={x.id}>
                    {loc(x.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            form={form}
            name={P.id}
            label={t('newApplicationId')}
            hint={t('newApplicationIdHint')}
            size="medium"
            value={draft.id}
            onChange={(id) => set({ id })}
          />
          <TextField
            form={form}
            name={P.amountRequested}
            label={t('newAmount')}
            hint={t('newAmountHint')}
            inputMode="numeric"
            size="medium"
            value={draft.amountRequested}
            onChange={(amountRequested) => set({ amountRequested })}
          />
        </fieldset>

        <fieldset className="card new-section">
          <legend>{t('newSectionAssociation')}</legend>
          <TextField form={form} name={P.name} label={t('newAssociationName')} value={draft.name} onChange={(name) => set({ name })} />
          <div className="form-grid">
            <TextField
              form={form}
              name={P.organisationNumber}
              label={t('newOrganisationNumber')}
              hint={t('newOrganisationNumberHint')}
              value={draft.organisationNumber}
              onChange={(organisationNumber) => set({ organisationNumber })}
            />
            <DateField
              form={form}
              name={P.registeredOn}
              label={t('newRegisteredOn')}
              optional
              value={draft.registeredOn}
              onChange={(registeredOn) => set({ registeredOn })}
            />
            <DateField
              form={form}
              name={P.activitySince}
              required
              label={t('newActivitySince')}
              hint={t('newActivitySinceHint')}
              value={draft.activitySince}
              onChange={(activitySince) => set({ activitySince })}
            />
          </div>
          <RadioGroup
            form={form}
            name={P.bankKind}
            legend={t('newBankKind')}
            inline
            value={draft.bankKind}
            onChange={(bankKind) => set({ bankKind })}
            options={BANK_KINDS.map((k) => ({ value: k, label: e('bank', k) }))}
          />
          <TextField
            form={form}
            name={P.bankNumber}
            label={t('newBankNumber')}
            size="medium"
            value={draft.bankNumber}
            onChange={(bankNumber) => set({ bankNumber })}
          />
          <Checkbox
            form={form}
            name={P.holderIsAssociation}
            label={t('newBankHolder')}
            checked={draft.holderIsAssociation}
            onChange={(holderIsAssociation) => set({ holderIsAssociation })}
          />
        </fieldset>

        <fieldset className="card new-section">
          <legend>{t('newSectionStatutes')}</legend>
          <DateField
            form={form}
            name={P.statutesAdoptedOn}
            optional
            label={t('newStatutesAdoptedOn')}
            value={draft.statutesAdoptedOn}
            onChange={(statutesAdoptedOn) => set({ statutesAdoptedOn })}
          />
          <Checkbox
            form={form}
            name={P.statutesAtAnnualMeeting}
            label={t('newStatutesAtAnnualMeeting')}
            checked={draft.statutesAtAnnualMeeting}
            onChange={(statutesAtAnnualMeeting) => set({ statutesAtAnnualMeeting })}
          />
        </fieldset>

        <fieldset className="card new-section">
          <legend>{t('newSectionBoard')}</legend>
          <DateField
            form={form}
            name={P.boardElectedOn}
            required
            label={t('newBoardElectedOn')}
            value={draft.boardElectedOn}
            onChange={(boardElectedOn) => set({ boardElectedOn })}
          />
          <Checkbox
            form={form}
            name={P.boardAtAnnualMeeting}
            label={t('newBoardAtAnnualMeeting')}
            checked={draft.boardAtAnnualMeeting}
            onChange={(boardAtAnnualMeeting) => set({ boardAtAnnualMeeting })}
          />
          <Checkbox
            form={form}
            name={P.auditorElected}
            label={t('newAuditorElected')}
            checked={draft.auditorElected}
            onChange={(auditorElected) => set({ auditorElected })}
          />
        </fieldset>

        <fieldset className="card new-section">
          <legend>{t('newSectionMembers')}</legend>
          <p className="muted">{t('newMembersIntro')}</p>
          <div className="form-grid">
            <TextField
              form={form}
              name={P.membersTotal}
              label={t('newMembersTotal')}
              inputMode="numeric"
              size="medium"
              optional
              value={draft.membersTotal}
              onChange={(membersTotal) => set({ membersTotal })}
            />
            <TextField
              form={form}
              name={P.membersShare}
              label={t('newMembersShare')}
              hint={t('newMembersShareHint')}
              inputMode="decimal"
              size="short"
              optional
              value={draft.membersShare}
              onChange={(membersShare) => set({ membersShare })}
            />
          </div>
        </fieldset>

        <GrantRows form={form} rows={draft.grants} onChange={(grants) => set({ grants })} />

        <fieldset className="card new-section">
          <legend>{t('newSectionDeclaration')}</legend>
          <p className="muted">{t('newDeclarationIntro')}</p>
          <Checkbox
            form={form}
            name={P.democraticPrinciples}
            label={t('newDemocraticPrinciples')}
            checked={draft.democraticPrinciples}
            onChange={(democraticPrinciples) => set({ democraticPrinciples })}
          />
          <Checkbox
            form={form}
            name={P.humanRights}
            label={t('newHumanRights')}
            checked={draft.humanRights}
            onChange={(humanRights) => set({ humanRights })}
          />
          <Checkbox
            form={form}
            name={P.genderEquality}
            label={t('newGenderEquality')}
            checked={draft.genderEquality}
            onChange={(genderEquality) => set({ genderEquality })}
          />
          <DateField
            form={form}
            name={P.signedOn}
            label={t('newSignedOn')}
            optional
            value={draft.signedOn}
            onChange={(signedOn) => set({ signedOn })}
          />
        </fieldset>

        <EvidenceRows form={form} rows={draft.evidence} onChange={(evidence) => set({ evidence })} />

        <PersonRows form={form} rows={draft.persons} onChange={(persons) => set({ persons })} />

        <Submit form={form} label={t('newSubmit')} busyLabel={t('newSubmitting')} />
      </form>
    </>
  )
}
