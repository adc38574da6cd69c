import type { ReactNode } from 'react'
import type { Translator } from '../i18n.js'
import { msg } from '../text.js'

/** A visible button that leaves the page at once; the hint names the Shift × 3 shortcut. */
export function QuickExit(props: { t: Translator; onExit: () => void }): ReactNode {
  return (
    <div>
      <button type="button" className="exit" onClick={() => props.onExit()}>
        {msg(props.t, 'quickExit')}
      </button>
      <small>{msg(props.t, 'quickExitHint')}</small>
    </div>
  )
}
