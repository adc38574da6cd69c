import type { Meta, StoryObj } from '@storybook/react-vite'
import { StatusBadge, type Tone } from '../badge.js'
import { formatDateTime } from '../format.js'
import { ScrollRegion, SortableTable, type Column } from '../table.js'

const meta = { title: 'Kit/Data' } satisfies Meta
export default meta
type Story = StoryObj<typeof meta>

interface Row {
  id: string
  association: string
  amount: number
  status: string
  tone: Tone
  updated: string
}
const rows: Row[] = [
  { id: '1', association: 'Husby Schackklubb', amount: 25000, status: 'Ny', tone: 'info', updated: '2026-11-20T09:15:00Z' },
  {
    id: '2',
    association: 'Kista Ungdomsförening',
    amount: 60000,
    status: 'Väntar på attest',
    tone: 'warn',
    updated: '2026-11-22T13:05:00Z',
  },
  { id: '3', association: 'Akalla Fritidsförening', amount: 12000, status: 'Beslutad', tone: 'ok', updated: '2026-10-02T07:45:00Z' },
]
const columns: Column<Row>[] = [
  {
    id: 'association',
    header: 'Förening',
    rowHeader: true,
    sortValue: (r) => r.association,
    cell: (r) => <a href={`#/cases/${r.id}`}>{r.association}</a>,
  },
  { id: 'amount', header: 'Belopp', numeric: true, sortValue: (r) => r.amount, cell: (r) => `${r.amount.toLocaleString('sv-SE')} kr` },
  { id: 'status', header: 'Status', sortValue: (r) => r.status, cell: (r) => <StatusBadge tone={r.tone}>{r.status}</StatusBadge> },
  { id: 'updated', header: 'Senast ändrad', sortValue: (r) => r.updated, cell: (r) => formatDateTime(r.updated) },
]

/** Sortable: each sortable header is a button, the sorted one carries aria-sort; the table scrolls in its own labelled region. */
export const Table: Story = { render: () => <SortableTable caption="Ärenden (3)" rows={rows} rowKey={(r) => r.id} columns={columns} /> }
export const TableSorted: Story = {
  render: () => (
    <SortableTable
      caption="Ärenden (3)"
      rows={rows}
      rowKey={(r) => r.id}
      columns={columns}
      initialSort={{ column: 'amount', direction: 'descending' }}
    />
  ),
}
export const TableEmpty: Story = {
  render: () => (
    <SortableTable caption="Ärenden (0)" rows={[]} rowKey={(r) => r.id} columns={columns} empty="Inga ärenden matchar filtret." />
  ),
}
/** At 320 px the table keeps its width and scrolls sideways inside the region (WCAG 1.4.10); the page does not. */
export const TableNarrow: Story = {
  render: () => (
    <div style={{ maxWidth: '18rem' }}>
      <SortableTable caption="Ärenden (3)" rows={rows} rowKey={(r) => r.id} columns={columns} />
    </div>
  ),
}
/** With `cards`, in a region narrower than 45rem each row is a card: the row header its title, every other cell labelled by its column. */
export const TableCardsNarrow: Story = {
  render: () => (
    <div style={{ maxWidth: '20rem' }}>
      <SortableTable caption="Ärenden (3)" rows={rows} rowKey={(r) => r.id} columns={columns.map(({ sortValue: _, ...c }) => c)} cards />
    </div>
  ),
}
export const PlainScrollRegion: Story = {
  render: () => (
    <ScrollRegion label="Täckning per stadsdel">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Stadsdel</th>
            <th scope="col">G1</th>
            <th scope="col">G2</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Rinkeby-Kista</th>
            <td>2</td>
            <td>lucka</td>
          </tr>
        </tbody>
      </table>
    </ScrollRegion>
  ),
}
const tones: { tone: Tone; text: string }[] = [
  { tone: 'ok', text: 'Antagen' },
  { tone: 'bad', text: 'Återremitterad' },
  { tone: 'warn', text: 'Under revidering' },
  { tone: 'info', text: 'Inlämnad' },
  { tone: 'neutral', text: 'Utkast' },
]
/** Every tone: the text says the status; the colour only repeats it. */
export const Badges: Story = {
  render: () => (
    <p className="button-row">
      {tones.map((b) => (
        <StatusBadge key={b.tone} tone={b.tone}>
          {b.text}
        </StatusBadge>
      ))}
    </p>
  ),
}
