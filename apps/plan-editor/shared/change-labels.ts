import type { FieldChange, Plan } from '@vbe/core/plans'
import { strategyItemLabel } from '@vbe/core/plans'
import { actors } from '@vbe/core/strategy'
import { en } from '../ui/src/messages/en.js'
import { sv, type MessageKey } from '../ui/src/messages/sv.js'
import { ACTIVITY_FIELDS, INDICATOR_FIELDS } from './plan-fields.js'

/**
 * A redline's field and values in the form's words ("Aktivitet «Föräldracaféer»: Från",
 * "Lägesbild: Sammanfattning"), never core's change path (`activities[a1].period.from`).
 * The labels are the form's own (plan-fields.ts, the editor's catalogue); an unknown part
 * is named by the nearest part the form shows.
 *
 * The one home of this wording: the editor's redline and conflict panel (ui/src) and the
 * server's redline export (src/export) both import it. Plain functions over the catalogue's
 * data, no React and no server code, so either side can take it.
 */

export type Lang = 'sv' | 'en'

/** A text of the editor's catalogue by its key: the UI's `t`, or `changeWords(lang)` where there is no React. */
export type Words = (key: MessageKey) => string

/** The catalogue's words in one language, for the server (the catalogue's texts used here have no placeholders). */
export const changeWords =
  (lang: Lang): Words =>
  (key) =>
    (lang === 'sv' ? sv : en)[key]

/** `a.b[KEY].c` → ['a', 'b', 'KEY', 'c'] (the key of a keyed list: a risk, a period, a section). */
const parts = (path: string): string[] => path.split(/[.[\]]+/).filter(Boolean)

const join = (...p: string[]) => p.join(': ')

/** The language of a catalogue's words (a risk's title comes from core, in that language). */
const langOf = (t: Words): Lang => (t('langCode') === 'en' ? 'en' : 'sv')
/** The label of a risk's handling, the risk by its title (`Hantering av risken ”Social oro”`), never its id. */
export function mitigationLabel(t: Words, riskId: string): string {
  const lang = langOf(t)
  const title = strategyItemLabel(riskId)?.title[lang]
  if (!title) return t('risks')
  return `${t('mitigation')} ${lang === 'sv' ? `”${title}”` : `“${title}”`}`
}
/** An activity's links to the strategy (guidelines, perspectives, measures, directive points): values that are ids of its items. */
const STRATEGY_LISTS = new Set(['guidelines', 'perspectives', 'measures', 'directivePoints'])

/** A change outside the activities. */
export function planChangeLabel(path: string, t: Words, sectionTitle: (id: string) => string | undefined): string {
  const [first, second, third] = parts(path)
  if (first === 'status') return t('status')
  if (first === 'contactPoint')
    return second === 'function' || second === 'unit' || second === 'email' ? join(t('contactPoint'), t(second)) : t('contactPoint')
  if (first === 'situationPicture') {
    if (second === 'date' || second === 'summary') return join(t('situationPicture'), t(second))
    if (second === 'localProblemPicture')
      return third === 'agreement' || third === 'date' || third === 'summary' ? join(t('localProblem'), t(third)) : t('localProblem')
    return t('situationPicture')
  }
  if (first === 'sections') return second ? join(t('sections'), sectionTitle(second) ?? t('sections')) : t('sections')
  return t('thePlan')
}

const named = (what: string, name: string | undefined) => (name ? `${what} «${name}»` : what)

/**
 * A change inside an activity (`path` relative to it), the activity named by its title;
 * `indicator` (its name, '' when unknown) when the change is inside one of its indicators.
 */
export function activityChangeLabel(path: string, t: Words, activity: string | undefined, indicator?: string): string {
  const where =
    indicator === undefined ? named(t('activity'), activity) : `${named(t('activity'), activity)}, ${named(t('indicator'), indicator)}`
  const [first, second, third] = parts(path)
  if (first === undefined) return where
  if (indicator !== undefined) {
    if ((first === 'baseline' || first === 'target') && (second === 'value' || second === 'date'))
      return join(where, `${t(first)}: ${t(second).toLowerCase()}`)
    if (first === 'followUps' && second) {
      const what: MessageKey | undefined = third === 'value' || third === 'date' || third === 'note' ? third : undefined
      return join(where, what ? `${second}: ${t(what).toLowerCase()}` : second)
    }
    const field = INDICATOR_FIELDS[first]
    return field ? join(where, t(field[0])) : where
  }
  if (first === 'period' && (second === 'from' || second === 'to')) return join(where, t(second === 'from' ? 'periodFrom' : 'periodTo'))
  if (first === 'responsible' && second === 'level') return join(where, t('level'))
  if (first === 'existingStructure')
    return join(where, t(second === 'reason' ? 'structureReason' : second === 'name' ? 'structureName' : 'structure'))
  if (first === 'risks' && second) return join(where, mitigationLabel(t, second))
  const field = ACTIVITY_FIELDS[first]
  return field ? join(where, t(field[0])) : where
}

/** A path in a plan document (`activities[a1].indicators[i2].name`, `contactPoint.email`), its activity and indicator named from `doc`. */
export function documentPathLabel(path: string, doc: Plan, t: Words, sectionTitle: (id: string) => string | undefined): string {
  const m = /^activities\[([^\]]+)\](?:\.indicators\[([^\]]+)\])?\.?(.*)$/.exec(path)
  if (!m) return planChangeLabel(path, t, sectionTitle)
  const activity = doc.activities.find((a) => a.id === m[1])
  const indicator = m[2] === undefined ? undefined : (activity?.indicators.find((i) => i.id === m[2])?.name ?? '')
  return activityChangeLabel(m[3] ?? '', t, activity?.title, indicator)
}

/** What names a value that is an id: the language (for an actor of the strategy) and the district's section titles. */
export interface ValueNames {
  readonly lang: Lang
  readonly sectionTitle?: (id: string) => string | undefined
}

/**
 * A changed value as text: lists and parts joined, codes (status, level, target group, kind of
 * indicator or structure) in words, an actor and a local section by their names when `names`
 * is given, an entry's parts without the key its label names, nothing as a dash.
 */
export function changeValue(change: FieldChange, side: 'before' | 'after', t: Words, names?: ValueNames): string {
  return text(change[side], change.path.replace(/\[[^\]]*\]/g, ''), t, names)
}

/** Values that are codes, by their change path (keys of keyed lists dropped), and the prefix of their words in the catalogue. */
const CODED: Readonly<Record<string, string>> = {
  status: 'status.',
  'responsible.level': 'level.',
  'targetGroup.kind': 'target.',
  kind: 'kind.',
}
/** Values that are an actor of the strategy, by their change path. */
const ACTOR = new Set(['responsible.actorId', 'partners'])
/** Parts of an entry that its label already names: a section's id (by its title), a risk's and a follow-up's key. */
const NAMED = new Set(['sections.id', 'risks.riskId', 'followUps.period'])
/** An entry's parts in the order the form shows them (the database keeps no order); the rest after them. */
const ORDER = ['kind', 'title', 'name', 'value', 'date', 'agreement', 'summary', 'reference', 'url', 'description', 'mitigation', 'note']
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length)

const empty = (v: unknown) => v === undefined || v === null || v === ''

function text(v: unknown, path: string, t: Words, names: ValueNames | undefined): string {
  if (empty(v)) return '—'
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => text(x, path, t, names)).join(', ')
  if (typeof v === 'object') {
    // An entry's parts, without what its label names or what is empty (a follow-up without a note).
    const parts = Object.entries(v as Record<string, unknown>)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([k, x]) => [path ? `${path}.${k}` : k, x] as const)
      .filter(([p, x]) => !NAMED.has(p) && !empty(x))
      .map(([p, x]) => text(x, p, t, names))
    return parts.length ? parts.join(', ') : '—'
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (typeof v !== 'string') return '—'
  if (path === 'existingStructure.kind') return t(v === 'new' ? 'newStructure' : 'existing')
  const words = CODED[path]
  if (words) return t(`${words}${v}` as MessageKey)
  if (names && ACTOR.has(path)) return actors.find(v)?.title[names.lang] ?? v
  // A guideline, measure, … by its short label, never its id (G1, M4).
  if (STRATEGY_LISTS.has(path)) return strategyItemLabel(v)?.short[names?.lang ?? langOf(t)] ?? v
  // An activity's sections: the ids of the district's sections it answers.
  if (path === 'sections') return names?.sectionTitle?.(v) ?? v
  return v
}
