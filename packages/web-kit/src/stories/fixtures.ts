import { defineCatalogue } from '../i18n.js'
import type { FormState } from '../forms.js'
import type { Problem, User } from '../types.js'

/** The catalogue the stories run with: an app needs only its name to use the kit. */
export const storyCatalogue = defineCatalogue({ appName: 'Exempeltjänst' }, { appName: 'Example service' })

export const exampleUser: User = {
  id: 'u1',
  username: 'officer.rk',
  displayName: 'Amina Handläggare',
  roles: ['officer'],
  district: 'rinkeby-kista',
}

/** A problem+json answer with field problems, as the API sends for a form that does not validate. */
export const fieldProblem = (lang: 'sv' | 'en'): Problem => ({
  status: 400,
  title: lang === 'sv' ? 'Ogiltig begäran' : 'Invalid request',
  detail:
    lang === 'sv' ? 'En återremiss kräver nämndens beslut och en kommentar.' : 'A return needs the committee’s decision and a comment.',
  errors: [
    {
      path: 'decisionReference',
      message:
        lang === 'sv'
          ? 'måste fyllas i: nämndens beslut, till exempel "SDN 2026-09-21 §10"'
          : 'is required: the committee’s decision, for example "SDN 2026-09-21 §10"',
      code: 'required',
    },
    {
      path: 'comment',
      message: lang === 'sv' ? 'måste fyllas i: vad stadsdelen ska ändra' : 'is required: what the district must change',
      code: 'required',
    },
    {
      path: 'persons[0].email',
      message: lang === 'sv' ? 'måste vara en e-postadress' : 'must be an email address',
      code: 'invalid_format',
    },
  ],
})

export type { FormState }
