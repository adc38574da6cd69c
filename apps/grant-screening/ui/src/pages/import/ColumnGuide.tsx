import { Table } from '@vbe/web-kit'
import { Fragment, type ReactNode } from 'react'
import { csvTemplate, FORMAT_TEXTS, fieldWords, IMPORT_COLUMNS } from '../../field-words'
import { useI18n } from '../../i18n'
import { useProgrammes } from '../../lists'

/** A column header as the file has it, in code type, breakable after each dot on a narrow screen. */
export function ColumnName(props: { readonly name: string }): ReactNode {
  return (
    <code>
      {props.name.split('.').map((part, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              .<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </code>
  )
}

/**
 * Which columns an import file has, before the officer starts: the rules in a sentence, a
 * template to download (the header row, built here from the same column list), and each
 * column's header, the information it holds and how its cells are written, behind a disclosure.
 */
export function ColumnGuide(): ReactNode {
  const { t, loc } = useI18n()
  const programmes = useProgrammes()
  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(csvTemplate())}`
  const written = (format: keyof typeof FORMAT_TEXTS): ReactNode =>
    format === 'programme' && programmes && programmes.length > 0 ? (
      <>
        {t(FORMAT_TEXTS[format])}:{' '}
        {programmes.map((p, i) => (
          <span key={p.id}>
            {i > 0 && ', '}
            <code>{p.id}</code> ({loc(p.name)})
          </span>
        ))}
      </>
    ) : (
      t(FORMAT_TEXTS[format])
    )
  return (
    <section className="card column-guide" aria-labelledby="column-guide-title">
      <h2 id="column-guide-title">{t('importColumnsTitle')}</h2>
      <p>{t('importColumnsIntro')}</p>
      <p>
        <a href={template} download={t('importTemplateFile')}>
          {t('importTemplate')}
        </a>
      </p>
      <details>
        <summary>{t('importColumnsShow', { count: IMPORT_COLUMNS.length })}</summary>
        <Table
          caption={t('importColumnsCaption')}
          captionHidden
          cards
          compact
          rows={IMPORT_COLUMNS}
          rowKey={(c) => c.name}
          columns={[
            { id: 'content', header: t('colField'), rowHeader: true, cell: (c) => fieldWords(c.name, t) },
            { id: 'column', header: t('colColumn'), cell: (c) => <ColumnName name={c.name} /> },
            { id: 'format', header: t('colFormat'), cell: (c) => written(c.format) },
          ]}
        />
      </details>
    </section>
  )
}
