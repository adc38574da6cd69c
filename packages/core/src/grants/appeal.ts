import type { LocalizedText } from '../shared/index.js'
import type { GrantProgramme } from '../plugins/index.js'
import { DEFAULT_APPEAL } from './explain-texts.js'

/*
 * How a grant decision is appealed, by route. A municipal grant is normally reviewed
 * only for legality (laglighetsprövning, kommunallagen 13 kap.); where a programme's
 * rules make its decisions open to an ordinary appeal (förvaltningsbesvär,
 * förvaltningslagen 40–47 §§), the programme says so with `appealRoute`.
 */

export const APPEAL_ROUTES = ['legality-review', 'administrative-appeal'] as const
export type AppealRoute = (typeof APPEAL_ROUTES)[number]

/** The text for an ordinary appeal (förvaltningsbesvär) to the administrative court. */
export const ADMINISTRATIVE_APPEAL: LocalizedText = Object.freeze({
  sv: 'Beslutet kan överklagas hos förvaltningsrätten genom förvaltningsbesvär enligt 40–47 §§ förvaltningslagen (2017:900). Skriv till nämnden som fattade beslutet, ange vilket beslut ni överklagar och vilken ändring ni vill ha. Överklagandet ska ha kommit in till nämnden inom tre veckor från den dag ni fick del av beslutet. Nämnden prövar först om beslutet ska ändras och skickar sedan överklagandet vidare till förvaltningsrätten.',
  en: 'The decision can be appealed to the administrative court (förvaltningsbesvär) under sections 40–47 of the Administrative Procedure Act (2017:900). Write to the committee that made the decision, say which decision you are appealing and what change you want. The appeal must reach the committee within three weeks of the day you were notified of the decision. The committee first considers whether to change the decision and then sends the appeal on to the administrative court.',
})

/** The appeal text for each route. */
export const APPEAL_TEXT: Readonly<Record<AppealRoute, LocalizedText>> = Object.freeze({
  'legality-review': DEFAULT_APPEAL,
  'administrative-appeal': ADMINISTRATIVE_APPEAL,
})

/** The provision each route rests on, for the list of provisions a decision applies. */
export const APPEAL_PROVISION: Readonly<Record<AppealRoute, LocalizedText>> = Object.freeze({
  'legality-review': { sv: '13 kap. kommunallagen (2017:725)', en: 'Chapter 13 of the Local Government Act (2017:725)' },
  'administrative-appeal': {
    sv: '40–47 §§ förvaltningslagen (2017:900)',
    en: 'Sections 40–47 of the Administrative Procedure Act (2017:900)',
  },
})

/** How a programme's decisions are appealed: its route (legality review unless it says otherwise) and the text to print. */
export function appealFor(programme: Pick<GrantProgramme, 'appealRoute' | 'appeal'> | undefined): {
  readonly route: AppealRoute
  readonly text: LocalizedText
} {
  const route: AppealRoute = programme?.appealRoute ?? 'legality-review'
  return { route, text: programme?.appeal ?? APPEAL_TEXT[route] }
}
