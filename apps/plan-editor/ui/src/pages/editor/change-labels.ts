import type { FieldChange, Plan } from '@vbe/core/plans'
import type { MessageKey, T } from '../../i18n'
import { ACTIVITY_FIELDS, INDICATOR_FIELDS } from './issue-fields'

/**
 * A redline's field and values in the form's words ("Aktivitet «Föräldracaféer»: Från",
 * "Lägesbild: Sammanfattning"), never core's change path (`activities[a1].period.from`).
 * The labels are the form's own (issue-fields.ts); an unknown part is named by the nearest
 * part the form shows.
 */

/** `a.b[KEY].c` → ['a', 'b', 'KEY', 'c'] (the key of a keyed list: a risk, a period, a section). */
const parts = (path: string): string[] => path.split(/[.[\]]+/).filter(Boolean)

const join = (...p: string[]) => p.join(': ')

/** A change outside the activities. */
export function planChangeLabel(path: string, t: T, sectionTitle: (id: string) => string | undefined): string {
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
export function activityChangeLabel(path: string, t: T, activity: string | undefined, indicator?: string): string {
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
  if (first === 'risks' && second) return join(where, `${t('mitigation')} ${second}`)
  const field = ACTIVITY_FIELDS[first]
  return field ? join(where, t(field[0])) : where
}

/** A path in a plan document (`activities[a1].indicators[i2].name`, `contactPoint.email`), its activity and indicator named from `doc`. */
export function documentPathLabel(path: string, doc: Plan, t: T, sectionTitle: (id: string) => string | undefined): string {
  const m = /^activities\[([^\]]+)\](?:\.indicators\[([^\]]+)\])?\.?(.*)$/.exec(path)
  if (!m) return planChangeLabel(path, t, sectionTitle)
  const activity = doc.activities.find((a) => a.id === m[1])
  const indicator = m[2] === undefined ? undefined : (activity?.indicators.find((i) => i.id === m[2])?.name ?? '')
  return activityChangeLabel(m[3] ?? '', t, activity?.title, indicator)
}

/** A changed value as text: lists and parts joined, a plan status in words, nothing as a dash. */
export function changeValue(change: FieldChange, side: 'before' | 'after', t: T): string {
  const value = change[side]
  if (change.path === 'existingStructure.kind' && typeof value === 'string') return t(value === 'new' ? 'newStructure' : 'existing')
  const words = CODED[change.path]
  if (words) return text(value, (code) => t(`${words}${code}` as MessageKey))
  return text(value)
}

/** Values that are codes, by their change path, and the prefix of their words in the catalogue. */
const CODED: Readonly<Record<string, string>> = {
  status: 'status.',
  'responsible.level': 'level.',
  'targetGroup.kind': 'target.',
  kind: 'kind.',
}

const text = (v: unknown, word: (code: string) => string = String): string => {
  if (v === undefined || v === null || v === '') return '—'
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => text(x, word)).join(', ')
  if (typeof v === 'object')
    return Object.values(v)
      .map((x) => text(x, word))
      .join(', ')
  return typeof v === 'string' ? word(v) : String(v)
}
