import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import { useKitI18n } from './i18n.js'
import { useAnnounce } from './live.js'
import { withWholeDates } from './whole-dates.js'

/**
 * Whether the element scrolls sideways: what it holds is wider than it is. Measured again
 * whenever it or what it holds changes size (a ResizeObserver: a narrower window, zoom,
 * rows loaded); false before the page has run its scripts.
 */
function useOverflowsSideways(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false)
  useEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver === 'undefined') return
    // One pixel of slack: a fractional width is not a reason to scroll.
    const measure = () => setOverflows(el.scrollWidth - el.clientWidth > 1)
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    for (const child of Array.from(el.children)) observer.observe(child)
    measure()
    return () => observer.disconnect()
  }, [ref])
  return overflows
}

/**
 * A wide table's own sideways-scrolling region (WCAG 1.4.10): named (by `label` or the
 * element `labelledBy` points at) and reachable by keyboard, so it can be scrolled
 * without a mouse. When what it holds is wider than it is (and only then), a hint above it
 * says so and how to scroll, and the region is described by it, so a screen reader says it
 * on focus too; on a wide screen where everything fits, there is no hint.
 */
export function ScrollRegion(props: { label?: string; labelledBy?: string; children: ReactNode; className?: string }): ReactNode {
  const { t } = useKitI18n()
  const ref = useRef<HTMLDivElement>(null)
  const hintId = useId()
  const overflows = useOverflowsSideways(ref)
  return (
    <>
      {overflows && (
        <p className="scroll-hint" id={hintId}>
          <span className="scroll-hint__icon" aria-hidden="true">
            ↔
          </span>
          {t('scrollHint')}
        </p>
      )}
      <div
        ref={ref}
        className={`table-wrap${props.className ? ` ${props.className}` : ''}`}
        role="region"
        tabIndex={0}
        {...(props.labelledBy ? { 'aria-labelledby': props.labelledBy } : { 'aria-label': props.label })}
        {...(overflows ? { 'aria-describedby': hintId } : {})}
      >
        {props.children}
      </div>
    </>
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
  /** The cell names its row (`<th scope="row">`); one column should. On a card it is the card's title. */
  readonly rowHeader?: boolean
  /** A class for the column's cells (app-specific widths). */
  readonly className?: string
  /** The header only for assistive technology (when the cells' own text says it). */
  readonly headerHidden?: boolean
  /** A column of buttons whose own text says what they do: on a card they sit under the values, without a label. */
  readonly actions?: boolean
}

export type SortDirection = 'ascending' | 'descending'

/** A full-width row under a row (its details: a user's sign-ins); `id` for the button that shows it. */
export interface RowDetails {
  readonly id?: string
  readonly content: ReactNode
}

export interface TableProps<Row> {
  caption: ReactNode
  /** The caption's id, when something else points at it; one is made up otherwise. */
  captionId?: string
  /** Show the caption only to assistive technology (when a heading above says the same). */
  captionHidden?: boolean
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row, index: number) => string
  empty?: string
  initialSort?: { column: string; direction: SortDirection }
  /** Classes for the table (app-specific widths and colours). */
  className?: string
  /** Smaller type and padding (a table inside another's row). */
  compact?: boolean
  /** Attributes for a row's `<tr>` (`className`, `data-*`). */
  rowProps?: (row: Row) => Readonly<Record<string, string>>
  /** A full-width row under a row, or null. */
  details?: (row: Row) => RowDetails | null
  /**
   * Where the table's region is narrower than 45rem (a phone, a narrow column), each row is
   * a card: the row header its title, every other cell under its column's header as a
   * visible label, so nothing scrolls sideways. The markup stays a table (the header cells
   * are only visually hidden), so assistive technology still reads rows, columns and
   * headers; the visible labels are hidden from it, which has the headers already. For
   * tables whose rows are read one by one (people, sign-ins, rows with buttons), not for a
   * matrix read across its columns; sort buttons are not shown on cards.
   */
  cards?: boolean
}

/**
 * The staff UIs' one table: in a focusable scroll region named by its caption, a header
 * row, a row header per row. Sortable columns have a button in their header, the sorted
 * one says so with aria-sort, and the new order is announced. With `cards`, rows become
 * labelled cards in a narrow region (see `TableProps.cards`).
 */
export function Table<Row>(props: TableProps<Row>): ReactNode {
  const { t, lang } = useKitI18n()
  const announce = useAnnounce()
  const madeId = useId()
  const captionId = props.captionId ?? madeId
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
  const tableClass = ['table', props.compact ? 'table--compact' : '', props.cards ? 'table--cards' : '', props.className ?? '']
    .filter(Boolean)
    .join(' ')
  const cell = (c: Column<Row>, row: Row): ReactNode => {
    // A date in a cell's text stays on one line (whole-dates.tsx), in a card's narrow value column too.
    const content = withWholeDates(c.cell(row))
    const className = [c.numeric ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined
    if (c.rowHeader)
      return (
        <th key={c.id} scope="row" className={className}>
          {content}
        </th>
      )
    // On a card the column's header labels the value; assistive technology has the header cell.
    if (props.cards && !c.actions)
      return (
        <td key={c.id} className={className}>
          <span className="table__label" aria-hidden="true">
            {c.header}
          </span>
          <div className="table__value">{content}</div>
        </td>
      )
    return (
      <td key={c.id} className={className}>
        {content}
      </td>
    )
  }
  return (
    <ScrollRegion labelledBy={captionId} {...(props.cards ? { className: 'table-wrap--cards' } : {})}>
      <table className={tableClass}>
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
                ) : c.headerHidden ? (
                  <span className="visually-hidden">{c.header}</span>
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
            rows.flatMap((row, index) => {
              const key = props.rowKey(row, index)
              const details = props.details?.(row)
              return [
                <tr key={key} {...(props.rowProps?.(row) ?? {})}>
                  {props.columns.map((c) => cell(c, row))}
                </tr>,
                ...(details
                  ? [
                      <tr key={`${key}-details`} className="table__details" {...(details.id ? { id: details.id } : {})}>
                        <td colSpan={props.columns.length}>{details.content}</td>
                      </tr>,
                    ]
                  : []),
              ]
            })
          )}
        </tbody>
      </table>
    </ScrollRegion>
  )
}

/** The same component as `Table`, by the name the queue and the plan list know it by. */
export const SortableTable = Table
