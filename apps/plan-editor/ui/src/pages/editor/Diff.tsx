import type { FieldChange, PlanDiff } from '@vbe/core/plans'
import { useI18n } from '../../i18n'

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v))

function Row({ path, c }: { path: string; c: FieldChange }) {
  return (
    <tr>
      <th scope="row">
        <code>{path}</code>
      </th>
      <td>
        <del>{show(c.before)}</del>
      </td>
      <td>
        <ins>{show(c.after)}</ins>
      </td>
    </tr>
  )
}

/** A redline as a table: field, before, after. */
export function DiffView({ diff, caption }: { diff: PlanDiff; caption: string }) {
  const { t } = useI18n()
  if (diff.identical) return <p>{t('identical')}</p>
  return (
    <table className="table diff">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field')}</th>
          <th scope="col">{t('before')}</th>
          <th scope="col">{t('after')}</th>
        </tr>
      </thead>
      <tbody>
        {diff.plan.map((c) => (
          <Row key={c.path} path={c.path} c={c} />
        ))}
        {diff.activities.added.map((a) => (
          <tr key={`add-${a.id}`}>
            <th scope="row">
              <code>activities[{a.id}]</code>
            </th>
            <td>—</td>
            <td>
              <ins>
                {t('added')}: {a.title}
              </ins>
            </td>
          </tr>
        ))}
        {diff.activities.removed.map((a) => (
          <tr key={`rm-${a.id}`}>
            <th scope="row">
              <code>activities[{a.id}]</code>
            </th>
            <td>
              <del>
                {t('removed')}: {a.title}
              </del>
            </td>
            <td>—</td>
          </tr>
        ))}
        {diff.activities.changed.flatMap((a) => [
          ...a.fields.map((c) => <Row key={`${a.id}-${c.path}`} path={`activities[${a.id}].${c.path}`} c={c} />),
          ...a.indicators.added.map((i) => (
            <tr key={`${a.id}-add-${i.id}`}>
              <th scope="row">
                <code>
                  activities[{a.id}].indicators[{i.id}]
                </code>
              </th>
              <td>—</td>
              <td>
                <ins>
                  {t('added')}: {i.name}
                </ins>
              </td>
            </tr>
          )),
          ...a.indicators.removed.map((i) => (
            <tr key={`${a.id}-rm-${i.id}`}>
              <th scope="row">
                <code>
                  activities[{a.id}].indicators[{i.id}]
                </code>
              </th>
              <td>
                <del>
                  {t('removed')}: {i.name}
                </del>
              </td>
              <td>—</td>
            </tr>
          )),
          ...a.indicators.changed.flatMap((i) =>
            i.fields.map((c) => <Row key={`${a.id}-${i.id}-${c.path}`} path={`activities[${a.id}].indicators[${i.id}].${c.path}`} c={c} />),
          ),
        ])}
      </tbody>
    </table>
  )
}
