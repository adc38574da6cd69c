import type { FieldChange, PlanDiff } from '@vbe/core/plans'
import { Table } from '@vbe/web-kit'
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n'

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v))

/** One line of the redline: the field, what it was and what it is. */
interface Line {
  readonly key: string
  readonly path: string
  readonly before: ReactNode
  readonly after: ReactNode
}

const changed = (key: string, path: string, c: FieldChange): Line => ({
  key,
  path,
  before: <del>{show(c.before)}</del>,
  after: <ins>{show(c.after)}</ins>,
})

/** A redline as a table: field, before, after. */
export function DiffView({ diff, caption }: { diff: PlanDiff; caption: string }) {
  const { t } = useI18n()
  if (diff.identical) return <p>{t('identical')}</p>
  const added = (key: string, path: string, title: string): Line => ({
    key,
    path,
    before: '—',
    after: (
      <ins>
        {t('added')}: {title}
      </ins>
    ),
  })
  const removed = (key: string, path: string, title: string): Line => ({
    key,
    path,
    before: (
      <del>
        {t('removed')}: {title}
      </del>
    ),
    after: '—',
  })
  const lines: Line[] = [
    ...diff.plan.map((c) => changed(c.path, c.path, c)),
    ...diff.activities.added.map((a) => added(`add-${a.id}`, `activities[${a.id}]`, a.title)),
    ...diff.activities.removed.map((a) => removed(`rm-${a.id}`, `activities[${a.id}]`, a.title)),
    ...diff.activities.changed.flatMap((a) => [
      ...a.fields.map((c) => changed(`${a.id}-${c.path}`, `activities[${a.id}].${c.path}`, c)),
      ...a.indicators.added.map((i) => added(`${a.id}-add-${i.id}`, `activities[${a.id}].indicators[${i.id}]`, i.name)),
      ...a.indicators.removed.map((i) => removed(`${a.id}-rm-${i.id}`, `activities[${a.id}].indicators[${i.id}]`, i.name)),
      ...a.indicators.changed.flatMap((i) =>
        i.fields.map((c) => changed(`${a.id}-${i.id}-${c.path}`, `activities[${a.id}].indicators[${i.id}].${c.path}`, c)),
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
        { id: 'field', header: t('field'), rowHeader: true, cell: (l) => <code>{l.path}</code> },
        { id: 'before', header: t('before'), cell: (l) => l.before },
        { id: 'after', header: t('after'), cell: (l) => l.after },
      ]}
    />
  )
}
