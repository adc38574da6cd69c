import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { sharedContacts, type Contact } from '@vbe/core/plugins'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { missingKeys } from '@vbe/ui'
import { messages } from '@vbe/ui/messages'
import { buildWidget, StaleDataError } from '../src/build.js'
import { allPublishedContacts, districtContent } from '../src/content.js'
import { checkFreshness } from '../src/freshness.js'
import { verifyDistrictFile } from '../src/data-file.js'
import { generateSigningKey, publicKeyRaw, signDistrict } from '../src/signing.js'
import { fallbackHtml, firstScreenFiles, makeSnippet } from '../src/snippet.js'

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const run = promisify(execFile)

const contact = (id: string, verifiedOn: string): Contact => ({
  id,
  kind: 'relatives-support',
  name: { sv: id, en: id },
  phone: '112',
  audience: { sv: 'x', en: 'x' },
  source: { url: 'https://example.org/', verifiedOn },
})

describe('content', () => {
  it('orders shared and district contacts; never invents a missing category', () => {
    const d = districtContent(norrmalm)
    expect(d.contacts.map((c) => c.kind)).toEqual([
      'emergency',
      'police',
      'municipal-entry',
      'social-services',
      'relatives-support',
      'victim-support',
    ])
    expect(d.notice?.en).toContain('Norra innerstaden')
  })

  it('drops a contact without a source', () => {
    const sourceless = { ...contact('no-source', '2026-01-01'), source: undefined } as unknown as Contact
    const d = districtContent({ ...norrmalm, contacts: [...norrmalm.contacts, sourceless] })
    expect(d.contacts.map((c) => c.id)).not.toContain('no-source')
  })

  it('rejects a district contact whose id clashes with a shared one', () => {
    expect(() => districtContent({ ...norrmalm, contacts: [sharedContacts[0]!] })).toThrow(/clashes/)
  })
})

describe('freshness: the release check', () => {
  const fixture = [contact('fresh', '2026-06-01'), contact('stale', '2025-10-31'), contact('edge', '2025-11-22')]

  it('counts twelve calendar months: current through the same day a year later, stale the day after', () => {
    const staleIds = (today: string, ...checked: string[]) =>
      checkFreshness(
        checked.map((d) => contact(d, d)),
        { today, release: false },
      ).stale.map((s) => s.id)
    expect(staleIds('2026-11-22', '2025-11-21', '2025-11-22')).toEqual(['2025-11-21'])
    // From 29 February, twelve months end on 28 February.
    expect(staleIds('2025-02-28', '2024-02-27', '2024-02-28', '2024-02-29')).toEqual(['2024-02-27'])
    expect(staleIds('2025-03-01', '2024-02-29', '2024-03-01')).toEqual(['2024-02-29'])
    // Checked on 28 February 2023, a year and a day before 29 February 2024.
    expect(staleIds('2024-02-29', '2023-02-28', '2023-03-01')).toEqual(['2023-02-28'])
  })

  it('in release mode, a contact verified more than 12 months ago fails the check', () => {
    const r = checkFreshness(fixture, { today: '2026-11-22', release: true })
    expect(r.ok).toBe(false)
    expect(r.stale).toEqual([{ id: 'stale', verifiedOn: '2025-10-31' }])
    expect(r.messages[0]).toMatch(/^error: contact "stale"/)
  })

  it('in development it is only a warning', () => {
    const r = checkFreshness(fixture, { today: '2026-11-22', release: false })
    expect(r.ok).toBe(true)
    expect(r.messages[0]).toMatch(/^warning: contact "stale"/)
  })

  it('the current data is fresh', () => {
    expect(checkFreshness(allPublishedContacts(), { today: '2026-11-22', release: true }).stale).toEqual([])
  })

  it('a release build with stale data fails; a development build warns and succeeds', async () => {
    const lines: string[] = []
    const outDir = join(appRoot, '.reports/tmp-stale-build')
    await expect(buildWidget({ outDir, today: '2028-01-01', release: true, log: (l) => lines.push(l) })).rejects.toBeInstanceOf(
      StaleDataError,
    )
    const dev = await buildWidget({ outDir, today: '2028-01-01', release: false, log: (l) => lines.push(l) })
    expect(dev.warnings.length).toBe(allPublishedContacts().length)
    expect(lines.some((l) => l.startsWith('warning:'))).toBe(true)
    await rm(outDir, { recursive: true, force: true })
  })

  it('`npm run release-check` (VBE_RELEASE=1) exits 1 on stale data and 0 on fresh; without VBE_RELEASE it warns', async () => {
    const tsx = join(appRoot, '../../node_modules/.bin/tsx')
    const args = ['--conditions=@vbe/source', 'scripts/check-freshness.ts', '--today']
    const opts = (release: boolean) => ({ cwd: appRoot, env: { ...process.env, VBE_RELEASE: release ? '1' : '' } })
    await expect(run(tsx, [...args, '2028-01-01'], opts(true))).rejects.toMatchObject({ code: 1 })
    const fresh = await run(tsx, [...args, '2026-12-01'], opts(true))
    expect(fresh.stdout).toContain('0 older than 12 months')
    const dev = await run(tsx, [...args, '2028-01-01'], opts(false))
    expect(dev.stderr).toContain('warning:')
  }, 60_000)
})

describe('snippet', () => {
  const chain = [['sv', messages.sv] as const, ['en', messages.en] as const]
  it('escapes everything as text', () => {
    const d = districtContent({ ...norrmalm, name: { sv: '<b>', en: '<b>' }, notice: { sv: '<script>alert(1)</script>', en: 'x' } })
    const html = makeSnippet({
      scriptUrl: 'https://w.example/vbe-info.js?a=1&b="2"',
      integrity: 'sha384-abc',
      district: d,
      lang: 'sv',
      messages: chain,
    })
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('src="https://w.example/vbe-info.js?a=1&amp;b=&quot;2&quot;"')
    expect(html).not.toContain('<script>alert')
  })

  it("carries the first screen's files inline, as published: the signed district file, the language and its fallbacks", async () => {
    const d = districtContent({ ...norrmalm, name: { sv: '</template><img src=x onerror=alert(1)>', en: 'a & b' } })
    const key = generateSigningKey()
    const file = signDistrict(d, key)
    const html = makeSnippet({
      scriptUrl: '/vbe-info.js',
      integrity: 'sha384-abc',
      district: d,
      districtFile: file,
      lang: 'sv',
      messages: chain,
    })
    const inline = /<template>([^<]*)<\/template>\n<\/vbe-info>$/.exec(html)?.[1]
    expect(inline, html.slice(-300)).toBeDefined()
    const files = JSON.parse(inline ?? '{}') as Record<string, string>
    expect(files).toEqual({ 'districts/norrmalm.json': file, 'i18n/sv.json': JSON.stringify(messages.sv) })
    expect((await verifyDistrictFile(files['districts/norrmalm.json'] ?? '', publicKeyRaw(key), 'norrmalm'))?.district).toEqual(d)
    // a language that lacks texts: the widget loads English after it, so English comes inline too
    const partial = { title: 'x' }
    expect(missingKeys(partial).length).toBeGreaterThan(0)
    expect(
      firstScreenFiles('norrmalm', file, [
        ['fa', partial],
        ['en', messages.en],
        ['sv', messages.sv],
      ]),
    ).toEqual({ 'districts/norrmalm.json': file, 'i18n/fa.json': JSON.stringify(partial), 'i18n/en.json': JSON.stringify(messages.en) })
  })

  it('without a district file the snippet carries no template (the widget fetches its data)', () => {
    const d = districtContent(norrmalm)
    const html = makeSnippet({ scriptUrl: '/vbe-info.js', integrity: 'sha384-abc', district: d, lang: 'sv', messages: chain })
    expect(html).not.toContain('<template>')
    expect(html).toMatch(/<\/div>\n<\/vbe-info>$/)
  })

  it("the fallback lists every contact with its source, in the reader's language; an untranslated one is marked as English", () => {
    const fa = [['fa', messages.fa] as const, ['en', messages.en] as const]
    const html = fallbackHtml(districtContent(norrmalm), 'fa', fa)
    expect(html).toContain('<div lang="fa" dir="rtl">')
    expect(html).toContain('<strong>شماره اضطراری 112</strong>')
    expect((html.match(/<small>/g) ?? []).length).toBe(districtContent(norrmalm).contacts.length)
    const untranslated = fallbackHtml(districtContent(norrmalm, undefined, { shared: { contacts: {} }, districts: {} }), 'fa', fa)
    expect(untranslated).toContain('<strong lang="en" dir="ltr">Emergency number 112</strong>')
  })

  it('the fallback keeps a number written in groups left to right inside right-to-left text, as the widget does', () => {
    const ar = [['ar', messages.ar] as const, ['en', messages.en] as const]
    const html = fallbackHtml(districtContent(norrmalm), 'ar', ar)
    expect(html).toContain('<strong>الشرطة، <bdi dir="ltr">114 14</bdi></strong>')
    expect(html).toMatch(/ <bdi dir="ltr">\d{4}-\d\d-\d\d<\/bdi><\/small>/)
    // left-to-right text needs no isolation: the Swedish list is as before
    const sv = fallbackHtml(districtContent(norrmalm), 'sv', chain)
    expect(sv).toContain('<strong>Polisen 114 14</strong>')
  })
})
