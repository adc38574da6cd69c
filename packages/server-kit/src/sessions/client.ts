import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import ipaddr from 'ipaddr.js'

/** Where a request comes from, as far as the server may believe it. */
export interface ClientInfo {
  /** The client's address: the peer's, or from X-Forwarded-For when the peer is a trusted proxy. */
  readonly address: string
  /** Whether the client reached us over https (directly, or per X-Forwarded-Proto from a trusted proxy). */
  readonly https: boolean
}

type Address = ipaddr.IPv4 | ipaddr.IPv6

/** A literal address, strictly: four-part decimal IPv4 (no `10.1` or `0x0a.0.0.1`) or IPv6; IPv4-mapped IPv6 as IPv4. */
function parseAddress(text: string): Address | null {
  const a = text.trim()
  if (ipaddr.IPv4.isValidFourPartDecimal(a)) return ipaddr.IPv4.parse(a)
  if (!a.includes(':') || !ipaddr.IPv6.isValid(a)) return null
  const v6 = ipaddr.IPv6.parse(a)
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same IPv4 address; IPv6 in its short form. Not an address: as it came, trimmed. */
export const normaliseAddress = (address: string): string => parseAddress(address)?.toString() ?? address.trim().toLowerCase()

/** One entry of `VBE_TRUSTED_PROXIES`: a network and its prefix length (32 or 128 for one address). */
type Range = readonly [Address, number]

/**
 * Reads a list of trusted proxies: exact addresses and CIDR ranges, IPv4 and IPv6 (e.g.
 * `10.0.0.5`, `10.0.0.0/8`, `fd00::/8`). A range given as IPv4-mapped IPv6
 * (`::ffff:10.0.0.0/104`) is the IPv4 range. Returns the ranges, or the entries that
 * are not an address or a range: a range whose address has bits past its prefix
 * (`10.0.0.5/8`) is refused, since it trusts more than it seems to.
 */
export function parseTrustedProxies(entries: readonly string[]): { ranges: readonly Range[]; bad: readonly string[] } {
  const ranges: Range[] = []
  const bad: string[] = []
  for (const raw of entries) {
    const entry = raw.trim()
    const slash = entry.indexOf('/')
    const address = parseAddress(slash < 0 ? entry : entry.slice(0, slash))
    const bitsText = slash < 0 ? null : entry.slice(slash + 1)
    if (!address || (bitsText !== null && !/^\d{1,3}$/.test(bitsText))) {
      bad.push(entry)
      continue
    }
    const max = address.kind() === 'ipv4' ? 32 : 128
    // A mapped range counts its prefix over the IPv6 form: ::ffff:10.0.0.0/104 is 10.0.0.0/8.
    const mapped = address.kind() === 'ipv4' && entry.slice(0, slash < 0 ? undefined : slash).includes(':')
    const given = bitsText === null ? (mapped ? 128 : max) : Number(bitsText)
    const bits = mapped ? given - 96 : given
    if (bits < 0 || bits > max) {
      bad.push(entry)
      continue
    }
    const cidr = `${address.toString()}/${bits}`
    const base = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr)
    if (base.toString() !== address.toString()) {
      bad.push(entry)
      continue
    }
    ranges.push([address, bits])
  }
  return { ranges, bad }
}

/** Compiled once per list (the kit's settings hold one list for the process). */
const compiled = new WeakMap<readonly string[], readonly Range[]>()

function rangesOf(trustedProxies: readonly string[]): readonly Range[] {
  let ranges = compiled.get(trustedProxies)
  if (!ranges) {
    const parsed = parseTrustedProxies(trustedProxies)
    if (parsed.bad.length > 0) throw new Error(`Not an IP address or CIDR range among the trusted proxies: ${parsed.bad.join(', ')}`)
    compiled.set(trustedProxies, (ranges = parsed.ranges))
  }
  return ranges
}

/** Throws naming the entries of `trustedProxies` that are not an address or CIDR range (for `createApi`). */
export function checkTrustedProxies(trustedProxies: readonly string[]): void {
  rangesOf(trustedProxies)
}

const within = (address: Address, ranges: readonly Range[]): boolean =>
  ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits))

function peerAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    return null
  }
}

/**
 * The client's address and scheme. X-Forwarded-For and X-Forwarded-Proto are honoured
 * only when the connection comes from one of `trustedProxies` (addresses or CIDR
 * ranges); then the client is the right-most address in X-Forwarded-For that is not
 * itself a trusted proxy. From anyone else the headers are ignored, so a client cannot
 * choose its address (and so dodge the login throttle or frame another address).
 */
export function clientInfo(c: Context, trustedProxies: readonly string[]): ClientInfo {
  const peerText = peerAddress(c)
  const peer = peerText ? parseAddress(peerText) : null
  const direct: ClientInfo = {
    address: peer?.toString() ?? (peerText ? normaliseAddress(peerText) : 'unknown'),
    https: new URL(c.req.url).protocol === 'https:',
  }
  const ranges = rangesOf(trustedProxies)
  if (!peer || !within(peer, ranges)) return direct
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map(parseAddress)
    .filter((a): a is Address => a !== null)
  let address = direct.address
  for (let i = forwarded.length - 1; i >= 0; i--) {
    address = forwarded[i]!.toString()
    if (!within(forwarded[i]!, ranges)) break
  }
  const proto = (c.req.header('x-forwarded-proto') ?? '').split(',').pop()?.trim().toLowerCase()
  return { address, https: proto === 'https' || (proto === undefined || proto === '' ? direct.https : false) }
}
