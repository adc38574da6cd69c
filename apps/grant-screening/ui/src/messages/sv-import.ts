/** The import page's texts in Swedish, and the field words `field-words.ts` adds to the form's labels (a part of `sv.ts`, spread into it). */
export const svImport = {
  importTitle: 'Importera ansökningar',
  importIntro:
    'Läs in ansökningar från en CSV-fil. Varje giltig rad blir ett ärende och prövas direkt. En rad med fel importeras inte; den rapporteras med radnummer, uppgift och kolumn.',
  csvFile: 'CSV-fil',
  csvText: 'Eller klistra in CSV',
  csvHint: 'Första raden är rubrikraden, med kolumnerna ovan.',
  importButton: 'Importera',
  importing: 'Importerar…',
  importNothing: 'Välj en fil eller klistra in CSV först.',
  // Error summaries' headings say what did not happen (the kit's default, "could not save", fits a form that saves).
  importFailed: 'Det gick inte att importera',
  importHeaderColumn: 'Kolumnen ”{column}” i rubrikraden',
  importResult: 'Importerade ärenden: {imported}. Rader med fel: {errors}.',
  importedCaption: 'Importerade rader',
  importErrorsCaption: 'Rader med fel',
  colRow: 'Rad',
  colField: 'Uppgift',
  colProblem: 'Fel',
  importFileColumn: 'Kolumn i filen:',
  openImportedCase: 'Öppna ärendet från rad {row}',

  // The column guide and the template
  importColumnsTitle: 'Kolumner i filen',
  importColumnsIntro:
    'Filens första rad namnger kolumnerna precis som i mallen, i vilken ordning som helst. Skilj cellerna åt med kommatecken och spara filen som UTF-8. En tom cell är en uppgift som saknas; det som krävs är detsamma som i formuläret Ny ansökan.',
  importTemplate: 'Ladda ner mallen (CSV-fil med rubrikraden)',
  importTemplateFile: 'importmall.csv',
  importColumnsShow: 'Visa vad varje kolumn ska innehålla ({count} kolumner)',
  importColumnsCaption: 'Kolumnerna i en importfil',
  colColumn: 'Kolumnrubrik',
  colFormat: 'Skrivs som',
  format_text: 'Text',
  format_programme: 'Bidragsprogrammets kod',
  format_bankKind: 'bankgiro, plusgiro eller bank-account (bankkonto)',
  format_bankNumber: 'Kontonumret som det är skrivet, till exempel 5050-1055',
  format_date: 'Datum som ÅÅÅÅ-MM-DD, till exempel 2026-09-01',
  format_amount: 'Hela kronor utan mellanslag, till exempel 50000',
  format_number: 'Ett heltal, till exempel 120',
  format_share: 'En andel från 0 till 1 med decimalpunkt, till exempel 0.75 för 75 %',
  format_boolean: 'true (ja) eller false (nej)',
  format_grants:
    'En JSON-lista med ett objekt per bidrag: year, amount, reportDue och, om redovisningen är lämnad, reportSubmittedOn. [] om inga.',
  format_evidence:
    'En JSON-lista med ett objekt per uppgift: id, conduct, actor, withinActivities, verified, date och source. [] om inget.',
  format_email: 'E-postadress, till exempel namn@example.se',
  format_phone: 'Telefonnummer, till exempel 08-508 000 00',

  // Field words (field-words.ts) that the form's labels do not give
  fieldMembersShare: 'Andel medlemmar som bor i staden',
  fieldEvidenceId: 'Beteckning',
  fieldWholeRow: 'Hela raden',
  fieldUnknown: 'Ett fält på raden',
}
