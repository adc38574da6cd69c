import { StatusBadge, type Tone } from '@vbe/web-kit'
import type { PlanStatus } from '@vbe/core/plans'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import type { PlanSummary } from '../types'

const TONE: Record<PlanStatus, Tone> = { draft: 'neutral', submitted: 'info', returned: 'bad', revised: 'warn', adopted: 'ok' }

/** A plan's status as a kit status badge: the text says it, the tone repeats it. */
export function PlanStatusBadge({ status }: { status: PlanStatus }): ReactNode {
  const { e } = useI18n()
  return <StatusBadge tone={TONE[status] ?? 'neutral'}>{e('status', status, '.')}</StatusBadge>
}

/** A plan's coverage of each template, by the template's name. */
export function CoverageSummary({ coverage }: { coverage: PlanSummary['coverage'] }): ReactNode {
  const { lang } = useI18n()
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
