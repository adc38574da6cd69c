import { describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../src/demo.js'

/**
 * The same login is the same person in both staff apps: the names grant screening's demo gives its users
 * (apps/grant-screening/src/demo.ts). The first walk found officer2.rk as "Erik Lind" there and "Jonas
 * (handläggare, Rinkeby-Kista)" here, approver.rk as "Sara Nilsson" and "Leila (nämndsekreterare, Rinkeby-Kista)".
 */
const GRANT_SCREENING_NAMES: Record<string, string> = {
  'officer.rk': 'Amina Yusuf',
  'officer2.rk': 'Erik Lind',
  'approver.rk': 'Sara Nilsson',
  'officer.nm': 'Lars Berg',
  'approver.nm': 'Maria Holm',
  'officer-approver.rk': 'Nadia Karimi',
  'officer-approver.nm': 'Olof Strand',
  'admin.rk': 'Hanna Sjöberg',
  'admin.nm': 'Johan Lindqvist',
  admin: 'Kim Andersson',
  auditor: 'Robin Ek',
}

describe('plan editor demo users', () => {
  it('have the names grant screening gives the same logins', () => {
    expect(Object.fromEntries(DEMO_USERS.map((u) => [u.username, u.displayName]))).toEqual(GRANT_SCREENING_NAMES)
  })

  it('have a name only: no role or district repeated in brackets', () => {
    for (const u of DEMO_USERS) expect(u.displayName, u.username).toMatch(/^[\p{L}-]+( [\p{L}-]+)+$/u)
  })
})
