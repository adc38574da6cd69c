import type { LocalizedText } from '../shared/index.js'
import type { GrantProgramme, GrantSource } from '../plugins/index.js'
import {
  ACTORS,
  CONDUCTS,
  EVIDENCE_SOURCE_KINDS,
  type Actor,
  type Application,
  type Conduct,
  type EvidenceSourceKind,
} from './application.js'
import { fullYearsBetween } from './dates.js'
import { COUNCIL_GUIDELINES_2016, IDROTT_GENERAL_CONDITIONS, RINKEBY_KISTA_D9 } from './sources.js'

export const RULE_KINDS = ['formal', 'democracy', 'follow-up'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export const FINDING_STATUSES = ['met', 'not_met', 'needs_assessment', 'not_applicable'] as const
export type FindingStatus = (typeof FINDING_STATUSES)[number]

/** A rule as data: what it checks, where it applies, when it is in force and where it comes from. */
export interface Rule {
  readonly id: string
  readonly title: LocalizedText
  readonly kind: RuleKind
  /** `all` programmes, or the ids of the programmes it belongs to. */
  readonly appliesTo: 'all' | readonly string[]
  /** In force from `from` to `to`, both days included; open-ended without `to`. */
  readonly effective: { readonly from: string; readonly to?: string | undefined }
  readonly sources: readonly GrantSource[]
}

/** What one rule found in one application. */
export interface Finding {
  readonly ruleId: string
  readonly kind: RuleKind
  readonly status: FindingStatus
  /** What was found, in Swedish and English. */
  readonly reason: LocalizedText
  /** The evidence items the finding rests on (empty for formal rules). */
  readonly evidenceIds: readonly string[]
  /** The rule's sources. */
  readonly sources: readonly GrantSource[]
}

/** Evaluates one application on a date and appends its findings to `out`. */
export type Evaluator = (application: Application, on: string, out: Finding[]) => void

/** The grant programme a rule is compiled for (a plugin programme). */
export type Programme = GrantProgramme & { readonly pluginId?: string }

/**
 * A rule with its evaluator. `compile` runs once per programme and the evaluator it
 * returns runs once per application, so everything that does not depend on the
 * application (reasons, finding objects, sources) is built in `compile`.
 */
export interface RuleDefinition extends Rule {
  /** A short heading for decision letters, where the title is too long for one. */
  readonly heading?: LocalizedText
  readonly compile: (rule: Rule, programme: Programme) => Evaluator
}

/**
 * A rule every programme has, but whose published source and effective period are the
 * programme's own: the formal requirements (statutes, board, auditor, bank account) and
 * the programme's parameters (maximum amount, years of activity). There is no city-wide
 * document stating them, so a finding cites the programme's sources, not an invented one.
 */
export interface ProgrammeRuleTemplate {
  readonly id: string
  readonly title: LocalizedText
  /** A short heading for decision letters, where the title is too long for one. */
  readonly heading?: LocalizedText
  readonly kind: RuleKind
  /** Whether the programme has this rule (for example only when it sets a maximum amount). */
  readonly appliesToProgramme: (programme: Programme) => boolean
  readonly compile: (rule: Rule, programme: Programme) => Evaluator
}

const NO_EVIDENCE: readonly string[] = Object.freeze([])

/** A finding whose content does not depend on the application: built once, shared, frozen. */
export function staticFinding(rule: Rule, status: FindingStatus, reason: LocalizedText): Finding {
  return Object.freeze({
    ruleId: rule.id,
    kind: rule.kind,
    status,
    reason: Object.freeze(reason),
    evidenceIds: NO_EVIDENCE,
    sources: rule.sources,
  })
}

const t = (sv: string, en: string): LocalizedText => Object.freeze({ sv, en })

/** 100000 → "100 000" (sv) / "100,000" (en). */
export function formatKronor(amount: number, locale: 'sv' | 'en'): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'sv' ? ' ' : ',')
}

// ---------------------------------------------------------------------------------------
// Formal rules, sourced to each programme's published conditions.

const statutes: ProgrammeRuleTemplate = {
  id: 'statutes',
  title: t('Stadgar antagna på årsmöte', 'Statutes adopted at an annual meeting'),
  kind: 'formal',
  appliesToProgramme: () => true,
  compile(rule) {
    const met = staticFinding(rule, 'met', t('Stadgarna är antagna på årsmöte.', 'The statutes were adopted at an annual meeting.'))
    const missing = staticFinding(rule, 'not_met', t('Ansökan anger inga stadgar.', 'The application gives no statutes.'))
    const notAtMeeting = staticFinding(
      rule,
      'not_met',
      t('Stadgarna är inte antagna på årsmöte.', 'The statutes were not adopted at an annual meeting.'),
    )
    const later = staticFinding(
      rule,
      'not_met',
      t('Stadgarna antogs först efter prövningsdagen.', 'The statutes were adopted only after the screening date.'),
    )
    return (app, on, out) => {
      const s = app.statutes
      out.push(s === undefined ? missing : !s.adoptedAtAnnualMeeting ? notAtMeeting : s.adoptedOn > on ? later : met)
    }
  },
}

/**
 * A formal rule that is a yes/no fact of the application: met or not met, each with a
 * fixed reason. The findings are built once per compiled rule and shared.
 */
function yesNoRule(
  id: string,
  title: LocalizedText,
  reasons: { met: LocalizedText; notMet: LocalizedText },
  holds: (app: Application) => boolean,
): ProgrammeRuleTemplate {
  return {
    id,
    title,
    kind: 'formal',
    appliesToProgramme: () => true,
    compile(rule) {
      const met = staticFinding(rule, 'met', reasons.met)
      const notMet = staticFinding(rule, 'not_met', reasons.notMet)
      return (app, _on, out) => void out.push(holds(app) ? met : notMet)
    },
  }
}

const board = yesNoRule(
  'board',
  t('Styrelse vald på årsmöte', 'Board elected at an annual meeting'),
  {
    met: t('Styrelsen är vald av medlemmarna på årsmöte.', 'The board was elected by the members at an annual meeting.'),
    notMet: t('Styrelsen är inte vald på årsmöte.', 'The board was not elected at an annual meeting.'),
  },
  (app) => app.board.electedAtAnnualMeeting,
)

const auditor = yesNoRule(
  'auditor',
  t('Revisor vald', 'Auditor elected'),
  {
    met: t('Föreningen har valt revisor.', 'The association has elected an auditor.'),
    notMet: t('Föreningen har inte valt revisor.', 'The association has not elected an auditor.'),
  },
  (app) => app.board.auditorElected,
)

const bankAccount = yesNoRule(
  'bank-account',
  t('Konto i föreningens namn', 'Account in the association’s name'),
  {
    met: t('Kontot är registrerat i föreningens namn.', 'The account is registered in the association’s name.'),
    notMet: t(
      'Kontot är inte registrerat i föreningens namn. Bidrag betalas bara ut till ett konto i föreningens namn.',
      'The account is not registered in the association’s name. Grants are paid only into an account in the association’s name.',
    ),
  },
  (app) => app.association.bankAccount.holderIsAssociation,
)

const maxAmount: ProgrammeRuleTemplate = {
  id: 'max-amount',
  title: t('Högsta belopp i programmet', 'Programme maximum amount'),
  kind: 'formal',
  appliesToProgramme: (p) => p.parameters.maxAmount !== undefined,
  compile(rule, programme) {
    const max = programme.parameters.maxAmount ?? Number.POSITIVE_INFINITY
    const maxSv = formatKronor(max, 'sv')
    const maxEn = formatKronor(max, 'en')
    const met = staticFinding(
      rule,
      'met',
      t(
        `Det sökta beloppet ryms inom programmets högsta belopp, ${maxSv} kr.`,
        `The amount requested is within the programme maximum of ${maxEn} kronor.`,
      ),
    )
    return (app, _on, out) => {
      const amount = app.amountRequested
      if (amount <= max) {
        out.push(met)
        return
      }
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        status: 'not_met',
        reason: {
          sv: `Det sökta beloppet, ${formatKronor(amount, 'sv')} kr, är högre än programmets högsta belopp, ${maxSv} kr.`,
          en: `The amount requested, ${formatKronor(amount, 'en')} kronor, is above the programme maximum of ${maxEn} kronor.`,
        },
        evidenceIds: NO_EVIDENCE,
        sources: rule.sources,
      })
    }
  },
}

const yearsOfActivity: ProgrammeRuleTemplate = {
  id: 'years-of-activity',
  title: t('Verksamhet i minst det antal år programmet kräver', 'Activity for at least the years the programme requires'),
  heading: t('Verksamhetens längd', 'Length of activity'),
  kind: 'formal',
  appliesToProgramme: (p) => p.parameters.minYearsOfActivity !== undefined,
  compile(rule, programme) {
    const years = programme.parameters.minYearsOfActivity ?? 0
    const yearsSv = years === 1 ? 'ett år' : `${years} år`
    const yearsEn = years === 1 ? 'one year' : `${years} years`
    const met = staticFinding(
      rule,
      'met',
      t(`Föreningen har haft verksamhet i minst ${yearsSv}.`, `The association has been active for at least ${yearsEn}.`),
    )
    return (app, on, out) => {
      const since = app.association.activitySince
      if (fullYearsBetween(since, on) >= years) {
        out.push(met)
        return
      }
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        status: 'not_met',
        reason: {
          sv: `Föreningen har verksamhet sedan ${since}, vilket är mindre än ${yearsSv} före prövningsdagen ${on}.`,
          en: `The association has been active since ${since}, which is less than ${yearsEn} before the screening date ${on}.`,
        },
        evidenceIds: NO_EVIDENCE,
        sources: rule.sources,
      })
    }
  },
}

/** The rules every programme gets, with the programme's sources and effective period. */
export const PROGRAMME_RULE_TEMPLATES: readonly ProgrammeRuleTemplate[] = Object.freeze([
  statutes,
  board,
  auditor,
  bankAccount,
  maxAmount,
  yearsOfActivity,
])

// ---------------------------------------------------------------------------------------
// City-wide rules with their own sources.

const DEMOCRACY_SOURCES: readonly GrantSource[] = Object.freeze([COUNCIL_GUIDELINES_2016, RINKEBY_KISTA_D9, IDROTT_GENERAL_CONDITIONS])

const PRINCIPLES = [
  { sv: 'den demokratiska rättsstatens principer', en: 'the principles of the democratic rule of law' },
  { sv: 'de mänskliga rättigheterna', en: 'human rights' },
  { sv: 'jämställdhet mellan kvinnor och män', en: 'equality between women and men' },
] as const

const listOf = (items: readonly string[], and: string) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`

const declaration: RuleDefinition = {
  id: 'declaration',
  title: t(
    'Undertecknad förklaring om demokrati, mänskliga rättigheter och jämställdhet',
    'Signed declaration on democracy, human rights and gender equality',
  ),
  heading: t(
    'Förklaring om demokrati, mänskliga rättigheter och jämställdhet',
    'Declaration on democracy, human rights and gender equality',
  ),
  kind: 'formal',
  appliesTo: 'all',
  effective: { from: '2016-05-16' },
  sources: DEMOCRACY_SOURCES,
  compile(rule) {
    const met = staticFinding(
      rule,
      'met',
      t(
        'Föreningen har undertecknat förklaringen och ställer sig bakom den demokratiska rättsstatens principer, de mänskliga rättigheterna och jämställdhet mellan kvinnor och män.',
        'The association has signed the declaration and stands behind the principles of the democratic rule of law, human rights and equality between women and men.',
      ),
    )
    const missing = staticFinding(
      rule,
      'not_met',
      t(
        'Ansökan saknar förklaringen om demokrati, mänskliga rättigheter och jämställdhet.',
        'The application has no declaration on democracy, human rights and gender equality.',
      ),
    )
    const unsigned = staticFinding(rule, 'not_met', t('Förklaringen är inte undertecknad.', 'The declaration is not signed.'))
    const signedLater = staticFinding(
      rule,
      'not_met',
      t('Förklaringen undertecknades först efter prövningsdagen.', 'The declaration was signed only after the screening date.'),
    )
    // One reason per combination of principles not affirmed (bit 0, 1, 2 = PRINCIPLES[0..2]).
    const notAffirmed: Finding[] = [met]
    for (let mask = 1; mask < 8; mask++) {
      const missingPrinciples = PRINCIPLES.filter((_, i) => (mask & (1 << i)) !== 0)
      notAffirmed.push(
        staticFinding(
          rule,
          'not_met',
          t(
            `Förklaringen bekräftar inte ${listOf(
              missingPrinciples.map((p) => p.sv),
              'eller',
            )}.`,
            `The declaration does not affirm ${listOf(
              missingPrinciples.map((p) => p.en),
              'or',
            )}.`,
          ),
        ),
      )
    }
    return (app, on, out) => {
      const d = app.declaration
      if (d === undefined) return void out.push(missing)
      const mask = (d.democraticPrinciples ? 0 : 1) | (d.humanRights ? 0 : 2) | (d.genderEquality ? 0 : 4)
      if (mask !== 0) return void out.push(notAffirmed[mask]!)
      if (d.signedOn === undefined) return void out.push(unsigned)
      out.push(d.signedOn > on ? signedLater : met)
    }
  },
}

const earlierGrants: RuleDefinition = {
  id: 'earlier-grants',
  title: t('Redovisning av tidigare bidrag', 'Reports on earlier grants'),
  kind: 'follow-up',
  appliesTo: 'all',
  effective: { from: '2017-09-21' },
  sources: Object.freeze([RINKEBY_KISTA_D9]),
  compile(rule) {
    const none = staticFinding(
      rule,
      'not_applicable',
      t('Föreningen har inga tidigare bidrag att redovisa.', 'The association has no earlier grants to report on.'),
    )
    const onTime = staticFinding(
      rule,
      'met',
      t('Alla redovisningar som har förfallit har lämnats in i tid.', 'Every report that has fallen due was submitted on time.'),
    )
    return (app, on, out) => {
      const grants = app.previousGrants
      if (grants.length === 0) return void out.push(none)
      let overdue: string[] | undefined
      let late: string[] | undefined
      for (let i = 0; i < grants.length; i++) {
        const g = grants[i]!
        const submitted = g.reportSubmittedOn
        if (submitted === undefined || submitted > on) {
          if (g.reportDue < on) (overdue ??= []).push(`${g.year} (${g.reportDue})`)
        } else if (submitted > g.reportDue) {
          ;(late ??= []).push(`${g.year} (${submitted} / ${g.reportDue})`)
        }
      }
      if (overdue === undefined && late === undefined) return void out.push(onTime)
      let sv: string
      let en: string
      if (overdue !== undefined) {
        sv = `Redovisning saknas för bidrag som skulle ha redovisats före prövningsdagen: ${overdue.join(', ')} (år och sista dag).`
        en = `Reports are missing on grants that were due before the screening date: ${overdue.join(', ')} (year and due date).`
      } else {
        sv = `Alla förfallna redovisningar har kommit in, men för sent: ${late!.join(', ')} (år, inlämnad / sista dag).`
        en = `Every report that has fallen due was submitted, but late: ${late!.join(', ')} (year, submitted / due).`
      }
      if (overdue !== undefined && late !== undefined) {
        sv += ` Redovisningar som kom in för sent: ${late.join(', ')}.`
        en += ` Reports submitted late: ${late.join(', ')}.`
      }
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        status: overdue !== undefined ? 'not_met' : 'met',
        reason: { sv, en },
        evidenceIds: NO_EVIDENCE,
        sources: rule.sources,
      })
    }
  },
}

// --- The democracy condition -------------------------------------------------------------

const CONDUCT_TEXT: Record<Conduct, LocalizedText> = {
  violence: { sv: 'våld', en: 'violence' },
  threat: { sv: 'hot', en: 'threats' },
  coercion: { sv: 'tvång', en: 'coercion' },
  'rights-violation': { sv: 'kränkning av andras rättigheter', en: 'violation of other people’s rights' },
  'encouraging-violence': { sv: 'uppmuntran till våld', en: 'encouraging violence' },
  discrimination: { sv: 'diskriminering', en: 'discrimination' },
  'anti-democratic-activity': { sv: 'antidemokratisk verksamhet', en: 'anti-democratic activity' },
  'enabling-violent-extremism': { sv: 'stöd till våldsbejakande extremism', en: 'enabling violent extremism' },
}

const ACTOR_TEXT: Record<Actor, LocalizedText> = {
  organisation: { sv: 'föreningen', en: 'the association' },
  representative: { sv: 'en företrädare för föreningen', en: 'a representative of the association' },
}

const SOURCE_TEXT: Record<EvidenceSourceKind, LocalizedText> = {
  'court-judgment': { sv: 'dom', en: 'court judgment' },
  'police-report': { sv: 'polisanmälan', en: 'police report' },
  'authority-statement': { sv: 'uttalande från myndighet', en: 'statement by an authority' },
  media: { sv: 'uppgift i medier', en: 'media report' },
  'own-observation': { sv: 'egen iakttagelse', en: 'own observation' },
  tip: { sv: 'tips', en: 'tip' },
}

/** Conducts for which the city's conditions withdraw all support. */
export const WITHDRAW_ALL_SUPPORT: ReadonlySet<Conduct> = new Set<Conduct>(['encouraging-violence', 'enabling-violent-extremism'])

/** How one evidence item is counted. */
export const EVIDENCE_CASES = ['outside-activities', 'after-screening-date', 'unverified', 'minor', 'age-unknown', 'verified'] as const
export type EvidenceCase = (typeof EVIDENCE_CASES)[number]

const CASE_STATUS: Record<EvidenceCase, FindingStatus> = {
  'outside-activities': 'not_applicable',
  'after-screening-date': 'not_applicable',
  unverified: 'needs_assessment',
  minor: 'needs_assessment',
  'age-unknown': 'needs_assessment',
  verified: 'not_met',
}

function evidenceReason(c: EvidenceCase, conduct: Conduct, actor: Actor, source: EvidenceSourceKind): LocalizedText {
  const what = (l: 'sv' | 'en') =>
    l === 'sv'
      ? `${CONDUCT_TEXT[conduct].sv} av ${ACTOR_TEXT[actor].sv} (källa: ${SOURCE_TEXT[source].sv})`
      : `${CONDUCT_TEXT[conduct].en} by ${ACTOR_TEXT[actor].en} (source: ${SOURCE_TEXT[source].en})`
  switch (c) {
    case 'outside-activities':
      return t(
        `Uppgiften om ${what('sv')} gäller något utanför föreningens verksamhet och räknas därför inte.`,
        `The item on ${what('en')} concerns something outside the association’s activities and is therefore not counted.`,
      )
    case 'after-screening-date':
      return t(
        `Uppgiften om ${what('sv')} är daterad efter prövningsdagen och räknas inte.`,
        `The item on ${what('en')} is dated after the screening date and is not counted.`,
      )
    case 'unverified':
      return t(
        `Uppgiften om ${what('sv')} inom föreningens verksamhet är inte verifierad. En handläggare behöver bedöma den innan den kan få betydelse.`,
        `The item on ${what('en')} within the association’s activities is not verified. An officer needs to assess it before it can count.`,
      )
    case 'minor':
      return t(
        `Verifierat: ${what('sv')} inom föreningens verksamhet. Företrädaren var under 18 år; åldern måste vägas in, så en handläggare behöver bedöma uppgiften.`,
        `Verified: ${what('en')} within the association’s activities. The representative was under 18; age must be weighed, so an officer needs to assess the item.`,
      )
    case 'age-unknown':
      return t(
        `Verifierat: ${what('sv')} inom föreningens verksamhet. Företrädarens ålder är inte angiven och måste vägas in, så en handläggare behöver bedöma uppgiften.`,
        `Verified: ${what('en')} within the association’s activities. The representative’s age is not given and must be weighed, so an officer needs to assess the item.`,
      )
    case 'verified': {
      const base = t(
        `Verifierat: ${what('sv')} inom föreningens verksamhet. Demokrativillkoret är inte uppfyllt.`,
        `Verified: ${what('en')} within the association’s activities. The democracy condition is not met.`,
      )
      if (!WITHDRAW_ALL_SUPPORT.has(conduct)) return base
      return t(
        `${base.sv} Allt stöd dras in: en förening som uppmuntrar till eller stödjer våldsbejakande extremism ska fråntas allt stöd den har från staden.`,
        `${base.en} All support is withdrawn: an association that encourages or supports violent extremism loses all the support it has from the city.`,
      )
    }
  }
}

type ReasonTable = Record<EvidenceCase, Record<Conduct, Record<Actor, Record<EvidenceSourceKind, LocalizedText>>>>

/** Every evidence reason, built once: screening looks reasons up instead of writing them. */
const EVIDENCE_REASONS: ReasonTable = (() => {
  const table = {} as Record<string, Record<string, Record<string, Record<string, LocalizedText>>>>
  for (const c of EVIDENCE_CASES) {
    table[c] = {}
    for (const conduct of CONDUCTS) {
      table[c]![conduct] = {}
      for (const actor of ACTORS) {
        const bySource: Record<string, LocalizedText> = {}
        for (const source of EVIDENCE_SOURCE_KINDS) bySource[source] = evidenceReason(c, conduct, actor, source)
        table[c]![conduct]![actor] = Object.freeze(bySource)
      }
    }
  }
  return table as ReasonTable
})()

/** How an evidence item counts on a date: the case that decides its status and reason. */
export function evidenceCase(e: Application['evidence'][number], on: string): EvidenceCase {
  if (!e.withinActivities) return 'outside-activities'
  if (e.date > on) return 'after-screening-date'
  if (!e.verified) return 'unverified'
  if (e.actor === 'representative') {
    if (e.representativeAge === undefined) return 'age-unknown'
    if (e.representativeAge < 18) return 'minor'
  }
  return 'verified'
}

const democracy: RuleDefinition = {
  id: 'democracy-condition',
  title: t(
    'Demokrativillkoret: inget stöd till den som inte står bakom demokratins grunder',
    'The democracy condition: no support to anyone who does not stand behind the foundations of democracy',
  ),
  heading: t('Demokrativillkoret', 'The democracy condition'),
  kind: 'democracy',
  appliesTo: 'all',
  effective: { from: '2016-05-16' },
  sources: DEMOCRACY_SOURCES,
  compile(rule) {
    const { id, kind, sources } = rule
    return (app, on, out) => {
      const evidence = app.evidence
      for (let i = 0; i < evidence.length; i++) {
        const e = evidence[i]!
        const c = evidenceCase(e, on)
        out.push({
          ruleId: id,
          kind,
          status: CASE_STATUS[c],
          reason: EVIDENCE_REASONS[c][e.conduct][e.actor][e.source.kind],
          evidenceIds: [e.id],
          sources,
        })
      }
    }
  },
}

/** The city-wide rules with their own sources and effective dates. */
export const CITY_RULES: readonly RuleDefinition[] = Object.freeze([declaration, earlierGrants, democracy])

const HEADINGS: ReadonlyMap<string, LocalizedText> = new Map(
  [...PROGRAMME_RULE_TEMPLATES, ...CITY_RULES].map((r) => [r.id, r.heading ?? r.title] as const),
)

/** The heading a decision letter uses for a rule: its short heading, or its title. */
export function ruleHeading(ruleId: string): LocalizedText | undefined {
  return HEADINGS.get(ruleId)
}

/** The rules every programme gets, instantiated for one programme. */
export function programmeRules(programme: Programme): RuleDefinition[] {
  const appliesTo = Object.freeze([programme.id])
  return PROGRAMME_RULE_TEMPLATES.filter((tpl) => tpl.appliesToProgramme(programme)).map((tpl) =>
    Object.freeze({
      id: tpl.id,
      title: tpl.title,
      kind: tpl.kind,
      appliesTo,
      effective: programme.effective,
      sources: programme.sources,
      compile: tpl.compile,
    }),
  )
}

/** Strips the evaluator: the rule as plain data. */
export function ruleData(rule: Rule): Rule {
  const { id, title, kind, appliesTo, effective, sources } = rule
  return Object.freeze({ id, title, kind, appliesTo, effective, sources })
}
