import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LANGUAGES } from '@vbe/ui'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { rinkebyKista } from '@vbe/plugin-rinkeby-kista'
import { buildWidget, type BuildResult } from '../src/build.js'
import { unverifiedPayload, verifyDistrictFile } from '../src/data-file.js'
import { generateSigningKey, publicKeyRaw } from '../src/signing.js'

/** The budgets from issues 6 and 18 (14 KB with the signature check), in bytes after gzip (zlib's default level, as servers use). */
export const BUDGET = { embedJs: 14_000, languageFile: 3_000 } as const

const key = generateSigningKey()
let out: string
let result: BuildResult
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'vbe-widget-build-'))
  result = await buildWidget({ outDir: out, log: () => {}, signingKey: key })
})
afterAll(() => rm(out, { recursive: true, force: true }))

describe('size check (the production build, real districts)', () => {
  it(`the embed JS is at most ${BUDGET.embedJs} bytes gzipped`, async () => {
    const js = await readFile(join(out, 'widget/vbe-info.js'))
    const gz = gzipSync(js).length
    console.log(`vbe-info.js: ${js.length} bytes, ${gz} gzipped (budget ${BUDGET.embedJs})`)
    expect(gz).toBeLessThanOrEqual(BUDGET.embedJs)
  })

  it.each(LANGUAGES)(`i18n/%s.json is at most ${BUDGET.languageFile} bytes gzipped`, async (lang) => {
    const gz = gzipSync(await readFile(join(out, `widget/i18n/${lang}.json`))).length
    expect(gz).toBeLessThanOrEqual(BUDGET.languageFile)
  })

  it('the embed JS carries no language texts and no React (preact/compat stands in)', async () => {
    const js = await readFile(join(out, 'widget/vbe-info.js'), 'utf8')
    expect(js).not.toContain('våldsbejakande')
    expect(js).not.toContain('violent extremism')
    expect(js).not.toContain('react.dev')
    expect(js).not.toContain('__SECRET_INTERNALS')
  })
})

describe('build output', () => {
  it("SRI hashes match the files; the language files' hashes are built into the script", async () => {
    const js = await readFile(join(out, 'widget/vbe-info.js'), 'utf8')
    expect(result.files['vbe-info.js']?.integrity).toBe(`sha384-${createHash('sha384').update(js).digest('base64')}`)
    for (const path of LANGUAGES.map((l) => `i18n/${l}.json`)) {
      const sha256 = createHash('sha256')
        .update(await readFile(join(out, 'widget', path)))
        .digest('base64')
      expect(js, path).toContain(`"${path}":"sha256-${sha256}"`)
    }
  })

  it('the script carries no district hashes (district files are signed instead, and it does not grow with each district)', async () => {
    const js = await readFile(join(out, 'widget/vbe-info.js'), 'utf8')
    expect(js).not.toMatch(/"districts\/[^"]*":"sha/)
    for (const id of ['norrmalm', 'rinkeby-kista']) expect(result.files[`districts/${id}.json`]?.integrity).toMatch(/^sha384-/)
  })

  it('district files are signed with the key whose public half is built into the script; new contact data, same script', async () => {
    const js = await readFile(join(out, 'widget/vbe-info.js'), 'utf8')
    const pub = publicKeyRaw(key)
    expect(js).toContain(`"${pub}"`)
    const file = await readFile(join(out, 'widget/districts/rinkeby-kista.json'), 'utf8')
    expect((await verifyDistrictFile(file, pub, 'rinkeby-kista'))?.district.id).toBe('rinkeby-kista')
    const again = await mkdtemp(join(tmpdir(), 'vbe-widget-build-'))
    try {
      const changed = { ...rinkebyKista, contacts: rinkebyKista.contacts.map((c) => ({ ...c, phone: '08-508 99 999' })) }
      const second = await buildWidget({ outDir: again, log: () => {}, signingKey: key, plugins: [norrmalm, changed] })
      expect(second.files['vbe-info.js']?.integrity).toBe(result.files['vbe-info.js']?.integrity)
      const body = await verifyDistrictFile(
        await readFile(join(again, 'widget/districts/rinkeby-kista.json'), 'utf8'),
        pub,
        'rinkeby-kista',
      )
      expect(body?.district.contacts.map((c) => c.phone)).toContain('08-508 99 999')
    } finally {
      await rm(again, { recursive: true, force: true })
    }
  })

  it("the demo snippet carries its first screen's data inline: the published files, as inert text", async () => {
    const html = await readFile(join(out, 'demo/rinkeby-kista.html'), 'utf8')
    const inline = /<vbe-info [^>]*>[^]*<template>([^<]*)<\/template>\s*<\/vbe-info>/.exec(html)?.[1]
    expect(inline).toBeDefined()
    expect(inline).not.toMatch(/[<>&]/)
    const files = JSON.parse(inline ?? '{}') as Record<string, unknown>
    expect(Object.keys(files).sort()).toEqual(['districts/rinkeby-kista.json', 'i18n/sv.json'])
    for (const [path, text] of Object.entries(files)) expect(text, path).toBe(await readFile(join(out, 'widget', path), 'utf8'))
  })

  it('no page has inline script or style (strict CSP)', async () => {
    for (const dir of ['demo', 'generator', 'tillganglighet']) {
      for (const name of await readdir(join(out, dir))) {
        const html = await readFile(join(out, dir, name), 'utf8')
        expect(html, name).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i)
        expect(html, name).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i)
      }
    }
  })

  it('the demo host page embeds the widget with its SRI hash and a light-DOM fallback', async () => {
    const html = await readFile(join(out, 'demo/rinkeby-kista.html'), 'utf8')
    expect(html).toContain(`integrity="${result.files['vbe-info.js']?.integrity}"`)
    expect(html).toMatch(/<vbe-info district="rinkeby-kista" lang="sv">\s*<div lang="sv" dir="ltr">/)
    expect(html).toContain('<a href="tel:112">Ring <bdi dir="ltr">112</bdi></a>')
  })

  it('district data holds only sourced contacts, ordered, with no exit-support contact invented', async () => {
    const d = unverifiedPayload(await readFile(join(out, 'widget/districts/rinkeby-kista.json'), 'utf8')).district
    expect(d.contacts.map((c) => c.kind)).toEqual([
      'emergency',
      'police',
      'municipal-entry',
      'social-services',
      'relatives-support',
      'victim-support',
    ])
    expect(d.contacts.every((c) => c.source.url.startsWith('https://') && /^\d{4}-\d{2}-\d{2}$/.test(c.source.verifiedOn))).toBe(true)
  })
})
