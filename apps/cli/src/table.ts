/**
 * Renders rows as a plain-text table with a header rule. Long cells wrap within a
 * column width so the table stays readable in an 100-column terminal.
 */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, maxWidths: readonly number[] = []): string {
  const widths = headers.map((h, i) => {
    const natural = Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))
    return Math.min(natural, maxWidths[i] ?? natural)
  })
  const wrap = (text: string, width: number): string[] => {
    const lines: string[] = []
    let line = ''
    for (const word of text.split(/\s+/).filter(Boolean)) {
      if (line === '') line = word
      else if (line.length + 1 + word.length <= width) line += ` ${word}`
      else {
        lines.push(line)
        line = word
      }
    }
    lines.push(line)
    return lines
  }
  const renderRow = (cells: readonly string[]): string[] => {
    const wrapped = widths.map((w, i) => wrap(cells[i] ?? '', w))
    const height = Math.max(...wrapped.map((c) => c.length))
    return Array.from({ length: height }, (_, line) =>
      wrapped
        .map((c, i) => (c[line] ?? '').padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
  }
  return [...renderRow(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.flatMap(renderRow)].join('\n') + '\n'
}
