import { useId, useMemo, useState, type ReactNode } from 'react'
import { useKitI18n } from './i18n.js'
import { useAnnounce } from './live.js'

/**
 * A wide table's own sideways-scrolling region (WCAG 1.4.10): named (by `label` or the
 * element `labelledBy` points at) and reachable by keyboard, so it can be scrolled
 * without a mouse.
 */
export function ScrollRegion(props: { label?: string; labelledBy?: string; children: ReactNode; className?: string }): ReactNode {
  return (
    <div
      className={`table-wrap${props.className ? ` ${props.className}` : ''}`}
      role="region"
      tabIndex={0}
      {...(props.labelledBy ? { 'aria-labelledby': props.labelledBy } : { 'aria-label': props.label })}
    >
      {props.children}
    </div>
  )
}

export interface Column<Row> {
  readonly id: string
  readonly header: string
  readonly cell: (row: Row) => ReactNode
  /** Makes the column sortable, by this value. */
  readonly sortValue?: (row: Row) => string | number
  /** Right-aligned figures. */
  readonly numeric?: boolean
  /** The cell names its row (`<th scope="row">`); one column should. */
  readonly rowHeader?: boolean
  /** A class for the column's cells (app-specific widths). */
  readonly className?: string
}

export type SortDirection = 'ascending' | 'descending'

/**
 * A table in a scroll region, named by its caption. Sortable columns have a button in
 * their header, and the sorted one says so with aria-sort; the new order is announced.
 */
export function SortableTable<Row>(props: {
  caption: string
  /** Show the caption only to assistive technology (when a heading above says the same). */
  captionHidden?: boolean
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
  empty?: string
  initialSort?: { column: string; direction: SortDirection }
  className?: string
  rowProps?: (row: Row) => Readonly<Record<string, string>>
}): ReactNode {
  const { t, lang } = useKitI18n()
  const announce = useAnnounce()
  const captionId = useId()
  const [sort, setSort] = useState<{ column: string; direction: SortDirection } | null>(props.initialSort ?? null)
  const rows = useMemo(() => {
    const column = props.columns.find((c) => c.id === sort?.column)
    if (!sort || !column?.sortValue) return props.rows
    const value = column.sortValue
    const collator = new Intl.Collator(lang === 'sv' ? 'sv-SE' : 'en-GB', { numeric: true })
    const sign = sort.direction === 'ascending' ? 1 : -1
    return [...props.rows].sort((a, b) => {
      const x = value(a)
      const y = value(b)
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)))
    })
  }, [props.rows, props.columns, sort, lang])
  const toggle = (column: Column<Row>) => {
    const direction: SortDirection = sort?.column === column.id && sort.direction === 'ascending' ? 'descending' : 'ascending'
    setSort({ column: column.id, direction })
    announce(t(direction === 'ascending' ? 'sortedAscending' : 'sortedDescending', { column: column.header }))
  }
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className={`table${props.className ? ` ${props.className}` : ''}`}>
        <caption id={captionId} className={props.captionHidden ? 'visually-hidden' : undefined}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                className={c.numeric ? 'num' : undefined}
                {...(c.sortValue ? { 'aria-sort': sort?.column === c.id ? sort.direction : 'none' } : {})}
              >
                {c.sortValue ? (
                  <button type="button" className="sort-button" onClick={() => toggle(c)}>
                    {c.header}
                    <span className="sort-button__icon" aria-hidden="true">
                      {sort?.column === c.id ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  c.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length}>{props.empty ?? '–'}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={props.rowKey(row)} {...(props.rowProps?.(row) ?? {})}>
                {props.columns.map((c) => {
                  const className = [c.numeric ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined
                  return c.rowHeader ? (
                    <th key={c.id} scope="row" className={className}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.id} className={className}>
                      {c.cell(row)}
                    </td>
                  )
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollRegion>
  )
}
