import type { ReactNode } from 'react'

export type Tone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral'

/**
 * A status as text in a tinted badge. The colour only repeats what the text says (WCAG
 * 1.4.1), and every tone has a border and a contrast of at least 4.5:1.
 */
export function StatusBadge(props: { tone: Tone; children: string }): ReactNode {
  return <span className={`badge badge--${props.tone}`}>{props.children}</span>
}
