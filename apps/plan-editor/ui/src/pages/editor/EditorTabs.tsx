import { useI18n } from '../../i18n'

export type Tab = 'content' | 'followup' | 'versions'

/** The editor's tab list (WAI-ARIA tabs: arrow keys move between them); the panel is `panel-<tab>`, labelled by its tab. */
export function EditorTabs({ tab, onSelect }: { tab: Tab; onSelect: (tab: Tab) => void }) {
  const { t } = useI18n()
  const tabs: [Tab, string][] = [
    ['content', t('tabContent')],
    ['followup', t('tabFollowUp')],
    ['versions', t('tabVersions')],
  ]
  return (
    <div role="tablist" aria-label={t('tabContent')} className="tabs">
      {tabs.map(([k, label]) => (
        <button
          key={k}
          type="button"
          role="tab"
          className="tab"
          id={`tab-${k}`}
          aria-selected={tab === k}
          aria-controls={`panel-${k}`}
          tabIndex={tab === k ? 0 : -1}
          onClick={() => onSelect(k)}
          onKeyDown={(e) => {
            const i = tabs.findIndex(([x]) => x === k)
            const next =
              e.key === 'ArrowRight'
                ? tabs[(i + 1) % tabs.length]
                : e.key === 'ArrowLeft'
                  ? tabs[(i + tabs.length - 1) % tabs.length]
                  : undefined
            if (next) {
              onSelect(next[0])
              document.getElementById(`tab-${next[0]}`)?.focus()
            }
          }}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
