import type { ReactNode } from 'react'
import type { Translator } from '../i18n.js'
import { msg } from '../text.js'

/**
 * A visible button that leaves the page at once. On narrow screens it stays fixed at the
 * bottom of the screen while the page scrolls; on wider ones it sticks to the top of the
 * panel. The hint about the Shift × 3 shortcut shows only where a keyboard is likely
 * (a fine pointer that can hover), through the stylesheet.
 */
export function QuickExit(props: { t: Translator; onExit: () => void }): ReactNode {
  return (
    <div className="quick">
      <button type="button" className="exit" onClick={() => props.onExit()}>
        {msg(props.t, 'quickExit')}
      </button>
      <small className="kbd">{msg(props.t, 'quickExitHint')}</small>
    </div>
  )
}
