/* The committee paper's words in Swedish and English. */

export type Lang = 'sv' | 'en'

export const L = {
  sv: {
    plan: 'Lokal handlingsplan mot våldsbejakande extremism',
    status: 'Status',
    draft: 'utkast', submitted: 'inlämnad', returned: 'återremitterad', revised: 'under revidering', adopted: 'antagen',
    contact: 'Kontaktpunkt', situation: 'Lägesbild', localProblem: 'Lokal problembild', sources: 'Källor', sections: 'Lokala avsnitt',
    activities: 'Aktiviteter', responsible: 'Ansvarig', partners: 'Samverkanspartner', structure: 'Struktur', existing: 'Befintlig struktur', newStructure: 'Ny struktur, eftersom',
    period: 'Period', guidelines: 'Riktlinjer', perspectives: 'Perspektiv', measures: 'Åtgärder', directive: 'Direktivpunkter', risks: 'Risker',
    indicators: 'Indikatorer', kind: 'Typ', baseline: 'Utgångsvärde', target: 'Målvärde', dataSource: 'Datakälla', owner: 'Ägare', followUp: 'Uppföljning',
    effect: 'effekt', output: 'prestation', activity: 'aktivitet',
    coverage: 'Täckning mot mallarna', gaps: 'Luckor', findings: 'Iakttagelser', none: 'Inga', version: 'Version', generated: 'Utskriven',
    page: (n: number, of: number) => `Sida ${n} av ${of}`,
    severity: { error: 'Fel', warning: 'Varning', info: 'Info' },
    redline: 'Ändringar', added: 'Tillagd', removed: 'Borttagen', changed: 'Ändrad', field: 'Fält', before: 'Före', after: 'Efter', identical: 'Inga skillnader.',
  },
  en: {
    plan: 'Local action plan against violent extremism',
    status: 'Status',
    draft: 'draft', submitted: 'submitted', returned: 'returned', revised: 'being revised', adopted: 'adopted',
    contact: 'Contact point', situation: 'Situation picture', localProblem: 'Local problem picture', sources: 'Sources', sections: 'Local sections',
    activities: 'Activities', responsible: 'Responsible', partners: 'Partners', structure: 'Structure', existing: 'Existing structure', newStructure: 'New structure, because',
    period: 'Period', guidelines: 'Guidelines', perspectives: 'Perspectives', measures: 'Measures', directive: 'Directive points', risks: 'Risks',
    indicators: 'Indicators', kind: 'Kind', baseline: 'Baseline', target: 'Target', dataSource: 'Data source', owner: 'Owner', followUp: 'Follow-up',
    effect: 'effect', output: 'output', activity: 'activity',
    coverage: 'Coverage of the templates', gaps: 'Gaps', findings: 'Findings', none: 'None', version: 'Version', generated: 'Printed',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    redline: 'Changes', added: 'Added', removed: 'Removed', changed: 'Changed', field: 'Field', before: 'Before', after: 'After', identical: 'No differences.',
  },
} as const
