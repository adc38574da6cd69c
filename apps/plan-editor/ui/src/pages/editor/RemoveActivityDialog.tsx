// Removing an activity cannot be undone: the confirmation names it and what goes with it.
import type { Activity } from '@vbe/core/plans'
import { ConfirmDialog } from '@vbe/web-kit'
import type { T } from '../../i18n'
import { countOf } from '../../messages/counts'

export function RemoveActivityDialog(props: {
  readonly activity: Activity
  readonly t: T
  readonly onConfirm: () => void
  readonly onCancel: () => void
}) {
  const { activity: a, t } = props
  return (
    <ConfirmDialog
      title={t('confirmRemoveActivityTitle', { activity: a.title })}
      confirmLabel={t('confirmRemoveActivity')}
      danger
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p data-testid="confirm-remove-what">{removalText(a, t)}</p>
    </ConfirmDialog>
  )
}

/** What removing the activity takes with it, in words: its indicators and their follow-up entries. */
function removalText(a: Activity, t: T): string {
  const indicators = a.indicators.length
  const followUps = a.indicators.reduce((n, i) => n + i.followUps.length, 0)
  return t('confirmRemoveActivityText', {
    indicators: countOf(t, 'indicator', indicators),
    followUps: countOf(t, 'followUp', followUps),
  })
}
