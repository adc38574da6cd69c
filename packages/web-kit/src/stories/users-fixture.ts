import type { SessionInfo } from '../sessions-page.js'
import type { User } from '../types.js'
import type { Account } from '../users-page.js'

/**
 * The users and sign-ins the kit's user stories (Users.stories, Pages.stories) and its
 * table layout test (test/table-cards.test) show: two admins, four accounts (one disabled,
 * one the admin looking, one with a long name), sign-ins with a long browser string.
 */

const DISTRICTS: Readonly<Record<string, string>> = { 'rinkeby-kista': 'Rinkeby-Kista', norrmalm: 'Norrmalm' }
/** A district's name, as the apps give the users page. */
export const districtName = (id: string): string => DISTRICTS[id] ?? id

export const cityAdmin: User = { id: 'u-admin', username: 'admin', displayName: 'Sara Administratör', roles: ['admin'], district: null }
export const districtAdmin: User = { ...cityAdmin, id: 'u-admin-rk', displayName: 'Karim Administratör', district: 'rinkeby-kista' }

const account = (id: string, displayName: string, more: Partial<Account> = {}): Account => ({
  id,
  displayName,
  roles: ['officer'],
  district: 'rinkeby-kista',
  disabled: false,
  signIn: 'password',
  liveSessions: 2,
  lastSeenAt: '2026-05-04T08:55:00Z',
  self: false,
  ...more,
})

/** Every user the city-wide admin sees; the first two are in Rinkeby-Kista. */
export const exampleAccounts: readonly Account[] = [
  account('u1', 'Amina Handläggare'),
  account('u2', 'Bertil Attestant', { roles: ['officer', 'approver'], disabled: true, signIn: 'oidc', liveSessions: 0, lastSeenAt: null }),
  account('u-admin', 'Sara Administratör', {
    roles: ['admin'],
    district: null,
    liveSessions: 1,
    lastSeenAt: '2026-05-04T09:01:00Z',
    self: true,
  }),
  account('u4', 'Maria-Josefina Bergström-Lindqvist', { roles: ['officer', 'approver'], district: 'norrmalm', liveSessions: 1 }),
]

const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

/** The signed-in user's own sign-ins ("My sign-ins"): the one in use now first. */
export const mySessions: readonly SessionInfo[] = [
  {
    id: '8b1f0c3e-0000-4000-8000-000000000001',
    createdAt: '2026-05-04T06:00:00Z',
    lastSeenAt: '2026-05-04T08:55:00Z',
    expiresAt: '2026-05-04T14:00:00Z',
    address: '10.20.30.40',
    userAgent: chrome,
    current: true,
  },
  {
    id: '8b1f0c3e-0000-4000-8000-000000000002',
    createdAt: '2026-05-03T12:10:00Z',
    lastSeenAt: '2026-05-04T07:40:00Z',
    expiresAt: '2026-05-04T20:10:00Z',
    address: null,
    userAgent: null,
    current: false,
  },
]

/** Amina's sign-ins, as the admin sees them on the users page (none is the admin's own). */
export const sessionsByUser: Readonly<Record<string, readonly SessionInfo[]>> = {
  u1: [
    {
      ...mySessions[0]!,
      id: '8b1f0c3e-0000-4000-8000-000000000003',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140.0',
      current: false,
    },
    { ...mySessions[1]!, id: '8b1f0c3e-0000-4000-8000-000000000004' },
  ],
}
