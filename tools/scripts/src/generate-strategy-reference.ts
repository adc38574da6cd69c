/**
 * Renders docs/reference/strategy.md from `@vbe/core/strategy`: every guideline,
 * perspective, risk, measure, directive point, actor, responsibility and threat
 * environment, each with its id, Swedish and English text and its source.
 *
 *   npm run docs          (from the repository root; writes the file)
 *
 * The output is deterministic (no dates or times of the run), so the test in
 * test/strategy-reference.test.ts can compare the committed file with a fresh render.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { SOURCE_DOCUMENTS, type LocalizedText, type Source } from '@vbe/core'
import {
  actors,
  directivePoints,
  guidelines,
  LEVELS,
  measures,
  measuresOwnedAt,
  perspectives,
  responsibilities,
  risks,
  targetOf,
  threatEnvironments,
  unownedMeasures,
  type Level,
  type Responsibility,
  type ResponsibilityTarget,
} from '@vbe/core/strategy'

/** The repository root (this file is tools/scripts/src/generate-strategy-reference.ts). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Where the reference is written, relative to the repository root. */
export const STRATEGY_REFERENCE_PATH = 'docs/reference/strategy.md'

export const REGENERATE_COMMAND = 'npm run docs'

const GENERATOR = 'tools/scripts/src/generate-strategy-reference.ts'

// ---------------------------------------------------------------------------
// Markdown helpers
// ---------------------------------------------------------------------------

/** Escapes text so Markdown shows it literally (emphasis, code, links, HTML, table pipes). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ')
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``

/** A GitHub-style heading anchor for a heading text. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-')

function sourceLine(source: Source): string {
  return `${code(source.document)}, section “${escapeMarkdown(source.section)}”, dated ${source.date}`
}

interface ItemLike {
  readonly id: string
  readonly title: LocalizedText
  readonly description: LocalizedText
  readonly source: Source
}

interface ExtraField {
  readonly sv: string
  readonly en: string
  readonly value: LocalizedText
}

/** One strategy item: heading with id and English title, then sv/en title and description, extras and source. */
function renderItem(item: ItemLike, level: '###' | '####', extras: readonly ExtraField[] = [], facts: readonly string[] = []): string[] {
  return [
    `${level} ${item.id}: ${escapeMarkdown(item.title.en)}`,
    '',
    `- **Titel (sv):** ${escapeMarkdown(item.title.sv)}`,
    `- **Title (en):** ${escapeMarkdown(item.title.en)}`,
    `- **Beskrivning (sv):** ${escapeMarkdown(item.description.sv)}`,
    `- **Description (en):** ${escapeMarkdown(item.description.en)}`,
    ...extras.flatMap((extra) => [
      `- **${extra.sv} (sv):** ${escapeMarkdown(extra.value.sv)}`,
      `- **${extra.en} (en):** ${escapeMarkdown(extra.value.en)}`,
    ]),
    ...facts.map((fact) => `- ${fact}`),
    `- **Source:** ${sourceLine(item.source)}`,
    '',
  ]
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), '']
}

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

const LEVEL_NAMES: Record<Level, string> = {
  central: 'Central level (the City Executive Board and the central committees)',
  district: 'District level (the district committees)',
  company: 'Company level (the city’s housing companies)',
  partner: 'Partners outside the city',
}

const TARGET_KIND_ORDER: Record<ResponsibilityTarget['kind'], number> = { guideline: 0, measure: 1, 'directive-point': 2 }
const ROLE_ORDER: Record<Responsibility['role'], number> = { owns: 0, contributes: 1 }

/** Code-unit order: the same on every machine, whatever its locale or ICU data. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Responsibilities in a stable reading order: by target (G, M, D, then number), owners first, then actor. */
function sortedResponsibilities(): Responsibility[] {
  const number = (id: string) => Number(id.slice(1))
  return [...responsibilities].sort(
    (a, b) =>
      TARGET_KIND_ORDER[a.target.kind] - TARGET_KIND_ORDER[b.target.kind] ||
      number(a.target.id) - number(b.target.id) ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      compareText(a.actorId, b.actorId) ||
      compareText(a.id, b.id),
  )
}

interface Section {
  readonly title: string
  readonly lines: readonly string[]
}

function guidelineSection(): Section {
  return {
    title: `Guidelines (${guidelines.ids[0]}–${guidelines.ids.at(-1)})`,
    lines: ['The five starting points of the city-wide strategy (*riktlinjer*).', '', ...guidelines.flatMap((g) => renderItem(g, '###'))],
  }
}

function perspectiveSection(): Section {
  return {
    title: `Perspectives (${perspectives.ids[0]}–${perspectives.ids.at(-1)})`,
    lines: [
      'The Social Welfare Committee’s four perspectives (*perspektiv*) in its sub-strategy.',
      '',
      ...perspectives.flatMap((p) => renderItem(p, '###')),
    ],
  }
}

function riskSection(): Section {
  return {
    title: `Risks (${risks.ids[0]}–${risks.ids.at(-1)})`,
    lines: [
      'The risks the work must weigh (*riskperspektiv*), each with what it demands of anyone planning or carrying out work.',
      '',
      ...risks.flatMap((r) => renderItem(r, '###', [{ sv: 'Kräver', en: 'Demands', value: r.demands }])),
    ],
  }
}

function measureSection(): Section {
  return {
    title: `Measures (${measures.ids[0]}–${measures.ids.at(-1)})`,
    lines: ['The new measures (*åtgärder*) in the sub-strategy.', '', ...measures.flatMap((m) => renderItem(m, '###'))],
  }
}

function directivePointSection(): Section {
  return {
    title: `Directive points (${directivePoints.ids[0]}–${directivePoints.ids.at(-1)})`,
    lines: [
      'The points of the City Executive Board’s June 2017 directive for local action plans, each with what a plan must show to meet it.',
      '',
      ...directivePoints.flatMap((d) => renderItem(d, '###', [{ sv: 'Planen ska visa', en: 'Plan must show', value: d.planMustShow }])),
    ],
  }
}

function actorSection(): Section {
  return {
    title: 'Actors',
    lines: [
      'Who does the work, grouped by level.',
      '',
      ...LEVELS.flatMap((level) => {
        const atLevel = actors.filter((a) => a.level === level)
        return [
          `### ${LEVEL_NAMES[level]}`,
          '',
          ...(atLevel.length === 0
            ? ['No actors at this level in the sources.', '']
            : atLevel.flatMap((a) => renderItem(a, '####', [], [`**Kind:** ${a.kind}`, `**Level:** ${a.level}`]))),
        ]
      }),
    ],
  }
}

function targetLabel(target: ResponsibilityTarget): string {
  const item = targetOf(target)
  return `${item.id} ${escapeMarkdown(item.title.en)}`
}

function responsibilitySection(): Section {
  const sorted = sortedResponsibilities()
  return {
    title: 'Responsibilities',
    lines: [
      'Which actor, at which level, owns or contributes to a guideline, measure or directive point, as the sources describe it. Ordered by target.',
      '',
      ...table(
        ['Target', 'Actor', 'Level', 'Role', 'Id'],
        sorted.map((r) => [targetLabel(r.target), escapeMarkdown(actors.byId(r.actorId).title.en), r.level, r.role, code(r.id)]),
      ),
      '### Measures owned at each level',
      '',
      ...LEVELS.map((level) => {
        const owned = measuresOwnedAt(level)
        const list = owned.length === 0 ? 'none' : owned.map((m) => `${m.id} (${escapeMarkdown(m.title.en)})`).join(', ')
        return `- **${level}:** ${list}`
      }),
      '',
      '### Measures with no owner in the sources',
      '',
      'No actor owns these measures in the source documents. The toolkit shows the gap rather than filling it in.',
      '',
      ...(unownedMeasures().length === 0
        ? ['Every measure has an owner.']
        : unownedMeasures().map((m) => `- ${m.id}: ${escapeMarkdown(m.title.en)} (*${escapeMarkdown(m.title.sv)}*)`)),
      '',
      '### Each responsibility',
      '',
      ...sorted.flatMap((r) =>
        renderItem(
          r,
          '####',
          [],
          [
            `**Target:** ${targetLabel(r.target)} (${r.target.kind})`,
            `**Actor:** ${escapeMarkdown(actors.byId(r.actorId).title.en)} (${code(r.actorId)}), level ${r.level}`,
            `**Role:** ${r.role}`,
          ],
        ),
      ),
    ],
  }
}

function threatEnvironmentSection(): Section {
  return {
    title: 'Threat environments',
    lines: [
      'Threat environments are dated, sourced reference data: each records the authority that named it, the date the naming is known to be current as of, and the document that cites it. They are listed in alphabetical order of id and are never ranked, weighted or used by any rule (risks R1 and R3).',
      '',
      ...threatEnvironments.flatMap((t) =>
        renderItem(t, '###', [], [`**Named by:** ${escapeMarkdown(t.namedBy)}`, `**As of:** ${t.asOf}`]),
      ),
    ],
  }
}

function sourceDocumentSection(): Section {
  const files = Object.keys(SOURCE_DOCUMENTS).sort(compareText) as Array<keyof typeof SOURCE_DOCUMENTS>
  return {
    title: 'Source documents',
    lines: [
      'The public documents of the City of Stockholm the content above is taken from. Each source above names one of these files, a section in it and its date.',
      '',
      ...files.flatMap((file) => {
        const doc = SOURCE_DOCUMENTS[file]
        return [
          `### ${code(file)}`,
          '',
          `- **Titel (sv):** ${escapeMarkdown(doc.title.sv)}`,
          `- **Title (en):** ${escapeMarkdown(doc.title.en)}`,
          `- **Publisher:** ${escapeMarkdown(doc.publisher)}`,
          `- **Date:** ${doc.date}`,
          '',
        ]
      }),
    ],
  }
}

// ---------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------

/** The whole reference as Markdown. Pure and deterministic: the same data gives the same text. */
export function renderStrategyReference(): string {
  const sections = [
    guidelineSection(),
    perspectiveSection(),
    riskSection(),
    measureSection(),
    directivePointSection(),
    actorSection(),
    responsibilitySection(),
    threatEnvironmentSection(),
    sourceDocumentSection(),
  ]
  const lines = [
    `<!-- GENERATED FILE: do not edit by hand. Generated from @vbe/core/strategy by ${GENERATOR}. Regenerate with: ${REGENERATE_COMMAND} -->`,
    '',
    '# Strategy reference',
    '',
    `> **This file is generated. Do not edit it by hand.** It is rendered from the data in \`@vbe/core/strategy\` (\`packages/core/src/strategy/\`) by \`${GENERATOR}\`. Change the data there, then regenerate this file with \`${REGENERATE_COMMAND}\` from the repository root. A test fails while the committed file differs from a fresh render.`,
    '',
    'Every item shows its id, its Swedish and English title and description, and its source: the document, the section in it and the document’s date.',
    '',
    '## Contents',
    '',
    ...sections.map((s) => `- [${s.title}](#${anchor(s.title)})`),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.lines]),
  ]
  // One blank line between blocks, and a single newline at the end.
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`
}

/** Renders the reference and writes it to docs/reference/strategy.md under the repository root. */
export function writeStrategyReference(root: string = repoRoot): { path: string; text: string } {
  const path = resolve(root, STRATEGY_REFERENCE_PATH)
  const text = renderStrategyReference()
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  return { path, text }
}

// Run as a script (`npm run docs`): write the file wherever the command was started from.
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href
if (isMain) {
  const { path, text } = writeStrategyReference()
  const lines = text.split('\n').length - 1
  console.log(`Wrote ${relative(repoRoot, path)} (${lines} lines, ${Buffer.byteLength(text)} bytes) from @vbe/core/strategy.`)
}
