import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  clientInfo,
  createApi,
  EnvError,
  kitMigrations,
  listen,
  openDatabase,
  parseServerEnv,
  parseTrustedProxies,
  type Database,
  type Listening,
} from '../src/index.js'

/*
 * Trusted proxies as addresses and CIDR ranges (VBE_TRUSTED_PROXIES), over real HTTP on
 * loopback: the test connects from chosen addresses in 127.0.0.0/8 (and ::1), and the
 * app says which client address it believes.
 */

let database: Database
const servers: Listening[] = []

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null }, [kitMigrations])
})
afterAll(async () => {
  for (const s of servers) await s.close()
  await database?.close()
})

/** An app that trusts `trustedProxies` and answers with the client address and scheme it believes. */
async function serve(trustedProxies: string[], hostname = '127.0.0.1'): Promise<number> {
  const app = createApi({ database, trustedProxies })
  app.get('/api/whoami', (c) => c.json(clientInfo(c, trustedProxies)))
  const server = await listen(app.fetch, { port: 0, hostname })
  servers.push(server)
  return server.port
}

/** GET /api/whoami on `host`, connecting from `from`, with X-Forwarded-For and -Proto. */
function whoami(port: number, from: string, host = '127.0.0.1'): Promise<{ address: string; https: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host,
        port,
        path: '/api/whoami',
        localAddress: from,
        headers: { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve(JSON.parse(body) as { address: string; https: boolean }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('trusted proxies as CIDR ranges', () => {
  it('believes X-Forwarded-For from an address inside a trusted range, and not from one outside it', async () => {
    const port = await serve(['127.0.0.0/29'])
    expect(await whoami(port, '127.0.0.5')).toEqual({ address: '198.51.100.7', https: true })
    expect(await whoami(port, '127.0.0.9')).toEqual({ address: '127.0.0.9', https: false })
    // An exact address is still a list entry of its own.
    const exact = await serve(['127.0.0.9'])
    expect(await whoami(exact, '127.0.0.9')).toEqual({ address: '198.51.100.7', https: true })
    expect(await whoami(exact, '127.0.0.5')).toEqual({ address: '127.0.0.5', https: false })
  })

  it('handles IPv4-mapped IPv6: a dual-stack server sees ::ffff:127.0.0.5, which is in 127.0.0.0/29', async () => {
    const dual = await serve(['127.0.0.0/29'], '::')
    expect(await whoami(dual, '127.0.0.5')).toEqual({ address: '198.51.100.7', https: true })
    expect(await whoami(dual, '127.0.0.9')).toEqual({ address: '127.0.0.9', https: false })
    // A range written in the mapped form is the IPv4 range.
    const mapped = await serve(['::ffff:127.0.0.0/125'])
    expect(await whoami(mapped, '127.0.0.5')).toEqual({ address: '198.51.100.7', https: true })
    expect(await whoami(mapped, '127.0.0.9')).toMatchObject({ address: '127.0.0.9' })
  })

  it('matches IPv6 ranges, and keeps IPv4 and IPv6 apart', async () => {
    const trusting = await serve(['::/127'], '::1')
    expect(await whoami(trusting, '::1', '::1')).toEqual({ address: '198.51.100.7', https: true })
    const other = await serve(['fd00::/8', '0.0.0.0/0'], '::1')
    expect(await whoami(other, '::1', '::1')).toEqual({ address: '::1', https: false })
  })

  it('reads addresses and ranges, and names each entry that is neither', () => {
    expect(parseTrustedProxies(['10.0.0.0/8', ' fd00::/8', '10.0.0.5', '::ffff:10.0.0.0/104', '2001:DB8::1']).bad).toEqual([])
    expect(parseTrustedProxies(['10.0.0.0/33', '10.0.0.5/8', 'proxy.local', '10.1', '0x0a.0.0.1', 'fd00::/129', '10.0.0.0/']).bad).toEqual([
      '10.0.0.0/33',
      '10.0.0.5/8',
      'proxy.local',
      '10.1',
      '0x0a.0.0.1',
      'fd00::/129',
      '10.0.0.0/',
    ])
    expect(parseServerEnv({ VBE_TRUSTED_PROXIES: '10.0.0.0/8,fd00::/8' }, 'x', 1).kit.trustedProxies).toEqual(['10.0.0.0/8', 'fd00::/8'])
    let message = ''
    try {
      parseServerEnv({ VBE_TRUSTED_PROXIES: '10.0.0.0/8, 10.0.0.5/8, proxy.local' }, 'x', 1)
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      message = (error as EnvError).message
    }
    expect(message).toMatch(/^VBE_TRUSTED_PROXIES has "10\.0\.0\.5\/8", which is not an IP address or CIDR range/m)
    expect(message).toMatch(/^VBE_TRUSTED_PROXIES has "proxy\.local", which is not an IP address or CIDR range/m)
    expect(message).not.toMatch(/"10\.0\.0\.0\/8"/)
    // Given straight to createApi, a bad entry fails at once, not at the first request.
    expect(() => createApi({ database, trustedProxies: ['10.0.0.0/40'] })).toThrow(/10\.0\.0\.0\/40/)
  })
})
