import type { FieldChange, PlanDiff } from '@vbe/core/plans'
import { districtPlugin } from '@vbe/districts'
import { Table } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n'
import { activityChangeLabel, changeValue, planChangeLabel } from '../../../../shared/change-labels'

/** One line of the redline: the field, what it was and what it is. */
interface Line {
  readonly key: string
  /** The field in the form's words. */
  readonly label: string
  readonly before: ReactNode
  readonly after: ReactNode
}

/** A redline as a table: the field in the form's words, before, after. */
export function DiffView({ diff, caption, district }: { diff: PlanDiff; caption: string; district: string }) {
  const { t, lang } = useI18n()
  if (diff.identical) return <p>{t('identical')}</p>
  const sectionTitle = (id: string) => districtPlugin(district)?.planSections.find((s) => s.id === id)?.title[lang]
  const changed = (key: string, label: string, c: FieldChange): Line => ({
    key,
    label,
    before: <del>{changeValue(c, 'before', t, { lang, sectionTitle })}</del>,
    after: <ins>{changeValue(c, 'after', t, { lang, sectionTitle })}</ins>,
  })
  const added = (key: string, label: string, title: string): Line => ({
    key,
    label,
    before: '—',
    after: (
      <ins>
        {t('added')}: {title}
      </ins>
    ),
  })
  const removed = (key: string, label: string, title: string): Line => ({
    key,
    label,
    before: (
      <del>
        {t('removed')}: {title}
      </del>
    ),
    after: '—',
  })
  const lines: Line[] = [
    ...diff.plan.map((c) => changed(c.path, planChangeLabel(c.path, t, sectionTitle), c)),
    ...diff.activities.added.map((a) => added(`add-${a.id}`, t('activity'), a.title)),
    ...diff.activities.removed.map((a) => removed(`rm-${a.id}`, t('activity'), a.title)),
    ...diff.activities.changed.flatMap((a) => [
      ...a.fields.map((c) => changed(`${a.id}-${c.path}`, activityChangeLabel(c.path, t, a.title), c)),
      ...a.indicators.added.map((i) => added(`${a.id}-add-${i.id}`, `${activityChangeLabel('', t, a.title)}: ${t('indicator')}`, i.name)),
      ...a.indicators.removed.map((i) =>
        removed(`${a.id}-rm-${i.id}`, `${activityChangeLabel('', t, a.title)}: ${t('indicator')}`, i.name),
      ),
      ...a.indicators.changed.flatMap((i) =>
        i.fields.map((c) => changed(`${a.id}-${i.id}-${c.path}`, activityChangeLabel(c.path, t, a.title, i.name), c)),
      ),
    ]),
  ]
  return (
    <Table
      caption={caption}
      className="diff"
      cards
      rows={lines}
      rowKey={(l) => l.key}
      columns={[
        { id: 'field', header: t('field'), rowHeader: true, cell: (l) => l.label },
        { id: 'before', header: t('before'), cell: (l) => l.before },
        { id: 'after', header: t('after'), cell: (l) => l.after },
      ]}
    />
  )
}
