import { Option, type Command } from 'commander'
import type { Locale, LocalizedText } from '@vbe/core'
import { actors, responsibilities, strategy, type Strategy } from '@vbe/core/strategy'
import type { Io } from '../io.js'
import { renderTable } from '../table.js'

export const SECTIONS = Object.keys(strategy) as Array<keyof Strategy>

const HEADINGS: Record<keyof Strategy, LocalizedText> = {
  guidelines: { sv: 'Riktlinjer', en: 'Guidelines' },
  perspectives: { sv: 'Perspektiv', en: 'Perspectives' },
  risks: { sv: 'Risker', en: 'Risks' },
  measures: { sv: 'Åtgärder', en: 'Measures' },
  directivePoints: { sv: 'Direktivets punkter (juni 2017)', en: 'Directive points (June 2017)' },
  actors: { sv: 'Aktörer', en: 'Actors' },
  responsibilities: { sv: 'Ansvar', en: 'Responsibilities' },
  threatEnvironments: {
    sv: 'Hotmiljöer (referensdata, daterade, aldrig rangordnade)',
    en: 'Threat environments (reference data, dated, never ranked)',
  },
}

const COLUMNS = {
  sv: { id: 'Id', title: 'Titel', source: 'Källa', level: 'Nivå', role: 'Roll', actor: 'Aktör', target: 'Gäller' },
  en: { id: 'Id', title: 'Title', source: 'Source', level: 'Level', role: 'Role', actor: 'Actor', target: 'Applies to' },
} as const

const LEVELS = {
  central: { sv: 'central', en: 'central' },
  district: { sv: 'stadsdel', en: 'district' },
  company: { sv: 'bolag', en: 'company' },
  partner: { sv: 'partner', en: 'partner' },
} as const
const ROLES = { owns: { sv: 'ansvarar', en: 'owns' }, contributes: { sv: 'bidrar', en: 'contributes' } } as const

type Item = { id: string; title: LocalizedText; source: { document: string; section: string; date: string } }

/** Replaces every `{ sv, en }` pair with the text in one language. */
export function localize(value: unknown, lang: Locale): unknown {
  if (Array.isArray(value)) return value.map((v) => localize(v, lang))
  if (value && typeof value === 'object') {
    const keys = Object.keys(value)
    if (keys.length === 2 && keys.includes('sv') && keys.includes('en')) return (value as LocalizedText)[lang]
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, lang)]))
  }
  return value
}

export function renderStrategyTable(lang: Locale, sections: ReadonlyArray<keyof Strategy> = SECTIONS): string {
  const c = COLUMNS[lang]
  const source = (i: Item) => `${i.source.document} · ${i.source.section} · ${i.source.date}`
  const blocks = sections.map((section) => {
    const items = strategy[section] as ReadonlyArray<Item>
    const heading = `${HEADINGS[section][lang]} (${items.length})`
    let table: string
    if (section === 'responsibilities') {
      table = renderTable(
        [c.target, c.actor, c.level, c.role],
        responsibilities.map((r) => [r.target.id, actors.byId(r.actorId).title[lang], LEVELS[r.level][lang], ROLES[r.role][lang]]),
        [8, 48, 10, 12],
      )
    } else if (section === 'actors') {
      table = renderTable(
        [c.id, c.title, c.level],
        actors.map((a) => [a.id, a.title[lang], LEVELS[a.level][lang]]),
        [30, 60, 10],
      )
    } else {
      table = renderTable(
        [c.id, c.title, c.source],
        items.map((i) => [i.id, i.title[lang], source(i)]),
        [28, 56, 60],
      )
    }
    return `${heading}\n${'='.repeat(heading.length)}\n${table}`
  })
  return blocks.join('\n')
}

export function registerStrategy(program: Command, io: Io): void {
  program
    .command('strategy')
    .description(
      'print the city strategy: guidelines, perspectives, risks, measures, directive points, actors, responsibilities and threat environments',
    )
    .addOption(new Option('--lang <lang>', 'language of the texts').choices(['sv', 'en']).default('sv'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('--only <section>', 'print one section only').choices(SECTIONS))
    .addHelpText(
      'after',
      `
Examples:
  vbe strategy                         all sections as tables, in Swedish
  vbe strategy --lang en --only risks  the risks, in English
  vbe strategy --format json           everything as JSON, both languages
  vbe strategy --format json --lang en everything as JSON, English texts only`,
    )
    .action(function (this: Command, opts: { lang: Locale; format: 'table' | 'json'; only?: keyof Strategy }) {
      const sections = opts.only ? [opts.only] : SECTIONS
      if (opts.format === 'json') {
        const data = Object.fromEntries(sections.map((s) => [s, strategy[s]]))
        const explicitLang = this.getOptionValueSource('lang') === 'cli'
        io.out(`${JSON.stringify(explicitLang ? localize(data, opts.lang) : data, null, 2)}\n`)
      } else {
        io.out(renderStrategyTable(opts.lang, sections))
      }
    })
}
