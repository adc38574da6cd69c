import { diagnosed, diagnoseWith, parseOrThrow, requireShapes } from '../shared/index.js'
import { districtPluginSchema, type DistrictPlugin } from '../plugins/schemas.js'
import { directivePoints, guidelines, measures, perspectives } from '../strategy/index.js'
import { templateSchema, type Template } from './schemas.js'

/**
 * `strategy-2016`: the city-wide strategy's guidelines (adopted by the City Council on
 * 2016-05-16 as guidelines to the safety programme) with the Social Welfare Committee's
 * perspectives and measures. A plan covers an item by naming it on an activity.
 */
export const strategy2016: Template = parseOrThrow(
  templateSchema,
  {
    id: 'strategy-2016',
    version: '2016-05-16',
    title: { sv: 'Stadens strategi mot våldsbejakande extremism', en: 'The city strategy against violent extremism' },
    description: {
      sv: 'Riktlinjerna G1–G5, perspektiven P1–P4 och åtgärderna M1–M12. Kommunfullmäktige antog strategin 2016-05-16.',
      en: 'Guidelines G1–G5, perspectives P1–P4 and measures M1–M12. The City Council adopted the strategy on 2016-05-16.',
    },
    source: { document: 'rinkeby-kista-protokoll-2017-09-21-par10.txt', section: 'Reservation 2 (L), inledning', date: '2017-09-21' },
    items: [
      ...guidelines.map((g) => ({
        id: g.id,
        kind: 'guideline' as const,
        title: g.title,
        asks: {
          sv: `Aktiviteter som arbetar mot riktlinjen, med minst en effektindikator.`,
          en: `Activities working towards the guideline, with at least one effect indicator.`,
        },
      })),
      ...perspectives.map((p) => ({
        id: p.id,
        kind: 'perspective' as const,
        title: p.title,
        asks: { sv: 'Hur planen arbetar utifrån perspektivet.', en: 'How the plan works from this perspective.' },
      })),
      ...measures.map((m) => ({ id: m.id, kind: 'measure' as const, title: m.title, asks: m.description })),
    ],
  },
  'Template strategy-2016',
)

/** `directive-2017`: the twelve points of the Executive Board's June 2017 directive, D1–D12. */
export const directive2017: Template = parseOrThrow(
  templateSchema,
  {
    id: 'directive-2017',
    version: '2017-06',
    title: { sv: 'Kommunstyrelsens direktiv, juni 2017 (tolv punkter)', en: 'The Executive Board’s directive, June 2017 (twelve points)' },
    description: {
      sv: 'De tolv punkterna som de lokala handlingsplanerna ska hantera, som de återges i reservationerna till Rinkeby-Kista stadsdelsnämnds protokoll 2017-09-21 §10.',
      en: 'The twelve points the local action plans must address, as listed in the reservations to Rinkeby-Kista district committee’s minutes of 2017-09-21 §10.',
    },
    source: { document: 'rinkeby-kista-protokoll-2017-09-21-par10.txt', section: 'Reservation 2 (L), punkt 1–12', date: '2017-09-21' },
    items: directivePoints.map((d) => ({ id: d.id, kind: 'directive-point' as const, title: d.title, asks: d.planMustShow })),
  },
  'Template directive-2017',
)

/**
 * A template of a district plugin's own plan sections (`plugin:<id>`). A plan covers a
 * section by answering it in `plan.sections` or naming it on an activity.
 */
export function pluginTemplate(plugin: DistrictPlugin): Template | undefined {
  requireShapes('Plugin template', [['plugin', plugin, 'object']])
  return diagnosed(
    () => templateOf(plugin),
    () => diagnoseWith(districtPluginSchema, plugin, 'Plugin template', 'plugin'),
  )
}

function templateOf(plugin: DistrictPlugin): Template | undefined {
  if (plugin.planSections.length === 0) return undefined
  const first = plugin.planSections[0]!
  return parseOrThrow(
    templateSchema,
    {
      id: `plugin:${plugin.id}`,
      version: `plugin:${plugin.id}`,
      title: { sv: `Lokala avsnitt: ${plugin.name.sv}`, en: `Local sections: ${plugin.name.en}` },
      description: {
        sv: `Avsnitt som ${plugin.name.sv} lägger till i sin handlingsplan.`,
        en: `Sections ${plugin.name.en} adds to its action plan.`,
      },
      source: first.source,
      items: plugin.planSections.map((s) => ({ id: s.id, kind: 'section' as const, title: s.title, asks: s.asks })),
    },
    `Template plugin:${plugin.id}`,
  )
}

/** The core templates, plus the district's own sections when its plugin is given. */
export function templatesFor(plugin?: DistrictPlugin): Template[] {
  const local = plugin ? pluginTemplate(plugin) : undefined
  return local ? [strategy2016, directive2017, local] : [strategy2016, directive2017]
}
