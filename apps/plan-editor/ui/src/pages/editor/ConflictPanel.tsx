import { formatDateTime } from '@vbe/web-kit'
import { useI18n } from '../../i18n'
import { DiffView } from './Diff'
import type { Conflict } from './usePlanSave'

/** Someone else saved first: both changes side by side, and the three ways on (merge, keep mine, use theirs). */
export function ConflictPanel({ conflict, resolve }: { conflict: Conflict; resolve: (how: 'merge' | 'mine' | 'theirs') => void }) {
  const { t } = useI18n()
  return (
    <section className="conflict" aria-labelledby="conflict-h" data-testid="conflict">
      <h2 id="conflict-h">{t('conflictTitle')}</h2>
      <p>
        {t('conflictText', { v: conflict.version, by: conflict.updatedBy ?? t('systemActor'), at: formatDateTime(conflict.updatedAt) })}
      </p>
      <div className="two">
        <div>{conflict.theirs ? <DiffView diff={conflict.theirs} caption={t('theirChange')} /> : <p>{t('theirChange')}: —</p>}</div>
        <div>{conflict.mine ? <DiffView diff={conflict.mine} caption={t('yourChange')} /> : <p>{t('yourChange')}: —</p>}</div>
      </div>
      {conflict.merge && conflict.merge.conflicts.length > 0 && <p>{t('mergeBlocked', { paths: conflict.merge.conflicts.join(', ') })}</p>}
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
