/**
 * The strategy's items in words, for everything a person reads: a short label (a column
 * head, a list) and the full title. Users never see the internal short ids (G1, D9, M4,
 * P2, R1); those stay keys in the data.
 *
 * The short labels are this toolkit's own abbreviations of the titles in the sources:
 * the guidelines of the city-wide strategy (Norrmalm's remissunderlag, "de fem
 * riktlinjerna") and the directive's twelve points (Rinkeby-Kista 2017-09-21 §10,
 * reservation 2 (L), punkt 1–12). Perspectives, measures and risks have titles short
 * enough to stand as they are.
 */
import type { LocalizedText } from '../shared/index.js'
import {
  directivePoints,
  guidelines,
  measures,
  perspectives,
  risks,
  type DirectivePointId,
  type GuidelineId,
  type Level,
} from '../strategy/index.js'

export const STRATEGY_SHORT_LABELS: Readonly<Record<GuidelineId | DirectivePointId, LocalizedText>> = {
  G1: { sv: 'Motverka rekrytering', en: 'Countering recruitment' },
  G2: { sv: 'Mer kunskap', en: 'More knowledge' },
  G3: { sv: 'Samarbete med polisen', en: 'Cooperation with the police' },
  G4: { sv: 'Stöd att hoppa av', en: 'Support to leave' },
  G5: { sv: 'Stöd till drabbade', en: 'Support to those affected' },
  D1: { sv: 'Mall och polisdialog', en: 'Template and police dialogue' },
  D2: { sv: 'Lägesbild', en: 'Situation picture' },
  D3: { sv: 'Utbildning', en: 'Training' },
  D4: { sv: 'Stärkt samverkan', en: 'Stronger cooperation' },
  D5: { sv: 'Förebyggande arbete', en: 'Preventive work' },
  D6: { sv: 'Information till invånare', en: 'Information to residents' },
  D7: { sv: 'Avhopparverksamhet', en: 'Exit work' },
  D8: { sv: 'Civilsamhället', en: 'Civil society' },
  D9: { sv: 'Inga bidrag till odemokratiska', en: 'No grants to undemocratic groups' },
  D10: { sv: 'Hotbilden', en: 'Threat picture' },
  D11: { sv: 'Hedersrelaterat våld', en: 'Honour-related violence' },
  D12: { sv: 'Bostadsbolagen', en: 'Housing companies' },
}

export interface StrategyItemLabel {
  /** A few words: a column head, an entry in a list. */
  readonly short: LocalizedText
  /** The item's full title in the strategy. */
  readonly title: LocalizedText
}

const labels = new Map<string, StrategyItemLabel>()
for (const g of guidelines) labels.set(g.id, { short: STRATEGY_SHORT_LABELS[g.id], title: g.title })
for (const d of directivePoints) labels.set(d.id, { short: STRATEGY_SHORT_LABELS[d.id], title: d.title })
for (const item of [...perspectives, ...measures, ...risks]) labels.set(item.id, { short: item.title, title: item.title })

/** A guideline, perspective, measure, directive point or risk in words; undefined for an id the strategy does not have. */
export function strategyItemLabel(id: string): StrategyItemLabel | undefined {
  return labels.get(id)
}

/** An item of a plan's templates in words: the strategy's label, or `title` for a district's own section. */
export function itemLabel(id: string, title: LocalizedText): StrategyItemLabel {
  return strategyItemLabel(id) ?? { short: title, title }
}

/** The strategy's levels in words, as a sentence names them ("at district level"). */
export const LEVEL_WORDS: Readonly<Record<Level, LocalizedText>> = {
  central: { sv: 'central nivå', en: 'central level' },
  district: { sv: 'stadsdelsnivå', en: 'district level' },
  company: { sv: 'de kommunala bolagens nivå', en: 'the level of the city-owned companies' },
  partner: { sv: 'samverkanspartnernas nivå', en: 'the partners’ level' },
}
