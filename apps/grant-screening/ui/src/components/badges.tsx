import { StatusBadge, type Tone } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import type { FindingStatus, Outcome, Status } from '../types'

const STATUS_TONE: Record<Status, Tone> = {
  new: 'info',
  in_review: 'neutral',
  awaiting_reply: 'warn',
  awaiting_approval: 'warn',
  awaiting_revision_approval: 'warn',
  decided: 'ok',
}
const OUTCOME_TONE: Record<Outcome, Tone> = { eligible: 'ok', ineligible: 'bad', requires_assessment: 'warn' }
const FINDING_TONE: Record<FindingStatus, Tone> = { met: 'ok', not_met: 'bad', needs_assessment: 'warn', not_applicable: 'neutral' }

/** A case status, screening outcome or finding as a kit status badge: the text says it, the tone repeats it. */
export function Badge(
  props: { kind: 'status'; value: Status } | { kind: 'outcome'; value: Outcome } | { kind: 'finding'; value: FindingStatus },
): ReactNode {
  const { e } = useI18n()
  const tone =
    props.kind === 'status' ? STATUS_TONE[props.value] : props.kind === 'outcome' ? OUTCOME_TONE[props.value] : FINDING_TONE[props.value]
  return <StatusBadge tone={tone ?? 'neutral'}>{e(props.kind, props.value)}</StatusBadge>
}

export const yesNo = (t: (k: 'yes' | 'no') => string, v: boolean | undefined): string => (v ? t('yes') : t('no'))
