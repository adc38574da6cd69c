import type { svImport } from './sv-import.js'

/** The import page's texts in English, and the field words `field-words.ts` adds (a part of `en.ts`, spread into it). */
export const enImport: Readonly<Record<keyof typeof svImport, string>> = {
  importTitle: 'Import applications',
  importIntro:
    'Read applications from a CSV file. Every valid row becomes a case and is screened at once. A row with errors is not imported; it is reported with its row number, information and column.',
  csvFile: 'CSV file',
  csvText: 'Or paste CSV',
  csvHint: 'The first line is the header row, with the columns above.',
  importButton: 'Import',
  importing: 'Importing…',
  importNothing: 'Choose a file or paste CSV first.',
  importFailed: 'Could not import',
  importHeaderColumn: 'The column “{column}” in the header row',
  importResult: 'Cases imported: {imported}. Rows with errors: {errors}.',
  importedCaption: 'Imported rows',
  importErrorsCaption: 'Rows with errors',
  colRow: 'Row',
  colField: 'Information',
  colProblem: 'Problem',
  importFileColumn: 'Column in the file:',
  openImportedCase: 'Open the case from row {row}',

  importColumnsTitle: 'Columns in the file',
  importColumnsIntro:
    'The file’s first row names the columns exactly as in the template, in any order. Separate the cells with commas and save the file as UTF-8. An empty cell is missing information; what is required is the same as on the New application form.',
  importTemplate: 'Download the template (CSV file with the header row)',
  importTemplateFile: 'import-template.csv',
  importColumnsShow: 'Show what each column holds ({count} columns)',
  importColumnsCaption: 'The columns of an import file',
  colColumn: 'Column header',
  colFormat: 'Written as',
  format_text: 'Text',
  format_programme: 'The programme’s code',
  format_bankKind: 'bankgiro, plusgiro or bank-account',
  format_bankNumber: 'The account number as written, for example 5050-1055',
  format_date: 'A date as YYYY-MM-DD, for example 2026-09-01',
  format_amount: 'Whole kronor without spaces, for example 50000',
  format_number: 'A whole number, for example 120',
  format_share: 'A share from 0 to 1 with a decimal point, for example 0.75 for 75%',
  format_boolean: 'true (yes) or false (no)',
  format_grants:
    'A JSON list with one object per grant: year, amount, reportDue and, once the report is in, reportSubmittedOn. [] if none.',
  format_evidence: 'A JSON list with one object per item: id, conduct, actor, withinActivities, verified, date and source. [] if none.',
  format_email: 'An e-mail address, for example namn@example.se',
  format_phone: 'A phone number, for example 08-508 000 00',

  fieldMembersShare: 'Share of members living in the city',
  fieldEvidenceId: 'Identifier',
  fieldWholeRow: 'The whole row',
  fieldUnknown: 'A field in the row',
}
