import * as client from 'openid-client'
import type { OidcSettings } from './config.js'

/** Per settings: the provider's metadata, read once (again after a failure), and the client for it. */
const providers = new WeakMap<OidcSettings, (skewSeconds: number) => Promise<client.Configuration>>()

export function providerFor(settings: OidcSettings): (skewSeconds: number) => Promise<client.Configuration> {
  let found = providers.get(settings)
  if (!found) providers.set(settings, (found = providerClient(settings)))
  return found
}

function providerClient(settings: OidcSettings) {
  let pending: Promise<client.Configuration> | undefined
  return (skewSeconds: number): Promise<client.Configuration> => {
    const issuer = new URL(settings.issuer)
    const loopback = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(issuer.hostname)
    pending ??= client
      .discovery(
        issuer,
        settings.clientId,
        { client_secret: settings.clientSecret, [client.clockSkew]: skewSeconds },
        client.ClientSecretBasic(settings.clientSecret),
        // Plain http only for a provider on this machine (development and the tests).
        issuer.protocol === 'http:' && loopback ? { execute: [client.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        pending = undefined
        throw error
      })
    return pending
  }
}
