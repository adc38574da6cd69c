// Where an activity runs: an existing structure (named) or a new one (and why). The planner chooses; nothing is chosen for them.
import type { Activity } from '@vbe/core/plans'
import type { T } from '../../i18n'
import { Text } from './fields'

/**
 * The activity's structure as two radio buttons and the text the choice asks for. A new activity starts
 * with neither chosen: it may be saved as a draft, and `error` (the analysis's finding, in words) is shown
 * here at the field, read with both radio buttons, until the planner chooses.
 */
export function StructureField({
  activity: a,
  change,
  readOnly,
  t,
  error,
}: {
  activity: Activity
  change: (f: (a: Activity) => Activity) => void
  readOnly: boolean
  t: T
  error: string | undefined
}) {
  const p = `act-${a.id}`
  const s = a.existingStructure
  const errorId = `${p}-structure-error`
  const invalid = error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {}
  return (
    <fieldset className={error ? 'field--error' : undefined}>
      <legend>{t('structure')}</legend>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <label className="inline">
        <input
          type="radio"
          id={`${p}-sk-existing`}
          name={`${p}-sk`}
          checked={s?.kind === 'existing'}
          disabled={readOnly}
          onChange={() => change((x) => ({ ...x, existingStructure: { kind: 'existing', name: '' } }))}
          {...invalid}
        />{' '}
        {t('existing')}
      </label>
      <label className="inline">
        <input
          type="radio"
          name={`${p}-sk`}
          checked={s?.kind === 'new'}
          disabled={readOnly}
          onChange={() => change((x) => ({ ...x, existingStructure: { kind: 'new', reason: '' } }))}
          {...invalid}
        />{' '}
        {t('newStructure')}
      </label>
      {s?.kind === 'existing' && (
        <Text
          id={`${p}-sname`}
          label={t('structureName')}
          value={s.name}
          readOnly={readOnly}
          onChange={(v) => change((x) => ({ ...x, existingStructure: { kind: 'existing', name: v } }))}
        />
      )}
      {s?.kind === 'new' && (
        <Text
          id={`${p}-sreason`}
          label={t('structureReason')}
          value={s.reason}
          readOnly={readOnly}
          onChange={(v) => change((x) => ({ ...x, existingStructure: { kind: 'new', reason: v } }))}
        />
      )}
    </fieldset>
  )
}
