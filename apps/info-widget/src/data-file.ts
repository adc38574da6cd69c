/**
 * Reading and checking a signed district file (format: see `signing.ts`). Browser-safe:
 * the widget and the snippet generator use it, and so do the Node tests (WebCrypto is
 * global in both).
 */
import type { DistrictInfo } from '@vbe/ui'

/** What a district file's payload holds. */
export interface SignedDistrict {
  readonly issued: string
  readonly checked: string
  readonly district: DistrictInfo
}

const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))

let keys: Map<string, Promise<CryptoKey>> | undefined
/** The public key as a WebCrypto key, imported once per page (the widget starts this as soon as it loads). */
export const importKey = (rawB64: string): Promise<CryptoKey> => {
  keys ??= new Map()
  let k = keys.get(rawB64)
  if (!k) {
    k = crypto.subtle.importKey('raw', bytes(rawB64), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])
    keys.set(rawB64, k)
  }
  return k
}

/**
 * The payload of a district file when its signature checks out against `publicKey`
 * (raw P-256 point, base64) and it is the district asked for; otherwise undefined. Never
 * throws: an unreadable, unsigned or altered file is simply not data.
 */
export async function verifyDistrictFile(text: string, publicKey: string, districtId: string): Promise<SignedDistrict | undefined> {
  try {
    const file = JSON.parse(text) as { payload?: unknown; sig?: unknown }
    if (typeof file.payload !== 'string' || typeof file.sig !== 'string') return undefined
    const ok = await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      await importKey(publicKey),
      bytes(file.sig),
      new TextEncoder().encode(file.payload),
    )
    if (!ok) return undefined
    const body = JSON.parse(file.payload) as SignedDistrict
    return body.district?.id === districtId && typeof body.issued === 'string' && typeof body.checked === 'string' ? body : undefined
  } catch {
    return undefined
  }
}

/** A district file's payload WITHOUT checking its signature: for tools that show what they are about to publish. */
export const unverifiedPayload = (fileText: string): SignedDistrict =>
  JSON.parse((JSON.parse(fileText) as { payload: string }).payload) as SignedDistrict

/**
 * True when `checked` (YYYY-MM-DD) is more than twelve months before `today`: current
 * through the same day a year later, stale from the day after (the build's release rule,
 * `isMoreThanMonthsBefore`, for a year; 29 February counts through 28 February).
 */
export function isStale(checked: string, today: string): boolean {
  const y = Number(checked.slice(0, 4)) + 1
  let md = checked.slice(4)
  if (md === '-02-29') md = '-02-28'
  return `${y}${md}` < today
}
