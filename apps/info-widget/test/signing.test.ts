import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { norrmalm } from '@vbe/plugin-norrmalm'
import { buildWidget, FeedbackRouteError } from '../src/build.js'
import { districtContent } from '../src/content.js'
import { isStale, unverifiedPayload, verifyDistrictFile } from '../src/data-file.js'
import { generateSigningKey, oldestCheck, publicKeyRaw, resolveSigningKey, signDistrict, SigningKeyError } from '../src/signing.js'

const district = districtContent(norrmalm)
const key = generateSigningKey()
const pub = publicKeyRaw(key)

describe('signed district files (checked with WebCrypto, as the widget does)', () => {
  it('a file signed with the key verifies and gives back the district, its signing time and its oldest check', async () => {
    const file = signDistrict(district, key, new Date('2026-12-01T10:00:00Z'))
    const body = await verifyDistrictFile(file, pub, 'norrmalm')
    expect(body).toEqual({ issued: '2026-12-01T10:00:00.000Z', checked: oldestCheck(district), district })
    expect(oldestCheck(district)).toBe(district.contacts.map((c) => c.source.verifiedOn).sort()[0])
  })

  it('an altered payload, a swapped signature, another key, another district or no signature: refused', async () => {
    const file = signDistrict(district, key)
    const { payload, sig } = JSON.parse(file) as { payload: string; sig: string }
    const altered = JSON.stringify({ payload: payload.replace('112', '113'), sig })
    expect(payload).toContain('112')
    expect(await verifyDistrictFile(altered, pub, 'norrmalm')).toBeUndefined()
    const other = JSON.parse(signDistrict(districtContent({ ...norrmalm, id: 'other' }), key)) as { sig: string }
    expect(await verifyDistrictFile(JSON.stringify({ payload, sig: other.sig }), pub, 'norrmalm')).toBeUndefined()
    expect(await verifyDistrictFile(file, publicKeyRaw(generateSigningKey()), 'norrmalm')).toBeUndefined()
    expect(await verifyDistrictFile(file, pub, 'rinkeby-kista')).toBeUndefined()
    expect(await verifyDistrictFile(JSON.stringify(district), pub, 'norrmalm')).toBeUndefined()
    expect(await verifyDistrictFile('not json', pub, 'norrmalm')).toBeUndefined()
    expect(unverifiedPayload(file).district).toEqual(district)
  })

  it('the key comes from VBE_WIDGET_SIGNING_KEY or _FILE; otherwise a development key is made once and reused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vbe-key-'))
    try {
      const pem = key.export({ type: 'pkcs8', format: 'pem' }).toString()
      const fromEnv = await resolveSigningKey({ VBE_WIDGET_SIGNING_KEY: pem }, join(dir, 'dev.pem'))
      expect({ pub: publicKeyRaw(fromEnv.key), development: fromEnv.development }).toEqual({ pub, development: false })
      const dev1 = await resolveSigningKey({}, join(dir, 'dev.pem'))
      const dev2 = await resolveSigningKey({}, join(dir, 'dev.pem'))
      expect(dev1.development).toBe(true)
      expect(publicKeyRaw(dev2.key)).toBe(publicKeyRaw(dev1.key))
      const fromFile = await resolveSigningKey({ VBE_WIDGET_SIGNING_KEY_FILE: join(dir, 'dev.pem') }, join(dir, 'unused.pem'))
      expect(publicKeyRaw(fromFile.key)).toBe(publicKeyRaw(dev1.key))
      expect(await readFile(join(dir, 'dev.pem'), 'utf8')).toContain('BEGIN PRIVATE KEY')
      await expect(resolveSigningKey({ VBE_WIDGET_SIGNING_KEY: 'nonsense' })).rejects.toThrow(SigningKeyError)
      await expect(resolveSigningKey({ VBE_WIDGET_SIGNING_KEY_FILE: join(dir, 'missing.pem') })).rejects.toThrow(/cannot read/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('release builds', () => {
  it('refuse the development key', async () => {
    const out = await mkdtemp(join(tmpdir(), 'vbe-widget-release-'))
    try {
      const env = {
        VBE_WIDGET_SIGNING_KEY: process.env['VBE_WIDGET_SIGNING_KEY'],
        VBE_WIDGET_SIGNING_KEY_FILE: process.env['VBE_WIDGET_SIGNING_KEY_FILE'],
      }
      delete process.env['VBE_WIDGET_SIGNING_KEY']
      delete process.env['VBE_WIDGET_SIGNING_KEY_FILE']
      try {
        const release = { outDir: out, release: true, today: '2026-12-05', log: () => {} }
        await expect(buildWidget({ ...release, feedbackUrl: 'https://example.org/tyck-till' })).rejects.toThrow(SigningKeyError)
      } finally {
        for (const [k, v] of Object.entries(env)) if (v !== undefined) process.env[k] = v
      }
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })

  it("refuse the statement's placeholder feedback route: VBE_WIDGET_FEEDBACK_URL or the option must name one", async () => {
    const out = await mkdtemp(join(tmpdir(), 'vbe-widget-release-'))
    const saved = process.env['VBE_WIDGET_FEEDBACK_URL']
    delete process.env['VBE_WIDGET_FEEDBACK_URL']
    try {
      const build = buildWidget({ outDir: out, release: true, today: '2026-12-05', log: () => {} })
      await expect(build).rejects.toThrow(FeedbackRouteError)
      await expect(build).rejects.toThrow(/VBE_WIDGET_FEEDBACK_URL/)
    } finally {
      if (saved !== undefined) process.env['VBE_WIDGET_FEEDBACK_URL'] = saved
      await rm(out, { recursive: true, force: true })
    }
  })
})

describe('runtime freshness', () => {
  it('a check is current through the same day a year later, stale from the day after', () => {
    expect(isStale('2025-12-05', '2026-12-05')).toBe(false)
    expect(isStale('2025-12-05', '2026-12-06')).toBe(true)
    expect(isStale('2024-02-29', '2025-02-28')).toBe(false)
    expect(isStale('2024-02-29', '2025-03-01')).toBe(true)
  })
})
