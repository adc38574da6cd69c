import type { MessageKey } from '../ui/src/messages/sv.js'

/*
 * The plan form's fields by their key in the plan: the catalogue key of each one's label
 * and the suffix of its input's id in the editor (ActivityEditor). The form's issue list
 * (ui/src/pages/editor/issue-fields.ts) and the redline's labels (change-labels.ts, in the
 * editor and in the server's exports) name a field by these, so both say what the form says.
 * Plain data: the server and the UI bundle both import it.
 */

/** The activity form's inputs: the value's key in the plan → its label and the suffix of its input id. */
export const ACTIVITY_FIELDS: Readonly<Record<string, readonly [MessageKey, string | null]>> = {
  title: ['title', 'title'],
  description: ['description', 'desc'],
  responsible: ['responsible', 'actor'],
  partners: ['partners', 'partners'],
  targetGroup: ['targetGroup', 'tg'],
  guidelines: ['guidelines', null],
  perspectives: ['perspectives', null],
  measures: ['measures', null],
  directivePoints: ['directivePoints', null],
  sections: ['planSections', null],
  indicators: ['indicators', null],
  risks: ['risks', null],
}
export const INDICATOR_FIELDS: Readonly<Record<string, readonly [MessageKey, string]>> = {
  name: ['name', 'name'],
  kind: ['kind', 'kind'],
  unit: ['unit', 'unit'],
  dataSource: ['dataSource', 'ds'],
  owner: ['owner', 'owner'],
}
