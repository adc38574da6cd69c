/**
 * Signed district data. Each `widget/districts/<id>.json` is
 *
 *   {"payload":"<JSON text>","sig":"<base64 ECDSA P-256 / SHA-256 signature of payload, IEEE P1363 r‖s>"}
 *
 * and the payload is `{"issued":"<ISO instant>","checked":"YYYY-MM-DD","district":{…}}`:
 * when the file was signed (the widget keeps the newest it can get), the date of the
 * oldest check among its contacts (what the widget's runtime freshness rule reads), and
 * the district's contacts. The build signs with a private key; the matching public key is
 * built into vbe-info.js, which verifies every district file (inline or fetched) with
 * WebCrypto and never shows one that fails.
 *
 * The key: `VBE_WIDGET_SIGNING_KEY` (PKCS#8 PEM text) or `VBE_WIDGET_SIGNING_KEY_FILE`
 * (a path to one) for real deployments; otherwise a development key kept in
 * `apps/info-widget/.dev-keys/` (git-ignored), made on first use. A release build refuses
 * the development key. Keep the key stable: the public key is part of vbe-info.js, so
 * the same key means the same script (and SRI hash) when only contact data changes.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DistrictInfo } from '@vbe/ui'
import type { SignedDistrict } from './data-file.js'

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
export const DEV_KEY_FILE = join(appRoot, '.dev-keys/widget-signing-key.pem')

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError'
}

/** A fresh P-256 key pair (tests, and the development key). */
export const generateSigningKey = (): KeyObject => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey

function checkKey(key: KeyObject, from: string): KeyObject {
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new SigningKeyError(`${from}: the widget signing key must be an ECDSA P-256 private key (PKCS#8 PEM)`)
  return key
}

export interface ResolvedKey {
  readonly key: KeyObject
  /** Where it came from, for the build log. */
  readonly from: string
  readonly development: boolean
}

/** The signing key from the environment, else the development key (made on first use). */
export async function resolveSigningKey(env: NodeJS.ProcessEnv = process.env, devKeyFile = DEV_KEY_FILE): Promise<ResolvedKey> {
  const pem = env['VBE_WIDGET_SIGNING_KEY']
  if (pem)
    return {
      key: checkKey(parsePem(pem, 'VBE_WIDGET_SIGNING_KEY'), 'VBE_WIDGET_SIGNING_KEY'),
      from: 'VBE_WIDGET_SIGNING_KEY',
      development: false,
    }
  const file = env['VBE_WIDGET_SIGNING_KEY_FILE']
  if (file) {
    const text = await readFile(file, 'utf8').catch(() => {
      throw new SigningKeyError(`VBE_WIDGET_SIGNING_KEY_FILE: cannot read ${file}`)
    })
    return { key: checkKey(parsePem(text, file), file), from: file, development: false }
  }
  if (!existsSync(devKeyFile)) {
    await mkdir(dirname(devKeyFile), { recursive: true })
    await writeFile(devKeyFile, generateSigningKey().export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  }
  return { key: checkKey(parsePem(await readFile(devKeyFile, 'utf8'), devKeyFile), devKeyFile), from: devKeyFile, development: true }
}

function parsePem(text: string, from: string): KeyObject {
  try {
    return createPrivateKey(text)
  } catch {
    throw new SigningKeyError(`${from}: not a PEM private key`)
  }
}

/** The public key as the script imports it: the raw uncompressed point (65 bytes), base64. */
export function publicKeyRaw(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' })
  const b = (s: string | undefined) => Buffer.from(s ?? '', 'base64url')
  return Buffer.concat([Buffer.from([4]), b(jwk.x), b(jwk.y)]).toString('base64')
}

/** The oldest `verifiedOn` among the district's contacts: every contact was checked on or after it. */
export const oldestCheck = (district: DistrictInfo): string =>
  district.contacts.map((c) => c.source.verifiedOn).reduce((a, b) => (b < a ? b : a), '9999-12-31')

/** The district file's text, signed. */
export function signDistrict(district: DistrictInfo, key: KeyObject, issued: Date = new Date()): string {
  const body: SignedDistrict = { issued: issued.toISOString(), checked: oldestCheck(district), district }
  const payload = JSON.stringify(body)
  const sig = sign('sha256', Buffer.from(payload), { key, dsaEncoding: 'ieee-p1363' }).toString('base64')
  return JSON.stringify({ payload, sig })
}
