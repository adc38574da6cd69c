import { districtPlugin } from '@vbe/districts'
import { formatDateTime } from '@vbe/web-kit'
import { useI18n } from '../../i18n'
import { documentPathLabel } from '../../../../shared/change-labels'
import { DiffView } from './Diff'
import type { Conflict } from './usePlanSave'

/** Someone else saved first: both changes side by side, and the three ways on (merge, keep mine, use theirs). */
export function ConflictPanel(props: { conflict: Conflict; district: string; resolve: (how: 'merge' | 'mine' | 'theirs') => void }) {
  const { conflict, district, resolve } = props
  const { t, lang } = useI18n()
  const sectionTitle = (id: string) => districtPlugin(district)?.planSections.find((s) => s.id === id)?.title[lang]
  const merge = conflict.merge
  const both = merge ? merge.conflicts.map((path) => documentPathLabel(path, merge.merged, t, sectionTitle)) : []
  return (
    <section className="conflict" aria-labelledby="conflict-h" data-testid="conflict">
      <h2 id="conflict-h">{t('conflictTitle')}</h2>
      <p>
        {t('conflictText', { v: conflict.version, by: conflict.updatedBy ?? t('systemActor'), at: formatDateTime(conflict.updatedAt) })}
      </p>
      <div className="two">
        <div>
          {conflict.theirs ? (
            <DiffView diff={conflict.theirs} caption={t('theirChange')} district={district} />
          ) : (
            <p>{t('theirChange')}: —</p>
          )}
        </div>
        <div>
          {conflict.mine ? <DiffView diff={conflict.mine} caption={t('yourChange')} district={district} /> : <p>{t('yourChange')}: —</p>}
        </div>
      </div>
      {both.length > 0 && <p>{t('mergeBlocked', { paths: both.join('; ') })}</p>}
      <p className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={!conflict.merge || conflict.merge.conflicts.length > 0}
          onClick={() => resolve('merge')}
        >
          {t('merge')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => resolve('mine')}>
          {t('keepMine')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => resolve('theirs')}>
          {t('useTheirs')}
        </button>
      </p>
    </section>
  )
}
